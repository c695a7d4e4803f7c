import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, scopeKey, unwrap } from '../../../lib/api';

/**
 * The customers section's reads, one hook per resource. Keys start with the
 * tab's scope; a customer's own records hang under `[scope, 'customers', id]`
 * so that invalidating `[scope, 'customers']` refreshes all of them, and the
 * billing lists use the billing section's prefixes (`subscriptions`,
 * `invoices`, `payments`, `refunds`) so that its mutations refresh these tabs.
 */
export interface CustomerListParams {
  email?: string;
  q?: string;
  cursor?: string;
  /** Rows per page, 1–100 (default 20). */
  limit?: number;
}

export function useCustomerList(params: CustomerListParams) {
  return useQuery({
    queryKey: [scopeKey(), 'customers', params],
    queryFn: ({ signal }) => unwrap(api.GET('/customers', { params: { query: { limit: 20, ...params } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: string) {
  return useQuery({
    queryKey: [scopeKey(), 'customers', id],
    queryFn: ({ signal }) => unwrap(api.GET('/customers/{id}', { params: { path: { id } }, signal })),
  });
}

export function usePaymentMethods(customerId: string) {
  return useQuery({
    queryKey: [scopeKey(), 'customers', customerId, 'payment-methods'],
    queryFn: ({ signal }) => unwrap(api.GET('/customers/{id}/payment-methods', { params: { path: { id: customerId } }, signal })),
  });
}

export function useEntitlements(customerId: string) {
  return useQuery({
    queryKey: [scopeKey(), 'customers', customerId, 'entitlements'],
    queryFn: ({ signal }) => unwrap(api.GET('/customers/{id}/entitlements', { params: { path: { id: customerId } }, signal })),
  });
}

export function useSupportRequests(customerId: string, cursor: string | undefined) {
  return useQuery({
    queryKey: [scopeKey(), 'customers', customerId, 'support-requests', { cursor }],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/customers/{id}/support-requests', { params: { path: { id: customerId }, query: { cursor, limit: 20 } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useSupportRequest(id: string) {
  return useQuery({
    queryKey: [scopeKey(), 'support-requests', id],
    queryFn: ({ signal }) => unwrap(api.GET('/support-requests/{id}', { params: { path: { id } }, signal })),
  });
}

/** A bundle, to name a subscription by what it sells. */
export function useBundle(id: string) {
  return useQuery({
    queryKey: [scopeKey(), 'bundles', id],
    queryFn: ({ signal }) => unwrap(api.GET('/bundles/{id}', { params: { path: { id } }, signal })),
    staleTime: 60_000,
  });
}

/** The storefronts a customer may belong to (the create and edit forms' choice). */
export function useStorefrontChoices(enabled: boolean) {
  return useQuery({
    queryKey: [scopeKey(), 'storefronts', { limit: 100 }],
    queryFn: ({ signal }) => unwrap(api.GET('/storefronts', { params: { query: { limit: 100 } }, signal })),
    enabled,
    staleTime: 60_000,
  });
}

export function useCustomerSubscriptions(customerId: string, cursor: string | undefined) {
  return useQuery({
    queryKey: [scopeKey(), 'subscriptions', { customerId, cursor }],
    queryFn: ({ signal }) => unwrap(api.GET('/subscriptions', { params: { query: { customerId, cursor, limit: 20 } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useCustomerInvoices(customerId: string, cursor: string | undefined) {
  return useQuery({
    queryKey: [scopeKey(), 'invoices', { customerId, cursor }],
    queryFn: ({ signal }) => unwrap(api.GET('/invoices', { params: { query: { customerId, cursor, limit: 20 } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useCustomerPayments(customerId: string, cursor: string | undefined) {
  return useQuery({
    queryKey: [scopeKey(), 'payments', { customerId, cursor }],
    queryFn: ({ signal }) => unwrap(api.GET('/payments', { params: { query: { customerId, cursor, limit: 20 } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useCustomerRefunds(customerId: string, cursor: string | undefined) {
  return useQuery({
    queryKey: [scopeKey(), 'refunds', { customerId, cursor }],
    queryFn: ({ signal }) => unwrap(api.GET('/refunds', { params: { query: { customerId, cursor, limit: 20 } }, signal })),
    placeholderData: keepPreviousData,
  });
}
