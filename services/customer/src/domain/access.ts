import { EVERY_ROLE, scopeFor, type Role } from '@azotte/common';

export { EVERY_ROLE, scopeFor };

/**
 * Who may do what, checked again inside the service (the gateway enforces the
 * same role table first; this is defence in depth, API.md "Roles": customers
 * and support requests are W for administrator, manager, operator; R for viewer).
 */
export const CUSTOMER_WRITERS: readonly Role[] = ['administrator', 'manager', 'operator'];
