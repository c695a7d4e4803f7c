import { EVERY_ROLE, scopeFor, type CallContext, type Role } from '@azotte/common';

export { EVERY_ROLE, scopeFor };

/**
 * Who may do what, checked again inside the service (the gateway enforces the
 * same role table first; this is defence in depth, API.md "Roles": bundles,
 * prices and entitlements are W for administrators and managers, R for
 * operators and viewers).
 */
export const CATALOG_WRITERS: readonly Role[] = ['administrator', 'manager'];

/** Reads: every role, and other services. */
export const readScope = (ctx: CallContext) => scopeFor(ctx, EVERY_ROLE, { services: true });
/** Changes: administrators and managers. */
export const writeScope = (ctx: CallContext) => scopeFor(ctx, CATALOG_WRITERS);
