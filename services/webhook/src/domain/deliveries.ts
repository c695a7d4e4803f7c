import { invalidArgument, notFound, pageOf, scopeFor, unprocessable, type CallContext } from '@azotte/common';
import type { webhookV1 } from '@azotte/proto';
import { presentDelivery } from '../store/present';
import { deliveries, type AttemptRow, type DeliveryRow } from '../store/tables';
import { WEBHOOK_READERS, WEBHOOK_WRITERS } from './access';
import type { Deps } from './deps';
import { endpointOf } from './endpoints';

const STATUSES = ['pending', 'succeeded', 'failed'];

async function withAttempts(deps: Deps, rows: DeliveryRow[]): Promise<webhookV1.Delivery[]> {
  const attempts = rows.length === 0 ? [] : ((await deps.db('attempts').whereIn('delivery_id', rows.map((r) => r.id)).orderBy('id')) as AttemptRow[]);
  const byDelivery = new Map<string, AttemptRow[]>();
  for (const a of attempts) byDelivery.set(a.delivery_id, [...(byDelivery.get(a.delivery_id) ?? []), a]);
  return rows.map((row) => presentDelivery(row, byDelivery.get(row.id) ?? []));
}

/** An endpoint's deliveries, newest first, each with every attempt. */
export async function listDeliveries(deps: Deps, ctx: CallContext, req: webhookV1.ListDeliveriesRequest): Promise<webhookV1.ListDeliveriesResponse> {
  const scope = scopeFor(ctx, WEBHOOK_READERS);
  if (req.status && !STATUSES.includes(req.status)) throw invalidArgument([{ path: 'status', message: 'must be pending, succeeded or failed' }]);
  await endpointOf(deps.db, scope, req.endpointId);
  const query = deliveries.in(deps.db, scope).where({ endpoint_id: req.endpointId });
  if (req.status) query.andWhere({ status: req.status });
  const { rows, nextCursor } = await pageOf<DeliveryRow>(query, req.page);
  return { data: await withAttempts(deps, rows), nextCursor };
}

/** Sends a delivery again now, whatever its status; a failed one gets this one attempt (the schedule has run out). */
export async function retryDelivery(deps: Deps, ctx: CallContext, req: webhookV1.RetryDeliveryRequest): Promise<webhookV1.Delivery> {
  const scope = scopeFor(ctx, WEBHOOK_WRITERS);
  const row = await deps.db.transaction(async (trx) => {
    const found = (await deliveries.in(trx, scope).where({ id: req.id }).forUpdate().first()) as DeliveryRow | undefined;
    if (!found) throw notFound('webhook_delivery', req.id);
    const endpoint = await endpointOf(trx, scope, found.endpoint_id);
    if (endpoint.status !== 'enabled') throw unprocessable('endpoint_disabled', `Endpoint ${endpoint.id} is disabled; enable it to send it events.`);
    const now = deps.clock.now();
    const change = { status: 'pending' as const, next_attempt_at: now, updated_at: now };
    await deliveries.in(trx, scope).where({ id: found.id }).update(change);
    // Wakes the workers of every replica now rather than at their next sweep.
    await trx.raw('SELECT pg_notify(current_schema() || ?, ?)', ['_deliveries', '']);
    return { ...found, ...change };
  });
  const [delivery] = await withAttempts(deps, [row]);
  return delivery!;
}
