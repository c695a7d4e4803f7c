import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, scopeKey, unwrap } from '../../../lib/api';
import { useScope } from '../../../lib/scope';

/** Keys start with the tab's scope; mutations invalidate by this prefix (the catalog's storefront choices too). */
export const storefrontsKey = () => [scopeKey(), 'storefronts'] as const;

export function useStorefronts(cursor: string | undefined) {
  useScope();
  return useQuery({
    queryKey: [...storefrontsKey(), 'list', { cursor }],
    queryFn: () => unwrap(api.GET('/storefronts', { params: { query: { limit: 20, cursor } } })),
    placeholderData: keepPreviousData,
  });
}

export function useStorefront(id: string) {
  useScope();
  return useQuery({
    queryKey: [...storefrontsKey(), id],
    queryFn: () => unwrap(api.GET('/storefronts/{id}', { params: { path: { id } } })),
  });
}
