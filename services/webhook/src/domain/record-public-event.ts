import { newId, type Db, type Scope } from '@azotte/common';
import { createHash } from 'node:crypto';
import { deliveries, endpoints, events, type EndpointRow } from '../store/tables';
import type { Deps } from './deps';
import { publicEventBody, type PublicEventDraft } from './public-events';

const digestOf = (object: unknown) => createHash('sha256').update(JSON.stringify(object)).digest('base64url');

/** Whether an endpoint's `enabledEvents` take this type ("*" takes all; `ping` is only ever sent to one endpoint). */
export const takes = (enabledEvents: readonly string[], type: string) => enabledEvents.includes('*') || enabledEvents.includes(type);

/**
 * Records a public event and, in the same transaction, one pending delivery
 * per enabled endpoint of its environment whose `enabledEvents` take it (or
 * only to `onlyTo`, for a ping), due at once. Answers the event's id, or
 * undefined when an `onlyIfChanged` draft shows nothing new.
 */
export async function recordPublicEvent(
  deps: Deps,
  trx: Db,
  scope: Scope,
  draft: PublicEventDraft,
  options: { sourceEventId?: string; onlyTo?: EndpointRow } = {},
): Promise<string | undefined> {
  const digest = digestOf(draft.object);
  const key = { tenant_id: scope.tenantId, environment_id: scope.environmentId, object_id: draft.object.id };
  if (draft.type !== 'ping') {
    // Events of one object are applied one at a time (the consumer runs several at once), so an
    // update that changes nothing sees the object its predecessor recorded.
    await trx.raw('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [`webhook:${scope.tenantId}:${draft.object.id}`]);
    const last = await trx('last_objects').where(key).first('digest');
    if (draft.onlyIfChanged && last?.digest === digest) return undefined;
    await trx('last_objects').insert({ ...key, digest }).onConflict(['tenant_id', 'environment_id', 'object_id']).merge(['digest']);
  }

  const now = deps.clock.now();
  const id = newId('evt');
  const name = await deps.environments.nameOf(trx, scope.tenantId, scope.environmentId);
  const body = publicEventBody(id, draft, { id: scope.environmentId, name });
  await events.insert(trx, scope, {
    id,
    type: draft.type,
    source_event_id: options.sourceEventId ?? null,
    object_id: draft.object.id,
    customer_id: draft.customerId ?? null,
    created_at: new Date(draft.createdAt),
    recorded_at: now,
    body,
  });

  const targets: EndpointRow[] = options.onlyTo
    ? [options.onlyTo]
    : ((await endpoints.in(trx, scope).where({ status: 'enabled' })) as EndpointRow[]).filter((e) => takes(e.enabled_events, draft.type));
  if (targets.length > 0) {
    await deliveries.insert(
      trx,
      scope,
      targets.map((endpoint) => ({
        id: newId('whd'),
        endpoint_id: endpoint.id,
        event_id: id,
        event_type: draft.type,
        status: 'pending' as const,
        attempt_count: 0,
        next_attempt_at: now,
        created_at: now,
        updated_at: now,
      })),
    );
  }
  return id;
}
