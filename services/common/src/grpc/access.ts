import { ROLES, type CallContext, type Role, type Scope } from '../context/scope';
import { permissionDenied } from '../errors/domain-error';
import { requireScope } from './require-scope';

export const EVERY_ROLE: readonly Role[] = ROLES;

export interface AccessOptions {
  /** Also let other services in (actor role `system`): billing reading a price, say. */
  services?: boolean;
}

/**
 * The caller's tenant and environment, when its role is one of `roles`: the
 * role table checked again inside a service (the gateway checks it first; this
 * is defence in depth). The platform administrator acts in any tenant it chose.
 */
export function scopeFor(ctx: CallContext, roles: readonly Role[], options: AccessOptions = {}): Scope {
  const scope = requireScope(ctx);
  const role = ctx.actor.role;
  if (role === 'platform_admin') return scope;
  if (role === 'system' && options.services) return scope;
  if (!(roles as readonly string[]).includes(role)) throw permissionDenied();
  return scope;
}
