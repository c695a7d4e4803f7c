import { notFound, permissionDenied, requireScope, type CallContext, type Role, type Scope } from '@azotte/common';

/** API.md's role table again, inside the service (the gateway checks it first). */
export const BILLING_WRITERS: readonly Role[] = ['administrator', 'manager', 'operator'];
export const EVERY_ROLE: readonly Role[] = ['administrator', 'manager', 'operator', 'viewer'];
export const REFUNDERS: readonly Role[] = ['administrator', 'manager'];
export const TEST_CLOCK_USERS: readonly Role[] = ['administrator', 'manager', 'operator'];

/** The caller's scope, when its role is one of `roles` (the platform administrator and services too). */
export function scopeFor(ctx: CallContext, roles: readonly Role[]): Scope {
  const scope = requireScope(ctx);
  const role = ctx.actor.role;
  if (role === 'platform_admin' || role === 'system') return scope;
  if (!(roles as readonly string[]).includes(role)) throw permissionDenied();
  return scope;
}

/**
 * A hosted page's caller (actor `hosted_session`, its id the session's) acts
 * for its own session only: any other session is not found to it.
 */
export function requireOwnSession(ctx: CallContext, what: 'checkout_session', id: string): void {
  if ((ctx.actor.type as string) === 'hosted_session' && ctx.actor.id !== id) throw notFound(what, id);
}
