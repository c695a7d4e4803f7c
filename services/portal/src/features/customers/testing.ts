import { QueryClient } from '@tanstack/react-query';
import { scopeKey, type Schema } from '../../lib/api';

/** Builders of API objects for the customers section's component tests (answers put in the query cache, never a mocked API). */
export const aCustomer = (overrides: Partial<Schema<'Customer'>> = {}): Schema<'Customer'> => ({
  id: 'cus_01TEST',
  email: 'ann@example.com',
  name: 'Ann Example',
  country: 'DE',
  locale: 'de-DE',
  storefrontId: null,
  metadata: {},
  environmentId: 'env_01TEST',
  erased: false,
  erasedAt: null,
  createdAt: '2026-11-26T10:00:00.000Z',
  updatedAt: '2026-11-26T10:00:00.000Z',
  ...overrides,
});

const everything = (level: 'write' | 'read'): Schema<'Permissions'> => ({
  administration: level,
  tenantProfile: level,
  storefronts: level,
  catalog: level,
  campaigns: level,
  campaignOperations: level,
  customers: level,
  billing: level,
  checkoutSessions: level,
  refunds: level,
  testClock: level,
  webhooks: level,
  dashboard: 'read',
  analytics: 'read',
  paymentReports: 'read',
});

/** GET /me of a signed-in user of `role` in an environment of `kind`. */
export const aMe = ({ kind = 'production', level = 'write' }: { kind?: 'production' | 'sandbox'; level?: 'write' | 'read' } = {}): Schema<'Me'> => ({
  user: { id: 'usr_01TEST', tenantId: 'ten_01TEST', email: 'owner@example.com', name: null, role: level === 'write' ? 'administrator' : 'viewer', disabled: false, createdAt: null },
  tenantId: 'ten_01TEST',
  tenant: { id: 'ten_01TEST', name: 'Streamly' },
  role: level === 'write' ? 'administrator' : 'viewer',
  platformAdmin: false,
  environment: { id: 'env_01TEST', name: kind, kind },
  environments: [],
  permissions: everything(level),
});

/** A query cache that never asks the network: what a test needs is put in it. */
export function cacheWith(entries: Array<[key: unknown[], data: unknown]>): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  for (const [key, data] of entries) client.setQueryData([scopeKey(), ...key], data);
  return client;
}
