import { permissionDenied, requireScope, type CallContext, type Role, type Scope } from '@azotte/common';

/**
 * Who may do what, checked again inside the service (the gateway enforces the
 * same role table first; this is defence in depth). API.md "Roles": campaigns
 * are created and edited by administrators and managers; activated, paused
 * and ended by operators too; read by every role.
 */
export const CAMPAIGN_EDITORS: readonly Role[] = ['administrator', 'manager'];
export const CAMPAIGN_OPERATORS: readonly Role[] = ['administrator', 'manager', 'operator'];
export const EVERY_ROLE: readonly Role[] = ['administrator', 'manager', 'operator', 'viewer'];

export interface AccessOptions {
  /** Also let other services in (actor role `system`): billing evaluating a checkout, say. */
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

/** Reads and evaluations: every role, and other services. */
export const readScope = (ctx: CallContext) => scopeFor(ctx, EVERY_ROLE, { services: true });
/** Creating and editing: administrators and managers. */
export const editScope = (ctx: CallContext) => scopeFor(ctx, CAMPAIGN_EDITORS);
/** Activating, pausing, ending: operators too. */
export const operateScope = (ctx: CallContext) => scopeFor(ctx, CAMPAIGN_OPERATORS);
/** Redemptions are billing's: other services only (and the platform administrator). */
export const serviceScope = (ctx: CallContext) => scopeFor(ctx, [], { services: true });
