import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import type { Option } from '../targeting/context';
import { useScopeKey } from './scope';

/** Choices for selects, not lists to page through: the first 100 of each are offered. */
const FIRST = { limit: 100 } as const;

export function useStorefrontOptions() {
  const scope = useScopeKey();
  return useQuery({
    queryKey: [scope, 'storefronts', FIRST],
    queryFn: () => unwrap(api.GET('/storefronts', { params: { query: FIRST } })),
    select: (list): Option[] => list.data.filter((s) => s.status === 'active').map((s) => ({ value: s.id, label: s.name })),
    staleTime: 60_000,
  });
}

export function useBundleOptions() {
  const scope = useScopeKey();
  return useQuery({
    queryKey: [scope, 'bundles', FIRST],
    queryFn: () => unwrap(api.GET('/bundles', { params: { query: FIRST } })),
    select: (list): Option[] => list.data.filter((b) => b.status !== 'archived').map((b) => ({ value: b.id, label: b.name })),
    staleTime: 60_000,
  });
}

export function useBundlePrices(bundleId: string) {
  const scope = useScopeKey();
  const query = { ...FIRST, status: 'active' } as const;
  return useQuery({
    queryKey: [scope, 'bundles', bundleId, 'prices', query],
    queryFn: () => unwrap(api.GET('/bundles/{id}/prices', { params: { path: { id: bundleId }, query } })),
    enabled: bundleId !== '',
  });
}

/** Customers whose email or name starts with `term` (GET /customers?q=), for a picker. */
export function useCustomerSearch(term: string) {
  const scope = useScopeKey();
  const query = { q: term, limit: 6 };
  return useQuery({
    queryKey: [scope, 'customers', query],
    queryFn: () => unwrap(api.GET('/customers', { params: { query } })),
    enabled: term.length >= 2,
    staleTime: 30_000,
  });
}
