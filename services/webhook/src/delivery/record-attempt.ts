import type { Knex } from 'knex';
import { DISABLE_AFTER_MS, type Deps } from '../domain/deps';
import { nextDelay, parseRetryAfter } from '../domain/retry-schedule';
import { endpointChanged } from '../events/emit';
import type { DeliveryRow, EndpointRow } from '../store/tables';
import type { PostResult } from './http-post';
import type { AttemptOutcome } from './metrics';

/**
 * Records one attempt's outcome in one transaction: the attempt itself; the
 * delivery `succeeded`, due again by the retry schedule (a Retry-After within
 * it), or `failed` when the schedule has run out; and the endpoint's failure
 * streak, which disables it once every attempt has failed for 5 days. A
 * delivery deleted meanwhile (its endpoint was) records nothing. Resolves, once
 * committed, to what the attempt came to (undefined when nothing was recorded).
 */
export async function recordAttempt(deps: Deps, delivery: { id: string; endpoint_id: string }, at: Date, result: PostResult): Promise<AttemptOutcome | undefined> {
  return deps.db.transaction(async (trx): Promise<AttemptOutcome | undefined> => {
    const row = (await trx('deliveries').where({ id: delivery.id }).forUpdate().first()) as DeliveryRow | undefined;
    if (!row) return undefined;
    const now = deps.clock.now();
    const attempts = row.attempt_count + 1;
    await trx('attempts').insert({
      delivery_id: row.id,
      at,
      response_status: result.status ?? null,
      duration_ms: result.durationMs,
      error: result.ok ? null : (result.error ?? 'failed'),
      response_body: result.body,
    });
    if (result.ok) {
      await trx('deliveries').where({ id: row.id }).update({ status: 'succeeded', attempt_count: attempts, next_attempt_at: null, updated_at: now });
      await trx('endpoints').where({ id: row.endpoint_id }).whereNotNull('failing_since').update({ failing_since: null });
      return 'succeeded';
    }
    const delay = nextDelay(deps.schedule, attempts, parseRetryAfter(result.retryAfter, now));
    await trx('deliveries')
      .where({ id: row.id })
      .update(
        delay === undefined
          ? { status: 'failed', attempt_count: attempts, next_attempt_at: null, updated_at: now }
          : { status: 'pending', attempt_count: attempts, next_attempt_at: new Date(now.getTime() + delay), updated_at: now },
      );
    await noteFailure(deps, trx, row.endpoint_id, now, result.error ?? 'failed');
    return delay === undefined ? 'failed' : 'retry_scheduled';
  });
}

async function noteFailure(deps: Deps, trx: Knex.Transaction, endpointId: string, now: Date, error: string): Promise<void> {
  const endpoint = (await trx('endpoints').where({ id: endpointId }).forUpdate().first()) as EndpointRow | undefined;
  if (!endpoint) return;
  if (!endpoint.failing_since) {
    await trx('endpoints').where({ id: endpointId }).update({ failing_since: now });
    return;
  }
  const since = new Date(endpoint.failing_since);
  if (endpoint.status !== 'enabled' || now.getTime() - since.getTime() < DISABLE_AFTER_MS) return;
  const reason = `Disabled automatically: every delivery has failed since ${since.toISOString()} (5 days); the last error: ${error}`.slice(0, 500);
  const change = { status: 'disabled' as const, disabled_reason: reason, disabled_at: now, updated_at: now };
  await trx('endpoints').where({ id: endpointId }).update(change);
  const disabled = { ...endpoint, ...change };
  await endpointChanged(trx, disabled, 'disabled', reason);
  deps.logger.warn({ endpointId, failingSince: since }, 'endpoint disabled after failing every delivery for 5 days');
}
