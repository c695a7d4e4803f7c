import { useQuery } from '@tanstack/react-query';
import { api, scopeKey, unwrap } from '../../../lib/api';
import { can, type Me } from '../../../lib/session';
import { statusOf, type SetupFacts } from './steps';

/** A step not done yet is asked again while the dashboard is open, so it turns done by itself; a done one is not. */
function untilDone<T>(done: (data: T) => boolean) {
  return (query: { state: { data: T | undefined } }) => (query.state.data !== undefined && done(query.state.data) ? false : 15_000);
}

/** True when any of the environment's first 100 bundles has a price: one small request per bundle, stopping at the first. */
async function anyPrice(): Promise<boolean> {
  const bundles = await unwrap(api.GET('/bundles', { params: { query: { limit: 100 } } }));
  for (const bundle of bundles.data) {
    const prices = await unwrap(api.GET('/bundles/{id}/prices', { params: { path: { id: bundle.id }, query: { limit: 1 } } }));
    if (prices.data.length > 0) return true;
  }
  return false;
}

const nonEmpty = (page: { data: unknown[] }) => page.data.length > 0;

/**
 * What the API says of each Getting started step. Keys begin with the
 * resource's own (`storefronts`, `bundles` …), so that a section creating one
 * refreshes this too. Payment providers are visible to Administrators only;
 * a sandbox's provider is always on.
 */
export function useSetupFacts(me: Me | undefined): SetupFacts {
  const sandbox = me?.environment?.kind === 'sandbox';
  const canSee = {
    storefronts: can(me, 'storefronts'),
    catalog: can(me, 'catalog'),
    billing: can(me, 'billing'),
    providers: !sandbox && can(me, 'administration'),
  };
  const storefronts = useQuery({
    queryKey: [scopeKey(), 'storefronts', { limit: 1 }],
    queryFn: () => unwrap(api.GET('/storefronts', { params: { query: { limit: 1 } } })),
    enabled: canSee.storefronts,
    refetchInterval: untilDone(nonEmpty),
  });
  const bundles = useQuery({
    queryKey: [scopeKey(), 'bundles', { limit: 1 }],
    queryFn: () => unwrap(api.GET('/bundles', { params: { query: { limit: 1 } } })),
    enabled: canSee.catalog,
    refetchInterval: untilDone(nonEmpty),
  });
  const hasBundle = (bundles.data?.data.length ?? 0) > 0;
  const prices = useQuery({
    queryKey: [scopeKey(), 'bundles', 'any-price'],
    queryFn: anyPrice,
    enabled: canSee.catalog && hasBundle,
    refetchInterval: untilDone(Boolean),
  });
  const providers = useQuery({
    queryKey: [scopeKey(), 'payment-providers'],
    queryFn: () => unwrap(api.GET('/payment-providers')),
    enabled: canSee.providers,
  });
  const subscriptions = useQuery({
    queryKey: [scopeKey(), 'subscriptions', { limit: 1 }],
    queryFn: () => unwrap(api.GET('/subscriptions', { params: { query: { limit: 1 } } })),
    enabled: canSee.billing,
    refetchInterval: untilDone(nonEmpty),
  });
  return {
    setup: statusOf(storefronts, canSee.storefronts, nonEmpty),
    bundle: statusOf(bundles, canSee.catalog, nonEmpty),
    // No bundle, no price: known without asking.
    pricing: bundles.data && !hasBundle ? 'todo' : statusOf(prices, canSee.catalog && hasBundle, Boolean),
    payments: sandbox ? 'done' : statusOf(providers, canSee.providers, (list) => list.data.some((p) => p.enabled && p.configured)),
    live: statusOf(subscriptions, canSee.billing, nonEmpty),
  };
}
