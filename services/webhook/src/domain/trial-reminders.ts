import type { Db, Scope } from '@azotte/common';
import type { Knex } from 'knex';
import { TRIAL_REMINDER_MS, type Deps } from './deps';
import { recordPublicEvent } from './record-public-event';

interface TrialRow {
  tenant_id: string;
  environment_id: string;
  environment_kind: 'production' | 'sandbox';
  subscription_id: string;
  trial_end: Date;
  object: Record<string, unknown> & { id: string; customerId: string };
  reminded_at: Date | null;
}

const remind = (deps: Deps, trx: Db, row: TrialRow) =>
  recordPublicEvent(
    deps,
    trx,
    { tenantId: row.tenant_id, environmentId: row.environment_id, environmentKind: row.environment_kind },
    {
      type: 'subscription.trial_will_end',
      object: row.object,
      customerId: row.object.customerId,
      createdAt: new Date(new Date(row.trial_end).getTime() - TRIAL_REMINDER_MS).toISOString(),
    },
  );

/**
 * Keeps this service's copy of a subscription's trial from its billing event:
 * a trialing one is remembered with its trial end and its object; one that
 * left its trial is forgotten — after its reminder, if the business time of
 * the change is already within 3 days of the trial's end and none was sent
 * (a test clock that jumps past the reminder straight to the trial's end).
 */
export async function trackTrial(deps: Deps, trx: Knex.Transaction, scope: Scope, object: Record<string, unknown> & { id: string }, at: Date): Promise<void> {
  const key = { tenant_id: scope.tenantId, environment_id: scope.environmentId, subscription_id: object.id };
  const existing = (await trx('trials').where(key).forUpdate().first()) as TrialRow | undefined;
  const trialEnd = typeof object.trialEnd === 'string' ? new Date(object.trialEnd) : undefined;
  if (object.status === 'trialing' && trialEnd) {
    const moved = existing && new Date(existing.trial_end).getTime() !== trialEnd.getTime();
    await trx('trials')
      .insert({ ...key, environment_kind: scope.environmentKind, trial_end: trialEnd, object: JSON.stringify(object), reminded_at: null })
      .onConflict(['tenant_id', 'environment_id', 'subscription_id'])
      .merge({ trial_end: trialEnd, object: JSON.stringify(object), ...(moved ? { reminded_at: null } : {}) });
    return;
  }
  if (!existing) return;
  if (!existing.reminded_at && at.getTime() >= new Date(existing.trial_end).getTime() - TRIAL_REMINDER_MS) await remind(deps, trx, existing);
  await trx('trials').where(key).delete();
}

/**
 * Sends the reminders that are due: trials ending within 3 days of their
 * environment's now (real time plus a sandbox's test-clock offset). Rows are
 * taken with SKIP LOCKED, so replicas share the work and none is sent twice.
 */
export async function sendDueTrialReminders(deps: Deps, batch = 100): Promise<number> {
  const now = deps.clock.now();
  return deps.db.transaction(async (trx) => {
    const rows = (await trx('trials as t')
      .leftJoin('environment_clocks as c', function joinClock() {
        this.on('c.tenant_id', 't.tenant_id').andOn('c.environment_id', 't.environment_id');
      })
      .whereNull('t.reminded_at')
      .whereRaw(
        `t.trial_end - interval '${TRIAL_REMINDER_MS} milliseconds' <= ?::timestamptz + (CASE WHEN t.environment_kind = 'sandbox' THEN coalesce(c.offset_ms, 0) ELSE 0 END) * interval '1 millisecond'`,
        [now.toISOString()],
      )
      .orderBy('t.trial_end')
      .limit(batch)
      .forUpdate('t')
      .skipLocked()
      .select('t.*')) as TrialRow[];
    for (const row of rows) {
      await remind(deps, trx, row);
      await trx('trials')
        .where({ tenant_id: row.tenant_id, environment_id: row.environment_id, subscription_id: row.subscription_id })
        .update({ reminded_at: now });
    }
    return rows.length;
  });
}
