import { MOVEMENT_KINDS as KINDS } from '../domain/movements';
import type { Rollup } from './window';

const same = (columns: string[]) => Object.fromEntries(columns.map((c) => [c, `coalesce(sum(${c}), 0)`]));

/** MRR movements per currency: magnitudes per kind, the signed net, and customers won for the first time. */
export const MRR: Rollup = {
  name: 'mrr',
  facts: 'mrr_movements',
  groups: ['currency'],
  sums: [...KINDS.map((k) => `${k}_amount`), 'net', 'new_customers'],
  factSums: {
    ...Object.fromEntries(KINDS.map((k) => [`${k}_amount`, `coalesce(sum(amount) FILTER (WHERE kind = '${k}'), 0)`])),
    net: 'coalesce(sum(delta), 0)',
    new_customers: "count(*) FILTER (WHERE kind = 'new')",
  },
};

/** Changes of the active and trialing counts, churned subscriptions and active customers. */
export const SUBSCRIPTIONS: Rollup = {
  name: 'subscription',
  facts: 'subscription_changes',
  groups: [],
  sums: ['active_delta', 'trialing_delta', 'churned', 'customers_delta'],
  factSums: same(['active_delta', 'trialing_delta', 'churned', 'customers_delta']),
};

/** Payment attempts, successes and what they collected. */
export const PAYMENTS: Rollup = {
  name: 'payment',
  facts: 'payments',
  groups: ['currency', 'storefront_id', 'bundle_id'],
  sums: ['attempts', 'successes', 'collected'],
  factSums: { attempts: 'count(*)', successes: 'count(*) FILTER (WHERE succeeded)', collected: 'coalesce(sum(amount) FILTER (WHERE succeeded), 0)' },
};

/** Failed attempts by the provider's decline code. */
export const FAILURES: Rollup = {
  name: 'payment_failures',
  facts: 'payments',
  groups: ['failure_code'],
  sums: ['count'],
  factSums: { count: 'count(*)' },
  factWhere: 'NOT succeeded',
};

/** Succeeded refunds. */
export const REFUNDS: Rollup = {
  name: 'refund',
  facts: 'refunds',
  groups: ['currency', 'storefront_id', 'bundle_id'],
  sums: ['count', 'amount'],
  factSums: { count: 'count(*)', amount: 'coalesce(sum(amount), 0)' },
  factWhere: 'succeeded',
};
