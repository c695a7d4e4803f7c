import type { Clock, EnvironmentClocks, Logger } from '@azotte/common';
import type { Knex } from 'knex';
import type { CheckoutGate } from '../operations/checkout-gate';
import type { EntitlementCache } from '../operations/entitlement-cache';
import type { ProviderRegistry } from '../providers/registry';
import type { BillingMetrics } from '../scheduler/metrics';
import type { Remote } from '../remote/clients';

/** What every operation is given. */
export interface Deps {
  db: Knex;
  /** Business time per environment: real time, plus a sandbox's test-clock offset. */
  clocks: EnvironmentClocks;
  /** Real time, for the scheduler's comparison against each environment's offset. */
  realClock: Clock;
  logger: Logger;
  providers: ProviderRegistry;
  remote: Remote;
  entitlements: EntitlementCache;
  /** Where completions of checkout sessions queue before taking their session's lock. */
  checkouts: CheckoutGate;
  /** The scheduler's outcome counters; absent, nothing is counted (a test's own deps). */
  metrics?: BillingMetrics;
}
