import { permissionDenied, type CallContext } from '@azotte/common';
import type { tenantV1 } from '@azotte/proto';
import { addCounters } from '../store/usage';
import type { Deps } from './deps';
import { recordApiCallsSchema, validate } from './validation';

/**
 * Adds API calls the gateway counted, in batches. Only a service (the gateway,
 * acting as the system) or the platform administrator may report them: a
 * tenant must not be able to inflate or hide its own usage.
 */
export async function recordApiCalls(
  deps: Deps,
  ctx: CallContext,
  request: tenantV1.RecordApiCallsRequest,
): Promise<tenantV1.RecordApiCallsResponse> {
  if (ctx.actor.role !== 'system' && ctx.actor.role !== 'platform_admin') {
    throw permissionDenied('Only the platform records API calls.');
  }
  const { counts } = validate(recordApiCallsSchema, request);
  // One row per tenant and month, taken in a fixed order so concurrent batches cannot deadlock.
  const totals = new Map<string, { tenantId: string; month: string; calls: number }>();
  for (const c of counts) {
    const key = `${c.tenantId}|${c.month}`;
    const total = totals.get(key) ?? { tenantId: c.tenantId, month: c.month, calls: 0 };
    total.calls += c.calls;
    totals.set(key, total);
  }
  const ordered = [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, t]) => t);
  await deps.db.transaction(async (trx) => {
    for (const t of ordered) if (t.calls > 0) await addCounters(trx, t.tenantId, t.month, { apiCalls: t.calls });
  });
  return {};
}
