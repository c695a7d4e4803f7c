import { AsyncLocalStorage } from 'node:async_hooks';

export const ROLES = ['administrator', 'manager', 'operator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export type EnvironmentKind = 'production' | 'sandbox';

/** Where a business object lives. Every query a service runs is filtered by it. */
export interface Scope {
  tenantId: string;
  environmentId: string;
  environmentKind: EnvironmentKind;
}

/** Who acts: a tenant user, an API key, the platform administrator, or the system itself. */
export interface Actor {
  /** `hosted_session`: a customer on a hosted page, acting through its checkout or portal session. */
  type: 'user' | 'api_key' | 'system' | 'hosted_session';
  id: string;
  /** `platform_admin` only for the platform administrator. */
  role: Role | 'platform_admin' | 'system';
}

/**
 * What every call carries: the actor, and the scope it acts in. The tenant
 * may be known without an environment (tenant-level objects such as users).
 */
export interface CallContext {
  actor: Actor;
  tenantId?: string;
  scope?: Scope;
  requestId?: string;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: 'system', role: 'system' };

const storage = new AsyncLocalStorage<CallContext>();

/** Runs `fn` with `ctx` as the current call context (seen by logs, gRPC clients and the outbox). */
export function runWithContext<T>(ctx: CallContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentContext(): CallContext | undefined {
  return storage.getStore();
}
