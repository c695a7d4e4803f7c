import { Counter, Gauge, type Clock, type MetricsRegistry } from '@azotte/common';
import type { Knex } from 'knex';

/**
 * What one delivery attempt came to: delivered (`succeeded`), failed with
 * retries left (`retry_scheduled`), or failed for good once the schedule ran
 * out (`failed`).
 */
export type AttemptOutcome = 'succeeded' | 'retry_scheduled' | 'failed';

export interface WebhookMetrics {
  /** Counts an attempt whose outcome has been recorded (committed). */
  attempted(outcome: AttemptOutcome): void;
}

/** A scrape never waits longer than this for the delivery backlog. */
const BACKLOG_TIMEOUT_MS = 1_000;

interface Backlog {
  pending: number;
  oldestDueAgeSeconds: number;
}

/**
 * The delivery workers' metrics: attempts by outcome, and the backlog read at
 * scrape time with one query over the partial index `deliveries_due` — the
 * deliveries still pending, and how long the most overdue one (of an enabled
 * endpoint, not leased by a worker) has been due. No label names an endpoint
 * or a tenant: those are unbounded. A read that fails or takes over a second
 * reports NaN rather than failing or holding the scrape.
 */
export function webhookMetrics(registry: MetricsRegistry, knex: Knex, clock: Clock): WebhookMetrics {
  const attempts = new Counter({
    name: 'azotte_webhook_deliveries_total',
    help: 'Webhook delivery attempts, by outcome (succeeded, retry_scheduled, failed)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  let reading: Promise<Backlog> | undefined;
  const read = () =>
    (reading ??= readBacklog(knex, clock.now())
      .catch(() => ({ pending: Number.NaN, oldestDueAgeSeconds: Number.NaN }))
      .finally(() => {
        reading = undefined;
      }));
  new Gauge({
    name: 'azotte_webhook_pending_deliveries',
    help: 'Webhook deliveries pending: due, leased by a worker, or waiting for their next retry',
    registers: [registry],
    async collect() {
      this.set((await read()).pending);
    },
  });
  new Gauge({
    name: 'azotte_webhook_oldest_pending_age_seconds',
    help: 'How long the most overdue pending delivery of an enabled endpoint has been due (0 when none is)',
    registers: [registry],
    async collect() {
      this.set((await read()).oldestDueAgeSeconds);
    },
  });
  return { attempted: (outcome) => attempts.inc({ outcome }) };
}

async function readBacklog(knex: Knex, now: Date): Promise<Backlog> {
  const { rows } = (await knex
    .raw(
      `SELECT count(*)::int AS pending,
              extract(epoch FROM ?::timestamptz - min(d.next_attempt_at) FILTER (WHERE e.status = 'enabled' AND d.next_attempt_at <= ?::timestamptz))::float8 AS oldest
         FROM deliveries d JOIN endpoints e ON e.id = d.endpoint_id
        WHERE d.status = 'pending'`,
      [now.toISOString(), now.toISOString()],
    )
    .timeout(BACKLOG_TIMEOUT_MS, { cancel: true })) as { rows: Array<{ pending: number; oldest: number | null }> };
  const [row] = rows;
  return { pending: row?.pending ?? 0, oldestDueAgeSeconds: Math.max(0, row?.oldest ?? 0) };
}
