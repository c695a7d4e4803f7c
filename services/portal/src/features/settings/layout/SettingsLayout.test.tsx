import { QueryClient } from '@tanstack/react-query';
import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { scopeKey, type Schema } from '../../../lib/api';
import { renderWithProviders } from '../../../test/render';
import { RequireArea } from './NotAllowed';
import { SettingsLayout } from './SettingsLayout';

type Me = Schema<'Me'>;
type Permissions = Schema<'Permissions'>;

const NONE: Permissions = {
  administration: 'none',
  tenantProfile: 'none',
  storefronts: 'none',
  catalog: 'none',
  campaigns: 'none',
  campaignOperations: 'none',
  customers: 'none',
  billing: 'none', checkoutSessions: 'none',
  refunds: 'none',
  testClock: 'none',
  webhooks: 'none',
  dashboard: 'read',
  analytics: 'none',
  paymentReports: 'none',
};

/** GET /me as the gateway answers it for `role`, put in the cache the shell reads it from. */
function signedInAs(role: string, permissions: Partial<Permissions>) {
  const me: Me = {
    tenantId: 'ten_1',
    tenant: { id: 'ten_1', name: 'Streamly' },
    role,
    platformAdmin: false,
    environment: { id: 'env_1', name: 'production', kind: 'production' },
    environments: [],
    permissions: { ...NONE, ...permissions },
  };
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData([scopeKey(), 'me'], me);
  return client;
}

function renderSettings(client: QueryClient, route: string) {
  return renderWithProviders(
    <Routes>
      <Route path="/settings" element={<SettingsLayout />}>
        <Route index element={<p>Profile page</p>} />
        <Route
          path="users"
          element={
            <RequireArea area="administration" what="Users">
              <p>Users page</p>
            </RequireArea>
          }
        />
      </Route>
    </Routes>,
    { route, client },
  );
}

describe('the settings sub-navigation', () => {
  it('lists every page for an Administrator', () => {
    renderSettings(signedInAs('administrator', { administration: 'write', tenantProfile: 'write' }), '/settings');
    const nav = screen.getByRole('navigation', { name: 'Tenant settings' });
    expect(within(nav).getAllByRole('link').map((l) => l.textContent)).toEqual([
      'Tenant profile',
      'Environments',
      'Users',
      'API keys',
      'Payment providers',
      'Usage',
      'Audit log',
    ]);
    expect(within(nav).getByRole('link', { name: 'Tenant profile' })).toHaveAttribute('aria-current', 'page');
  });

  it('shows a Manager no users, API keys, environments, providers or audit log', () => {
    renderSettings(signedInAs('manager', { tenantProfile: 'read' }), '/settings');
    const nav = screen.getByRole('navigation', { name: 'Tenant settings' });
    expect(within(nav).getAllByRole('link').map((l) => l.textContent)).toEqual(['Tenant profile', 'Usage']);
  });

  it('says in words, to a Manager who opens users directly, that it is not allowed', () => {
    renderSettings(signedInAs('manager', { tenantProfile: 'read' }), '/settings/users');
    expect(screen.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeInTheDocument();
    expect(screen.getByText('Users: only Administrators may see and change this. You are signed in with the Manager role.')).toBeInTheDocument();
    expect(screen.queryByText('Users page')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the tenant profile' })).toHaveAttribute('href', '/settings');
  });
});
