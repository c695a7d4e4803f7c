import { QueryClient } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { scopeKey, type Schema } from '../../lib/api';
import { renderWithProviders } from '../../test/render';
import { QuickActions } from './QuickActions';

type Permissions = Schema<'Permissions'>;
const none: Permissions = {
  administration: 'none', tenantProfile: 'none', storefronts: 'none', catalog: 'none', campaigns: 'none', campaignOperations: 'none',
  customers: 'none', billing: 'none', checkoutSessions: 'none', refunds: 'none', testClock: 'none', webhooks: 'none', dashboard: 'read', analytics: 'none', paymentReports: 'none',
};

function withRole(role: string, permissions: Partial<Permissions>) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const me: Schema<'Me'> = {
    tenantId: 'ten_1', tenant: { id: 'ten_1', name: 'Streamly' }, role, platformAdmin: false,
    environment: { id: 'env_1', name: 'production', kind: 'production' }, environments: [], permissions: { ...none, ...permissions },
  };
  client.setQueryData([scopeKey(), 'me'], me);
  return client;
}

describe('quick actions', () => {
  it('offers all four, each a link to its page, to a role that may do them all', () => {
    renderWithProviders(<QuickActions />, {
      client: withRole('manager', { billing: 'write', checkoutSessions: 'write', refunds: 'write', customers: 'write', campaigns: 'write' }),
    });
    expect(screen.getByRole('link', { name: 'Create subscription' })).toHaveAttribute('href', '/subscriptions/new');
    expect(screen.getByRole('link', { name: 'Process refund' })).toHaveAttribute('href', '/payments');
    expect(screen.getByRole('link', { name: 'Manage customers' })).toHaveAttribute('href', '/customers');
    expect(screen.getByRole('link', { name: 'Configure campaigns' })).toHaveAttribute('href', '/campaigns');
  });

  it('hides what the role cannot do: an Operator may not refund, a Viewer may only look', () => {
    renderWithProviders(<QuickActions />, { client: withRole('operator', { billing: 'write', checkoutSessions: 'write', customers: 'write', campaigns: 'read' }) });
    expect(screen.queryByRole('link', { name: 'Process refund' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Create subscription' })).toBeInTheDocument();
  });

  it('leaves a Viewer the pages it may read', () => {
    renderWithProviders(<QuickActions />, { client: withRole('viewer', { billing: 'read', checkoutSessions: 'read', customers: 'read', campaigns: 'read' }) });
    expect(screen.queryByRole('link', { name: 'Create subscription' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Process refund' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Manage customers' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Configure campaigns' })).toBeInTheDocument();
  });
});
