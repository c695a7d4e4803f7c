import { permissionDenied, requireScope, requireTenant, type CallContext, type Role, type Scope } from '@azotte/common';

/**
 * Who may do what, checked again inside the service (the gateway enforces the
 * same role table first; this is defence in depth, API.md "Roles").
 */
export const ADMINISTRATORS: readonly Role[] = ['administrator'];
/** Tenant profile and usage: read by all but operators. */
export const PROFILE_READERS: readonly Role[] = ['administrator', 'manager', 'viewer'];
export const STOREFRONT_WRITERS: readonly Role[] = ['administrator', 'manager'];
export const EVERY_ROLE: readonly Role[] = ['administrator', 'manager', 'operator', 'viewer'];

export interface AccessOptions {
  /**
   * Also let other services in (actor role `system`): the reads they need to do
   * their work, such as billing asking which payment providers are enabled.
   */
  services?: boolean;
}

export const isPlatformAdmin = (ctx: CallContext) => ctx.actor.role === 'platform_admin';

function allow(ctx: CallContext, roles: readonly Role[], options: AccessOptions): void {
  const role = ctx.actor.role;
  if (role === 'platform_admin') return; // may act in any tenant it has chosen
  if (role === 'system' && options.services) return;
  if (!(roles as readonly string[]).includes(role)) throw permissionDenied();
}

/** The caller's tenant, when its role is one of `roles`. */
export function tenantFor(ctx: CallContext, roles: readonly Role[], options: AccessOptions = {}): string {
  const tenantId = requireTenant(ctx);
  allow(ctx, roles, options);
  return tenantId;
}

/** The caller's tenant and environment, when its role is one of `roles`. */
export function scopeFor(ctx: CallContext, roles: readonly Role[], options: AccessOptions = {}): Scope {
  const scope = requireScope(ctx);
  allow(ctx, roles, options);
  return scope;
}
