import { Counter, Gauge, type Clock, type MetricsRegistry } from '@azotte/common';
import type { Knex } from 'knex';
import { dueNow } from '../store/due-now';

/**
 * What one scheduled action came to, the `outcome` of
 * `azotte_billing_renewals_total`: a renewal or trial end charged
 * (`succeeded`) or declined into dunning (`payment_failed`); a dunning retry
 * that was paid (`recovered`), declined again (`retry_failed`) or was the last
 * (`canceled`); an incomplete subscription never paid (`expired`); a
 * cancellation at period end taking effect (`ended`); or a failure that rolled
 * the subscription back to be tried again (`error`).
 */
export type RenewalOutcome = 'succeeded' | 'payment_failed' | 'recovered' | 'retry_failed' | 'canceled' | 'expired' | 'ended' | 'error';

export interface BillingMetrics {
  /** Counts outcomes of a committed scheduler batch (never before the commit: a rollback counts nothing). */
  recordOutcomes(outcomes: RenewalOutcome[]): void;
}

/** A scrape never waits longer than this for the count of due subscriptions. */
const DUE_COUNT_TIMEOUT_MS = 1_000;

/**
 * The billing scheduler's metrics: outcomes of what it ran, and its backlog,
 * counted at scrape time over the whole service (every tenant and
 * environment) with the scheduler's own notion of due: `next_action_at` past
 * the real clock plus the environment's test-clock offset. A count that fails
 * or takes over a second reports NaN rather than failing or holding the scrape.
 */
export function billingMetrics(registry: MetricsRegistry, knex: Knex, realClock: Clock): BillingMetrics {
  const renewals = new Counter({
    name: 'azotte_billing_renewals_total',
    help: 'Scheduled billing actions committed (renewals, trial ends, dunning retries, expiries, period-end cancellations), by outcome',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'azotte_billing_scheduler_due_subscriptions',
    help: 'Subscriptions whose renewal, trial end, retry or expiry is due now and not yet run',
    registers: [registry],
    async collect() {
      this.set(await countDue(knex, realClock.now()).catch(() => Number.NaN));
    },
  });
  return {
    recordOutcomes(outcomes) {
      for (const outcome of outcomes) renewals.inc({ outcome });
    },
  };
}

async function countDue(knex: Knex, realNow: Date): Promise<number> {
  const [row] = (await dueNow(knex, realNow)
    .count({ due: '*' })
    .timeout(DUE_COUNT_TIMEOUT_MS, { cancel: true })) as Array<{ due: string | number }>;
  return Number(row?.due ?? 0);
}
