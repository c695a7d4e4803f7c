import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, scopeKey, unwrap, type Schema } from '../../../lib/api';
import { useScope } from '../../../lib/scope';

export type Bundle = Schema<'Bundle'>;
export type BundleStatus = Bundle['status'];
export type Price = Schema<'Price'>;
export type PriceStatus = Price['status'];
export type PriceQuote = Schema<'PriceQuote'>;
export type Storefront = Schema<'Storefront'>;

const PAGE = 20;

/*
 * Every key starts with the tab's scope (a change of environment is another
 * cache); mutations invalidate by the resource's prefix. `useScope()` makes a
 * component re-render, and so re-key, when the scope changes.
 */
export const keys = {
  bundles: () => [scopeKey(), 'bundles'] as const,
  prices: () => [scopeKey(), 'prices'] as const,
  storefronts: () => [scopeKey(), 'storefronts'] as const,
};

export function useBundles(params: { status?: BundleStatus | undefined; cursor?: string | undefined }) {
  useScope();
  return useQuery({
    queryKey: [...keys.bundles(), 'list', params],
    queryFn: () => unwrap(api.GET('/bundles', { params: { query: { limit: PAGE, status: params.status, cursor: params.cursor } } })),
    placeholderData: keepPreviousData,
  });
}

export function useBundle(id: string) {
  useScope();
  return useQuery({
    queryKey: [...keys.bundles(), id],
    queryFn: () => unwrap(api.GET('/bundles/{id}', { params: { path: { id } } })),
  });
}

export function useBundlePrices(bundleId: string, params: { status?: PriceStatus | undefined; cursor?: string | undefined }) {
  useScope();
  return useQuery({
    queryKey: [...keys.prices(), 'list', bundleId, params],
    queryFn: () =>
      unwrap(api.GET('/bundles/{id}/prices', { params: { path: { id: bundleId }, query: { limit: PAGE, status: params.status, cursor: params.cursor } } })),
    placeholderData: keepPreviousData,
  });
}

export function usePrice(id: string) {
  useScope();
  return useQuery({
    queryKey: [...keys.prices(), id],
    queryFn: () => unwrap(api.GET('/prices/{id}', { params: { path: { id } } })),
  });
}

/** What one period costs at `quantity`: the catalog's own computation (GET /prices/{id}/quote). */
export function usePriceQuote(id: string, quantity: number | undefined) {
  useScope();
  return useQuery({
    queryKey: [...keys.prices(), id, 'quote', quantity],
    queryFn: () => unwrap(api.GET('/prices/{id}/quote', { params: { path: { id }, query: { quantity } } })),
    enabled: quantity !== undefined,
    placeholderData: keepPreviousData,
  });
}

/**
 * The environment's storefronts, for a price's storefront restriction and its
 * currency default: the first hundred, which is more than a tenant keeps.
 */
export function useStorefrontOptions() {
  useScope();
  return useQuery({
    queryKey: [...keys.storefronts(), 'list', { limit: 100 }],
    queryFn: () => unwrap(api.GET('/storefronts', { params: { query: { limit: 100 } } })),
    staleTime: 60_000,
  });
}
