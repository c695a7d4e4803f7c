import type { Clock, EnvironmentClocks, Logger, SecretBox } from '@azotte/common';
import type { Knex } from 'knex';
import type { EnvironmentNames } from './environment-names';
import type { AddressPolicy } from './address-rules';
import type { WebhookMetrics } from '../delivery/metrics';
import type { Resolver } from '../delivery/resolver';

/** What the service's operations need, built once by service.ts. */
export interface Deps {
  db: Knex;
  logger: Logger;
  /** Real time: retries, leases, secret rotation, disabling, retention (tests inject their own). */
  clock: Clock;
  /** Business time per environment: trial reminders follow a sandbox's test clock. */
  clocks: EnvironmentClocks;
  secrets: SecretBox;
  policy: AddressPolicy;
  /** Name → addresses, for the address rules at save and at delivery. */
  resolve: Resolver;
  environments: EnvironmentNames;
  /** Delays before each retry (WEBHOOK_RETRY_SCHEDULE). */
  schedule: readonly number[];
  timeoutMs: number;
  /** Attempts by outcome; absent, nothing is counted (a test's own deps). */
  metrics?: WebhookMetrics;
}

/** How long the secret rotated out still signs deliveries. */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;
/** An endpoint whose every delivery failed for this long is disabled. */
export const DISABLE_AFTER_MS = 5 * 24 * 3_600_000;
/** Public events (and their deliveries) are kept this long. */
export const RETENTION_MS = 30 * 24 * 3_600_000;
/** `subscription.trial_will_end` goes out this long before the trial ends. */
export const TRIAL_REMINDER_MS = 3 * 24 * 3_600_000;
