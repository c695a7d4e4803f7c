import { permissionDenied, requireScope, type CallContext, type Role, type Scope } from '@azotte/common';

/**
 * Who may do what, checked again inside the service (the gateway enforces the
 * same role table first; this is defence in depth, API.md "Roles": bundles,
 * prices and entitlements are W for administrators and managers, R for
 * operators and viewers).
 */
export const CATALOG_WRITERS: readonly Role[] = ['administrator', 'manager'];
export const EVERY_ROLE: readonly Role[] = ['administrator', 'manager', 'operator', 'viewer'];

export interface AccessOptions {
  /** Also let other services in (actor role `system`): billing reading a price, say. */
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

/** Reads: every role, and other services. */
export const readScope = (ctx: CallContext) => scopeFor(ctx, EVERY_ROLE, { services: true });
/** Changes: administrators and managers. */
export const writeScope = (ctx: CallContext) => scopeFor(ctx, CATALOG_WRITERS);
