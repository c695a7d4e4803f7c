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
  checkoutSessions: /*           */ ['W', 'W', 'W', 'R'], // checkout sessions, customer-portal sessions
  refunds: /*                    */ ['W', 'W', '—', '—'],
  testClock: /*                  */ ['W', 'W', 'W', '—'],
  webhooks: /*                   */ ['W', 'R', '—', '—'], // webhook endpoints, events, deliveries
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

export type Permission = 'write' | 'read' | 'none';

/**
 * `GET /me`'s `permissions`: what `role` may do in every area, from the same
 * table the routes enforce. The platform administrator outside any tenant has
 * none of them (it manages tenants; with X-Tenant-Id it acts as an
 * Administrator).
 */
export function permissionsOf(role: Role | 'platform_admin'): Record<Area, Permission> {
  return Object.fromEntries(
    AREAS.map((area) => {
      if (role === 'platform_admin') return [area, 'none'];
      const level = allows(role, area, 'write') ? 'write' : allows(role, area, 'read') ? 'read' : 'none';
      return [area, level];
    }),
  ) as Record<Area, Permission>;
}

const TITLES: Record<Role, string> = { administrator: 'Administrator', manager: 'Manager', operator: 'Operator', viewer: 'Viewer' };

/** The roles that may `access` the area, as a person reads them: "Administrator or Manager". */
export function rolesAllowed(area: Area, access: Access): string {
  const names = (Object.keys(COLUMN) as Role[]).filter((role) => allows(role, area, access)).map((role) => TITLES[role]);
  if (names.length <= 1) return names[0] ?? 'no';
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

const AREA_NAMES: Record<Area, string> = {
  administration: 'users, API keys, environments, payment providers and the audit log',
  tenantProfile: 'the tenant profile and usage',
  storefronts: 'storefronts',
  catalog: 'bundles and prices',
  campaigns: 'campaigns',
  campaignOperations: 'activating and pausing campaigns',
  customers: 'customers and support requests',
  billing: 'payment methods and subscriptions',
  checkoutSessions: 'checkout and customer-portal sessions',
  refunds: 'refunds',
  testClock: 'the test clock',
  webhooks: 'webhook endpoints, events and deliveries',
  dashboard: 'the dashboard',
  analytics: 'analytics reports',
  paymentReports: 'the payment report',
};

/** A 403's detail: what was refused, the caller's role, and which roles may. */
export function refusal(role: Role, area: Area, access: Access): string {
  const verb = access === 'write' ? 'Changing' : 'Reading';
  return `${verb} ${AREA_NAMES[area]} needs the ${rolesAllowed(area, access)} role; yours is ${TITLES[role]}.`;
}
