import { useQuery } from '@tanstack/react-query';
import { api, scopeKey, unwrap } from '../../../lib/api';
import { t } from '../../../lib/i18n';
import type { GroupBy } from './revenue';

/**
 * Names for the report's groups: a storefront's or a bundle's name from the
 * environment's first 100 (an id beyond them, or archived away, shows as its
 * id), a currency as its code.
 */
export function useGroupNames(groupBy: GroupBy | undefined): (group: string | null) => string {
  const storefronts = useQuery({
    queryKey: [scopeKey(), 'storefronts', { limit: 100 }],
    queryFn: () => unwrap(api.GET('/storefronts', { params: { query: { limit: 100 } } })),
    enabled: groupBy === 'storefront',
  });
  const bundles = useQuery({
    queryKey: [scopeKey(), 'bundles', { limit: 100 }],
    queryFn: () => unwrap(api.GET('/bundles', { params: { query: { limit: 100 } } })),
    enabled: groupBy === 'bundle',
  });
  const names = new Map<string, string>();
  if (groupBy === 'storefront') for (const s of storefronts.data?.data ?? []) names.set(s.id, s.name);
  if (groupBy === 'bundle') for (const b of bundles.data?.data ?? []) names.set(b.id, b.name);
  return (group) => {
    if (group === null) return t.analytics.revenue.noGroup[groupBy ?? 'none'];
    return names.get(group) ?? group;
  };
}
