import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, scopeKey, unwrap, type paths } from '../../../lib/api';

/**
 * The billing section's reads, one hook per resource. Keys start with the
 * tab's scope and the resource (`subscriptions`, `invoices`, `payments`,
 * `refunds`), so a billing write refreshes every list and page that shows it,
 * the customer page's tabs included.
 */
type Query<P extends keyof paths> = paths[P]['get'] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
type SubscriptionFilter = Pick<Query<'/subscriptions'>, 'status' | 'customerId' | 'cursor'>;
type PaymentFilter = Pick<Query<'/payments'>, 'status' | 'customerId' | 'cursor'>;
type InvoiceFilter = Pick<Query<'/invoices'>, 'subscriptionId' | 'customerId' | 'cursor'>;
type RefundFilter = Pick<Query<'/refunds'>, 'paymentId' | 'customerId' | 'cursor'>;

/** Names of other objects (a customer's email, a bundle's name) change seldom: kept a minute. */
const LABEL_STALE = 60_000;

export function useSubscriptions(filter: SubscriptionFilter) {
  return useQuery({
    queryKey: [scopeKey(), 'subscriptions', filter],
    queryFn: ({ signal }) => unwrap(api.GET('/subscriptions', { params: { query: { ...filter, limit: 20 } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useSubscription(id: string) {
  return useQuery({
    queryKey: [scopeKey(), 'subscriptions', id],
    queryFn: ({ signal }) => unwrap(api.GET('/subscriptions/{id}', { params: { path: { id } }, signal })),
  });
}

export function useInvoices(filter: InvoiceFilter) {
  return useQuery({
    queryKey: [scopeKey(), 'invoices', filter],
    queryFn: ({ signal }) => unwrap(api.GET('/invoices', { params: { query: { ...filter, limit: 20 } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useInvoice(id: string | null | undefined) {
  return useQuery({
    queryKey: [scopeKey(), 'invoices', id],
    queryFn: ({ signal }) => unwrap(api.GET('/invoices/{id}', { params: { path: { id: id! } }, signal })),
    enabled: Boolean(id),
  });
}

export function usePayments(filter: PaymentFilter) {
  return useQuery({
    queryKey: [scopeKey(), 'payments', filter],
    queryFn: ({ signal }) => unwrap(api.GET('/payments', { params: { query: { ...filter, limit: 20 } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function usePayment(id: string | null | undefined) {
  return useQuery({
    queryKey: [scopeKey(), 'payments', id],
    queryFn: ({ signal }) => unwrap(api.GET('/payments/{id}', { params: { path: { id: id! } }, signal })),
    enabled: Boolean(id),
  });
}

export function useRefunds(filter: RefundFilter) {
  return useQuery({
    queryKey: [scopeKey(), 'refunds', filter],
    queryFn: ({ signal }) => unwrap(api.GET('/refunds', { params: { query: { ...filter, limit: 20 } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useRefund(id: string) {
  return useQuery({
    queryKey: [scopeKey(), 'refunds', id],
    queryFn: ({ signal }) => unwrap(api.GET('/refunds/{id}', { params: { path: { id } }, signal })),
  });
}

export function useCustomer(id: string | null | undefined) {
  return useQuery({
    queryKey: [scopeKey(), 'customers', id],
    queryFn: ({ signal }) => unwrap(api.GET('/customers/{id}', { params: { path: { id: id! } }, signal })),
    enabled: Boolean(id),
    staleTime: LABEL_STALE,
  });
}

export function useCustomerSearch(params: { email?: string; q?: string }, enabled: boolean) {
  return useQuery({
    queryKey: [scopeKey(), 'customers', { ...params, limit: 8 }],
    queryFn: ({ signal }) => unwrap(api.GET('/customers', { params: { query: { ...params, limit: 8 } }, signal })),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useCustomerCards(customerId: string | null | undefined) {
  return useQuery({
    queryKey: [scopeKey(), 'customers', customerId, 'payment-methods'],
    queryFn: ({ signal }) => unwrap(api.GET('/customers/{id}/payment-methods', { params: { path: { id: customerId! } }, signal })),
    enabled: Boolean(customerId),
  });
}

export function useActiveBundles() {
  return useQuery({
    queryKey: [scopeKey(), 'bundles', { status: 'active', limit: 100 }],
    queryFn: ({ signal }) => unwrap(api.GET('/bundles', { params: { query: { status: 'active', limit: 100 } }, signal })),
    staleTime: LABEL_STALE,
  });
}

export function useBundle(id: string | null | undefined) {
  return useQuery({
    queryKey: [scopeKey(), 'bundles', id],
    queryFn: ({ signal }) => unwrap(api.GET('/bundles/{id}', { params: { path: { id: id! } }, signal })),
    enabled: Boolean(id),
    staleTime: LABEL_STALE,
  });
}

export function useActivePrices(bundleId: string | null | undefined) {
  return useQuery({
    queryKey: [scopeKey(), 'bundles', bundleId, 'prices', { status: 'active', limit: 100 }],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/bundles/{id}/prices', { params: { path: { id: bundleId! }, query: { status: 'active', limit: 100 } }, signal })),
    enabled: Boolean(bundleId),
    staleTime: LABEL_STALE,
  });
}

export function usePrice(id: string | null | undefined) {
  return useQuery({
    queryKey: [scopeKey(), 'prices', id],
    queryFn: ({ signal }) => unwrap(api.GET('/prices/{id}', { params: { path: { id: id! } }, signal })),
    enabled: Boolean(id),
    staleTime: LABEL_STALE,
  });
}

/** What one period costs at a quantity, computed by the API's one pricing code. */
export function useQuote(priceId: string | undefined, quantity: number | undefined) {
  return useQuery({
    queryKey: [scopeKey(), 'prices', priceId, 'quote', { quantity }],
    queryFn: ({ signal }) => unwrap(api.GET('/prices/{id}/quote', { params: { path: { id: priceId! }, query: { quantity } }, signal })),
    enabled: Boolean(priceId) && quantity !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** The invoice a change of price would make now: computed by the API, nothing written (so a query, not a mutation). */
export function useChangePricePreview(subscriptionId: string, priceId: string | undefined, quantity: number | undefined) {
  return useQuery({
    queryKey: [scopeKey(), 'subscriptions', subscriptionId, 'preview', { priceId, quantity }],
    queryFn: ({ signal }) =>
      unwrap(api.POST('/subscriptions/{id}/change-price/preview', { params: { path: { id: subscriptionId } }, body: { priceId: priceId!, quantity }, signal })),
    enabled: Boolean(priceId) && quantity !== undefined,
    staleTime: 0,
    retry: false,
  });
}
