import type { Actor, EnvironmentKind } from '../context/scope';

/** `<service>.<entity>.<verb>.v<n>`, e.g. `billing.subscription.activated.v1`. */
export const ROUTING_KEY = /^[a-z]+\.[a-z_]+\.[a-z_]+\.v\d+$/;

/** AMQP header names that carry an event's scope, actor and trace context. */
export const HEADERS = {
  tenantId: 'x-tenant-id',
  environmentId: 'x-environment-id',
  environmentKind: 'x-environment-kind',
  occurredAt: 'x-occurred-at',
  actorType: 'x-actor-type',
  actorId: 'x-actor-id',
} as const;

/**
 * An event as a consumer receives it. `payload` is the JSON form of the
 * event's proto message; `id` is unique and is what the inbox deduplicates on.
 */
export interface BusEvent<P = Record<string, unknown>> {
  id: string;
  type: string;
  source: string;
  occurredAt: string;
  tenantId?: string;
  environmentId?: string;
  environmentKind?: EnvironmentKind;
  actor?: Pick<Actor, 'type' | 'id'>;
  payload: P;
}

/** The parts of a routing key: `tenant.api_key.revoked.v1` → service, entity, verb, version. */
export function parseRoutingKey(key: string) {
  const [service = '', entity = '', verb = '', version = ''] = key.split('.');
  return { service, entity, verb, version };
}
