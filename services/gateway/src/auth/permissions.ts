import type { Role } from '@azotte/common';

type Level = 'W' | 'R' | '—';

/**
 * API.md's role table, written once. Each row is an area; each column what a
 * role may do there: W create/change (and read), R read, — nothing (403).
 * Every route names its area and whether it reads or writes; nothing else
 * decides access.
 */
//                                   administrator manager operator viewer
const MATRIX = {
  administration: /*             */ ['W', '—', '—', '—'], // users, roles, API keys, environments, payment providers, audit log
  tenantProfile: /*              */ ['W', 'R', '—', 'R'], // tenant profile, usage
  storefronts: /*                */ ['W', 'W', 'R', 'R'],
  catalog: /*                    */ ['W', 'W', 'R', 'R'], // bundles, prices, entitlements
  campaigns: /*                  */ ['W', 'W', 'R', 'R'], // create, edit
  campaignOperations: /*         */ ['W', 'W', 'W', 'R'], // activate, pause
  customers: /*                  */ ['W', 'W', 'W', 'R'], // customers, support requests
  billing: /*                    */ ['W', 'W', 'W', 'R'], // payment methods, subscriptions
  refunds: /*                    */ ['W', 'W', '—', '—'],
  testClock: /*                  */ ['W', 'W', 'W', '—'],
  dashboard: /*                  */ ['R', 'R', 'R', 'R'],
  analytics: /*                  */ ['R', 'R', '—', 'R'], // revenue, MRR, churn, customers, campaigns
  paymentReports: /*             */ ['R', 'R', 'R', 'R'], // analytics: payments ("payments only" for operators)
} as const satisfies Record<string, readonly [Level, Level, Level, Level]>;

export type Area = keyof typeof MATRIX;
export type Access = 'read' | 'write';

const COLUMN: Record<Role, 0 | 1 | 2 | 3> = { administrator: 0, manager: 1, operator: 2, viewer: 3 };

/** True when `role` may `access` the `area`. */
export function allows(role: Role, area: Area, access: Access): boolean {
  const level: Level = MATRIX[area][COLUMN[role]];
  return level === 'W' || (level === 'R' && access === 'read');
}

export const AREAS = Object.keys(MATRIX) as Area[];
