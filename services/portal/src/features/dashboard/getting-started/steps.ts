import type { Area } from '../../../lib/session';

/** Where a step stands: known done or not, still being checked, or not knowable for this role. */
export type StepStatus = 'done' | 'todo' | 'checking' | 'unknown';

export type StepKey = 'setup' | 'bundle' | 'pricing' | 'payments' | 'live';

export interface Step {
  key: StepKey;
  /** Where the step is done. */
  to: string;
  /** The area a role must be able to write to be offered the step. */
  area: Area;
  status: StepStatus;
}

export type SetupFacts = Record<StepKey, StepStatus>;

/**
 * The product description's five steps, in order, each with the page where
 * it is done. What marks a step done is read from the API (see
 * useSetupFacts): a storefront, a bundle, a price, an enabled payment
 * provider (always so in a sandbox), a subscription.
 */
export function setupSteps(facts: SetupFacts): Step[] {
  return [
    { key: 'setup', to: '/storefronts/new', area: 'storefronts', status: facts.setup },
    { key: 'bundle', to: '/catalog/bundles/new', area: 'catalog', status: facts.bundle },
    { key: 'pricing', to: '/catalog', area: 'catalog', status: facts.pricing },
    { key: 'payments', to: '/settings/payment-providers', area: 'administration', status: facts.payments },
    { key: 'live', to: '/subscriptions/new', area: 'billing', status: facts.live },
  ];
}

/** A check's status from its query: done when `test` holds of the answer. */
export function statusOf<T>(query: { isPending: boolean; isError: boolean; data: T | undefined }, enabled: boolean, test: (data: T) => boolean): StepStatus {
  if (!enabled) return 'unknown';
  if (query.isError) return 'unknown';
  if (query.data === undefined) return query.isPending ? 'checking' : 'unknown';
  return test(query.data) ? 'done' : 'todo';
}
