import { allows, AREAS, permissionsOf, refusal, type Access, type Area } from '../src/auth/permissions';
import type { Role } from '@azotte/common';

// API.md's "Roles" table, transcribed independently of the code's table.
const CONTRACT: Record<Area, Record<Role, 'W' | 'R' | '—'>> = {
  administration: { administrator: 'W', manager: '—', operator: '—', viewer: '—' },
  tenantProfile: { administrator: 'W', manager: 'R', operator: '—', viewer: 'R' },
  storefronts: { administrator: 'W', manager: 'W', operator: 'R', viewer: 'R' },
  catalog: { administrator: 'W', manager: 'W', operator: 'R', viewer: 'R' },
  campaigns: { administrator: 'W', manager: 'W', operator: 'R', viewer: 'R' },
  campaignOperations: { administrator: 'W', manager: 'W', operator: 'W', viewer: 'R' },
  customers: { administrator: 'W', manager: 'W', operator: 'W', viewer: 'R' },
  billing: { administrator: 'W', manager: 'W', operator: 'W', viewer: 'R' },
  checkoutSessions: { administrator: 'W', manager: 'W', operator: 'W', viewer: 'R' },
  refunds: { administrator: 'W', manager: 'W', operator: '—', viewer: '—' },
  testClock: { administrator: 'W', manager: 'W', operator: 'W', viewer: '—' },
  webhooks: { administrator: 'W', manager: 'R', operator: '—', viewer: '—' },
  dashboard: { administrator: 'R', manager: 'R', operator: 'R', viewer: 'R' },
  analytics: { administrator: 'R', manager: 'R', operator: '—', viewer: 'R' },
  paymentReports: { administrator: 'R', manager: 'R', operator: 'R', viewer: 'R' },
};

const cases = AREAS.flatMap((area) =>
  (['administrator', 'manager', 'operator', 'viewer'] as Role[]).flatMap((role) =>
    (['read', 'write'] as Access[]).map((access) => {
      const level = CONTRACT[area][role];
      const expected = level === 'W' || (level === 'R' && access === 'read');
      return [area, role, access, expected] as const;
    }),
  ),
);

test('the code covers every area of the contract', () => {
  expect([...AREAS].sort()).toEqual(Object.keys(CONTRACT).sort());
});

test.each(cases)('%s: a %s may %s → %s', (area, role, access, expected) => {
  expect(allows(role, area, access)).toBe(expected);
});

const WORDS = { W: 'write', R: 'read', '—': 'none' } as const;

test.each(['administrator', 'manager', 'operator', 'viewer'] as Role[])("GET /me's permissions of a %s are the contract's column", (role) => {
  const expected = Object.fromEntries(Object.entries(CONTRACT).map(([area, column]) => [area, WORDS[column[role]]]));
  expect(permissionsOf(role)).toEqual(expected);
});

test('the platform administrator outside a tenant has no tenant permission', () => {
  expect(new Set(Object.values(permissionsOf('platform_admin')))).toEqual(new Set(['none']));
});

test('a refusal names what was refused, the roles that may, and the caller\'s role', () => {
  expect(refusal('operator', 'refunds', 'write')).toBe('Changing refunds needs the Administrator or Manager role; yours is Operator.');
  expect(refusal('viewer', 'customers', 'write')).toBe(
    'Changing customers and support requests needs the Administrator, Manager or Operator role; yours is Viewer.',
  );
  expect(refusal('manager', 'administration', 'read')).toMatch(/needs the Administrator role; yours is Manager\.$/);
});
