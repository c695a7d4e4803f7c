import type { Knex } from 'knex';
import { Gauge, type Registry } from 'prom-client';
import { OUTBOX_TABLE } from '../bus/outbox';

/** knex's tarn pool, which its types do not show. */
interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}
const poolOf = (knex: Knex): TarnPool | undefined => (knex.client as { pool?: TarnPool }).pool;

/**
 * The Postgres pool's connections in use and idle, and the acquires waiting
 * for one (OpenTelemetry's `db.client.connection.count` and `.pending_requests`;
 * `_count` is a histogram's suffix in Prometheus), read at scrape time.
 * `pool` names the pool: the service's schema, one per service.
 */
export function registerPoolMetrics(registry: Registry, knex: Knex, pool: string): void {
  new Gauge({
    name: 'db_client_connections',
    help: 'Postgres connections of the pool, by state (used, idle)',
    labelNames: ['db_client_connection_pool_name', 'db_client_connection_state'] as const,
    registers: [registry],
    collect() {
      const tarn = poolOf(knex);
      this.set({ db_client_connection_pool_name: pool, db_client_connection_state: 'used' }, tarn?.numUsed() ?? 0);
      this.set({ db_client_connection_pool_name: pool, db_client_connection_state: 'idle' }, tarn?.numFree() ?? 0);
    },
  });
  new Gauge({
    name: 'db_client_connection_pending_requests',
    help: 'Requests waiting for a Postgres connection of the pool',
    labelNames: ['db_client_connection_pool_name'] as const,
    registers: [registry],
    collect() {
      this.set({ db_client_connection_pool_name: pool }, poolOf(knex)?.numPendingAcquires() ?? 0);
    },
  });
}

interface OutboxBacklog {
  unsent: number;
  oldestAgeSeconds: number;
}

/**
 * The outbox's unsent rows and the age of the oldest, read at scrape time with
 * one query over the partial index `outbox_unsent`. Both gauges share it: a
 * scrape collects them together. A failed read (Postgres away, the schema not
 * yet migrated) reports NaN rather than failing the whole scrape.
 */
export function registerOutboxMetrics(registry: Registry, knex: Knex): void {
  let reading: Promise<OutboxBacklog> | undefined;
  const read = () =>
    (reading ??= knex
      .raw<{ rows: Array<{ unsent: number; oldest_age_seconds: number | null }> }>(
        `SELECT count(*)::int AS unsent, extract(epoch FROM now() - min(created_at))::float8 AS oldest_age_seconds
           FROM ${OUTBOX_TABLE} WHERE sent_at IS NULL`,
      )
      .then(
        ({ rows: [row] }) => ({ unsent: row?.unsent ?? 0, oldestAgeSeconds: Math.max(0, row?.oldest_age_seconds ?? 0) }),
        () => ({ unsent: Number.NaN, oldestAgeSeconds: Number.NaN }),
      )
      .finally(() => {
        reading = undefined;
      }));
  new Gauge({
    name: 'azotte_outbox_unsent_messages',
    help: 'Events written to the outbox and not yet confirmed by the broker',
    registers: [registry],
    async collect() {
      this.set((await read()).unsent);
    },
  });
  new Gauge({
    name: 'azotte_outbox_oldest_unsent_age_seconds',
    help: 'Age of the oldest unsent outbox event (0 when none waits)',
    registers: [registry],
    async collect() {
      this.set((await read()).oldestAgeSeconds);
    },
  });
}
