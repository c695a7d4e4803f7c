import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { scopeKey, type Schema } from '../lib/api';
import { ScopeProvider } from '../lib/scope';

export interface RenderOptions {
  route?: string;
  client?: QueryClient;
  /** GET /me as the component should see it (the permissions decide what it offers). */
  me?: Schema<'Me'>;
  /** Other server answers, put in the cache by query key before rendering. */
  data?: Array<[key: readonly unknown[], value: unknown]>;
}

/**
 * Renders a component as the portal would (query cache, scope, router), for
 * component tests of pieces with logic. Server answers a test needs are put
 * in the cache (`me`, `data`) — never a mocked API for flows: those run in the
 * browser tests against the real stack. `rerender` keeps the providers.
 */
export function renderWithProviders(ui: ReactElement, { route = '/', client, me, data = [] }: RenderOptions = {}) {
  const queryClient = client ?? new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  if (me) queryClient.setQueryData([scopeKey(), 'me'], me);
  for (const [key, value] of data) queryClient.setQueryData(key, value);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ScopeProvider>
        <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>
      </ScopeProvider>
    </QueryClientProvider>
  );
  return { ...render(ui, { wrapper }), queryClient };
}

const AREAS = [
  'administration', 'tenantProfile', 'storefronts', 'catalog', 'campaigns', 'campaignOperations', 'customers',
  'billing', 'checkoutSessions', 'refunds', 'testClock', 'dashboard', 'analytics', 'paymentReports', 'webhooks',
] as const;

// API.md's role table, one letter per area in the order above: W write, R read, - none.
const ROLE_COLUMNS = {
  administrator: 'WWWWWWWWWWWRRRW',
  manager: '-RWWWWWWWWWRRRR',
  operator: '--RRRWWWW-WR-R-',
  viewer: '-RRRRRRRR--RRR-',
} as const;

/**
 * A GET /me for a role, for component tests (the browser tests meet the real
 * gateway's). Test data only: the portal itself keeps no copy of the table.
 */
export function meAs(role: keyof typeof ROLE_COLUMNS, environmentKind: 'production' | 'sandbox' = 'sandbox'): Schema<'Me'> {
  const column = ROLE_COLUMNS[role];
  const permissions = Object.fromEntries(
    AREAS.map((area, i) => [area, column[i] === 'W' ? 'write' : column[i] === 'R' ? 'read' : 'none']),
  ) as Schema<'Permissions'>;
  const environment = { id: `env_${environmentKind}`, name: environmentKind, kind: environmentKind };
  return {
    tenantId: 'ten_test',
    tenant: { id: 'ten_test', name: 'Streamly' },
    role,
    platformAdmin: false,
    environment,
    environments: [environment],
    permissions,
  };
}
