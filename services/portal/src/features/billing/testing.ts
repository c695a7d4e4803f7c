import { QueryClient } from '@tanstack/react-query';
import { scopeKey, type Schema } from '../../lib/api';

/** Builders of API objects for the billing section's component tests (answers put in the query cache, never a mocked API). */
export const aPayment = (overrides: Partial<Schema<'Payment'>> = {}): Schema<'Payment'> => ({
  id: 'pay_01TEST',
  invoiceId: 'inv_01TEST',
  amount: 1000,
  currency: 'EUR',
  status: 'succeeded',
  amountRefunded: 0,
  createdAt: '2026-11-26T10:00:00.000Z',
  ...overrides,
});

export const aSubscription = (overrides: Partial<Schema<'Subscription'>> = {}): Schema<'Subscription'> => ({
  id: 'sub_01TEST',
  customerId: 'cus_01TEST',
  priceId: 'price_01TEST',
  bundleId: 'bun_01TEST',
  status: 'active',
  quantity: 1,
  currentPeriodStart: '2026-11-26T10:00:00.000Z',
  currentPeriodEnd: '2026-12-26T10:00:00.000Z',
  trialEnd: null,
  cancelAtPeriodEnd: false,
  canceledAt: null,
  discount: null,
  latestInvoiceId: 'inv_01TEST',
  storefrontId: null,
  amount: 1999,
  currency: 'EUR',
  interval: 'month',
  intervalCount: 1,
  createdAt: '2026-11-26T10:00:00.000Z',
  ...overrides,
});

export const anInvoice = (overrides: Partial<Schema<'Invoice'>> = {}): Schema<'Invoice'> => ({
  id: 'inv_01TEST',
  status: 'paid',
  currency: 'EUR',
  customerId: 'cus_01TEST',
  subscriptionId: 'sub_01TEST',
  lines: [],
  subtotal: 1999,
  discount: 0,
  tax: 0,
  total: 1999,
  amountPaid: 1999,
  amountRefunded: 0,
  paymentIds: [],
  createdAt: '2026-11-26T10:00:00.000Z',
  ...overrides,
});

/** A query cache that never asks the network: what a test needs is put in it. */
export function cacheWith(entries: Array<[key: unknown[], data: unknown]>): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  for (const [key, data] of entries) client.setQueryData([scopeKey(), ...key], data);
  return client;
}
