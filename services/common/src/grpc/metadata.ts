import { Metadata } from '@grpc/grpc-js';
import { ROLES, type Actor, type CallContext, type EnvironmentKind } from '../context/scope';
import { unauthenticated } from '../errors/domain-error';

/** Metadata keys that carry the call context from the gateway to every service it reaches. */
export const MD = {
  tenantId: 'x-tenant-id',
  environmentId: 'x-environment-id',
  environmentKind: 'x-environment-kind',
  actorType: 'x-actor-type',
  actorId: 'x-actor-id',
  actorRole: 'x-actor-role',
  requestId: 'x-request-id',
} as const;

export function contextToMetadata(ctx: CallContext | undefined, metadata = new Metadata()): Metadata {
  if (!ctx) return metadata;
  metadata.set(MD.actorType, ctx.actor.type);
  metadata.set(MD.actorId, ctx.actor.id);
  metadata.set(MD.actorRole, ctx.actor.role);
  const tenantId = ctx.scope?.tenantId ?? ctx.tenantId;
  if (tenantId) metadata.set(MD.tenantId, tenantId);
  if (ctx.scope) {
    metadata.set(MD.environmentId, ctx.scope.environmentId);
    metadata.set(MD.environmentKind, ctx.scope.environmentKind);
  }
  if (ctx.requestId) metadata.set(MD.requestId, ctx.requestId);
  return metadata;
}

const one = (metadata: Metadata, key: string): string | undefined => {
  const v = metadata.get(key)[0];
  return typeof v === 'string' && v !== '' ? v : undefined;
};

const ACTOR_TYPES = new Set<Actor['type']>(['user', 'api_key', 'system', 'hosted_session']);
const ACTOR_ROLES = new Set<string>([...ROLES, 'platform_admin', 'system']);

/**
 * Reads the call context a caller sent; a call naming no actor acts as the
 * system with no scope. An actor type or role this code does not know is
 * refused (unauthenticated) rather than read as anything else: a caller newer
 * than this service must not be taken for the system.
 */
export function contextFromMetadata(metadata: Metadata): CallContext {
  const type = one(metadata, MD.actorType) as Actor['type'] | undefined;
  const role = one(metadata, MD.actorRole);
  if ((type !== undefined && !ACTOR_TYPES.has(type)) || (role !== undefined && !ACTOR_ROLES.has(role)) || (type === undefined) !== (role === undefined)) {
    throw unauthenticated(`The call's actor (type ${type ?? 'none'}, role ${role ?? 'none'}) is not one this service knows.`);
  }
  const actor: Actor =
    type && role ? { type, id: one(metadata, MD.actorId) ?? 'unknown', role: role as Actor['role'] } : { type: 'system', id: 'anonymous', role: 'system' };
  const tenantId = one(metadata, MD.tenantId);
  const environmentId = one(metadata, MD.environmentId);
  const kind = one(metadata, MD.environmentKind);
  const environmentKind: EnvironmentKind | undefined =
    kind === 'production' || kind === 'sandbox' ? kind : undefined;
  return {
    actor,
    tenantId,
    scope: tenantId && environmentId && environmentKind ? { tenantId, environmentId, environmentKind } : undefined,
    requestId: one(metadata, MD.requestId),
  };
}
