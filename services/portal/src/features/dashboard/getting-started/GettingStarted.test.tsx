import { QueryClient } from '@tanstack/react-query';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { scopeKey, type Schema } from '../../../lib/api';
import { renderWithProviders } from '../../../test/render';
import { GettingStarted } from './GettingStarted';

type Permissions = Schema<'Permissions'>;
const READ_ALL: Permissions = {
  administration: 'none', tenantProfile: 'read', storefronts: 'read', catalog: 'read', campaigns: 'read', campaignOperations: 'read',
  customers: 'read', billing: 'read', checkoutSessions: 'read', refunds: 'none', testClock: 'none', webhooks: 'none', dashboard: 'read', analytics: 'read', paymentReports: 'read',
};
const ADMIN: Permissions = {
  administration: 'write', tenantProfile: 'write', storefronts: 'write', catalog: 'write', campaigns: 'write', campaignOperations: 'write',
  customers: 'write', billing: 'write', checkoutSessions: 'write', refunds: 'write', testClock: 'write', webhooks: 'write', dashboard: 'read', analytics: 'read', paymentReports: 'read',
};

/** The API's answers, as the dashboard would have them: no storefront yet, one bundle with a price, no subscription. */
function client(role: string, permissions: Permissions, providers?: Schema<'PaymentProvider'>[]) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const me: Schema<'Me'> = {
    tenantId: 'ten_1', tenant: { id: 'ten_1', name: 'Streamly' }, role, platformAdmin: false,
    environment: { id: 'env_p', name: 'production', kind: 'production' },
    environments: [{ id: 'env_p', name: 'production', kind: 'production' }, { id: 'env_s', name: 'sandbox', kind: 'sandbox' }],
    permissions,
  };
  queryClient.setQueryData([scopeKey(), 'me'], me);
  queryClient.setQueryData([scopeKey(), 'storefronts', { limit: 1 }], { data: [], nextCursor: null });
  queryClient.setQueryData([scopeKey(), 'bundles', { limit: 1 }], { data: [{ id: 'bun_1' }], nextCursor: null });
  queryClient.setQueryData([scopeKey(), 'bundles', 'any-price'], true);
  queryClient.setQueryData([scopeKey(), 'subscriptions', { limit: 1 }], { data: [], nextCursor: null });
  if (providers) queryClient.setQueryData([scopeKey(), 'payment-providers'], { data: providers });
  return queryClient;
}

const step = (title: string) => screen.getByRole('heading', { name: title }).closest('li') as HTMLElement;

afterEach(() => localStorage.clear());

describe('Getting started', () => {
  it('marks each step by what the API shows and offers an Administrator what is left', () => {
    renderWithProviders(<GettingStarted />, { client: client('administrator', ADMIN, [{ provider: 'sandbox', enabled: false, configured: true, details: {} }]) });
    expect(within(step('1. Initial Setup')).getByText('To do')).toBeInTheDocument();
    expect(within(step('1. Initial Setup')).getByRole('link', { name: 'Create a storefront' })).toHaveAttribute('href', '/storefronts/new');
    expect(within(step('2. Bundle Creation')).getByText('Done')).toBeInTheDocument();
    expect(within(step('3. Pricing Setup')).getByText('Done')).toBeInTheDocument();
    // In production no provider enabled yet: connect one.
    expect(within(step('4. Payment Configuration')).getByRole('link', { name: 'Connect a provider' })).toHaveAttribute('href', '/settings/payment-providers');
    expect(within(step('5. Go Live')).getByRole('link', { name: 'Create a first subscription' })).toHaveAttribute('href', '/subscriptions/new');
    expect(within(step('5. Go Live')).getByRole('button', { name: 'Try it in the sandbox' })).toBeInTheDocument();
    expect(screen.getByText('2 of 5 done')).toBeInTheDocument();
  });

  it('offers a Viewer nothing it may not do, and says what it cannot know', () => {
    renderWithProviders(<GettingStarted />, { client: client('viewer', READ_ALL) });
    expect(screen.queryByRole('link')).toBeNull();
    expect(within(step('1. Initial Setup')).getByText('Your role does not allow this.')).toBeInTheDocument();
    expect(within(step('4. Payment Configuration')).getByText('Not known')).toBeInTheDocument();
    expect(within(step('4. Payment Configuration')).getByText('Only an Administrator can see the payment providers.')).toBeInTheDocument();
  });

  it('can be dismissed, and stays dismissed', async () => {
    const queryClient = client('administrator', ADMIN, []);
    const { unmount } = renderWithProviders(<GettingStarted />, { client: queryClient });
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss Getting started' }));
    expect(screen.queryByRole('region', { name: 'Getting started' })).toBeNull();
    unmount();
    renderWithProviders(<GettingStarted />, { client: queryClient });
    expect(screen.queryByRole('region', { name: 'Getting started' })).toBeNull();
  });
});
