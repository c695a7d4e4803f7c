import { permissionDenied, requireScope, type CallContext, type Role, type Scope } from '@azotte/common';

/**
 * Who may do what, checked again inside the service (the gateway enforces the
 * same role table first; this is defence in depth, API.md "Roles": customers
 * and support requests are W for administrator, manager, operator; R for viewer).
 */
export const CUSTOMER_WRITERS: readonly Role[] = ['administrator', 'manager', 'operator'];
export const EVERY_ROLE: readonly Role[] = ['administrator', 'manager', 'operator', 'viewer'];

export interface AccessOptions {
  /**
   * Also let other services in (actor role `system`): the reads they need to do
   * their work, such as billing asking whether a customer is erased.
   */
  services?: boolean;
}

/** The caller's tenant and environment, when its role is one of `roles`. */
export function scopeFor(ctx: CallContext, roles: readonly Role[], options: AccessOptions = {}): Scope {
  const scope = requireScope(ctx);
  const role = ctx.actor.role;
  if (role === 'platform_admin') return scope; // may act in any tenant it has chosen
  if (role === 'system' && options.services) return scope;
  if (!(roles as readonly string[]).includes(role)) throw permissionDenied();
  return scope;
}
