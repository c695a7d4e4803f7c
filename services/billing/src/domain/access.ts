import { permissionDenied, requireScope, type CallContext, type Role, type Scope } from '@azotte/common';

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
