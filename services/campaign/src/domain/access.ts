import { EVERY_ROLE, scopeFor, type CallContext, type Role } from '@azotte/common';

export { EVERY_ROLE, scopeFor };

/**
 * Who may do what, checked again inside the service (the gateway enforces the
 * same role table first; this is defence in depth). API.md "Roles": campaigns
 * are created and edited by administrators and managers; activated, paused
 * and ended by operators too; read by every role.
 */
export const CAMPAIGN_EDITORS: readonly Role[] = ['administrator', 'manager'];
export const CAMPAIGN_OPERATORS: readonly Role[] = ['administrator', 'manager', 'operator'];

/** Reads and evaluations: every role, and other services. */
export const readScope = (ctx: CallContext) => scopeFor(ctx, EVERY_ROLE, { services: true });
/** Creating and editing: administrators and managers. */
export const editScope = (ctx: CallContext) => scopeFor(ctx, CAMPAIGN_EDITORS);
/** Activating, pausing, ending: operators too. */
export const operateScope = (ctx: CallContext) => scopeFor(ctx, CAMPAIGN_OPERATORS);
/** Redemptions are billing's: other services only (and the platform administrator). */
export const serviceScope = (ctx: CallContext) => scopeFor(ctx, [], { services: true });
