import type { Scope } from '@azotte/common';
import { dueNow } from '../store/due-now';
import type { Deps } from '../domain/deps';
import type { SubscriptionRow } from '../store/tables';
import { dueActionOf, isStatus } from '../domain/statuses';
import type { RenewalOutcome } from './metrics';
import { noneProcessed, processDue, renewalOutcome, scopeOfRow, type Processed } from './process-due';
import { renewBatch, type DueRenewal } from './renew-batch';

export interface DueFilter {
  /** Only this environment, with everything due up to `until` (a test-clock advance). */
  scope?: Scope;
  until?: Date;
  batchSize: number;
}

/**
 * Takes one batch of due subscriptions with `FOR UPDATE SKIP LOCKED` and does
 * what each needs, each in its own savepoint: two schedulers (two billing
 * replicas, or the timer beside a test-clock advance) never take the same
 * subscription, and once one commits the row is no longer due. "Due" is
 * compared with each environment's own time: real now plus its test-clock
 * offset from `environment_clocks`. Returns the work done and how many rows
 * were taken; what each came to is counted (deps.metrics) once the batch commits.
 */
export async function runDueBatch(deps: Deps, filter: DueFilter, skip: Set<string> = new Set()): Promise<{ processed: Processed; taken: number }> {
  const processed = noneProcessed();
  const outcomes: RenewalOutcome[] = [];
  const realNow = deps.realClock.now();
  const taken = await deps.db.transaction(async (trx) => {
    let rows: SubscriptionRow[];
    if (filter.scope) {
      rows = await trx('subscriptions')
        .where({ tenant_id: filter.scope.tenantId, environment_id: filter.scope.environmentId })
        .whereNotNull('next_action_at')
        .where('next_action_at', '<=', filter.until ?? realNow)
        .modify((q) => (skip.size > 0 ? q.whereNotIn('id', [...skip]) : q))
        .orderBy('next_action_at')
        .limit(filter.batchSize)
        .forUpdate()
        .skipLocked();
    } else {
      rows = await dueNow(trx, realNow)
        .modify((q) => (skip.size > 0 ? q.whereNotIn('s.id', [...skip]) : q))
        .orderBy('s.next_action_at')
        .limit(filter.batchSize)
        .select('s.*')
        .forUpdate('s')
        .skipLocked();
    }
    const failed = (row: SubscriptionRow, err: unknown) => {
      // One subscription's failure does not hold back the others; it is tried again later.
      skip.add(row.id);
      outcomes.push('error');
      deps.logger.error({ err, subscriptionId: row.id }, 'scheduled billing failed for a subscription');
    };
    // Renewals and trial conversions, the bulk of the work, go together in a few statements.
    const renewals = rows.flatMap((row) => renewalOf(row) ?? []);
    let oneByOne = rows;
    if (renewals.length > 0 && (await renewBatch(deps, trx, renewals, failed))) {
      const batched = new Set(renewals.map((r) => r.row));
      oneByOne = rows.filter((row) => !batched.has(row));
      for (const r of renewals) {
        if (skip.has(r.row.id)) continue;
        processed[r.converting ? 'trialConversions' : 'renewals']++;
        outcomes.push(renewalOutcome(r.row));
      }
    }
    for (const row of oneByOne) {
      try {
        // Into a copy first: a savepoint rolled back must leave no outcome behind.
        const own: RenewalOutcome[] = [];
        await trx.transaction(async (sp) => processDue(deps, sp, row, processed, own));
        outcomes.push(...own);
      } catch (err) {
        failed(row, err);
      }
    }
    return rows.length;
  });
  deps.metrics?.recordOutcomes(outcomes);
  return { processed, taken };
}

/** The row as a renewal the batch can take (a renewal or a trial's end), else undefined. */
function renewalOf(row: SubscriptionRow): DueRenewal | undefined {
  if (!isStatus(row.status)) return undefined;
  const action = dueActionOf(row.status, row.cancel_at_period_end);
  if (action !== 'renew' && action !== 'convert_trial') return undefined;
  // At the moment it fell due, as `processDue` bills it.
  return { row, scope: scopeOfRow(row), at: new Date(row.next_action_at ?? Date.now()), converting: action === 'convert_trial' };
}

const addInto = (total: Processed, more: Processed) => {
  total.renewals += more.renewals;
  total.trialConversions += more.trialConversions;
  total.retries += more.retries;
  total.cancellations += more.cancellations;
};

/** Runs batches until nothing is due (a subscription due twice, e.g. daily over a long advance, is taken again). */
export async function runAllDue(deps: Deps, filter: DueFilter): Promise<Processed> {
  const total = noneProcessed();
  const skip = new Set<string>();
  for (;;) {
    const { processed, taken } = await runDueBatch(deps, filter, skip);
    addInto(total, processed);
    if (taken === 0) return total;
  }
}
