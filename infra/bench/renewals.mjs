// Renewal benchmark: the billing scheduler renewing a run of due subscriptions
// (invoice, charge through the sandbox adapter, payment, events in the outbox,
// the next period), beside the raw Postgres batched-insert rate of the same
// number of rows, measured in the same run. Workers take batches with
// FOR UPDATE SKIP LOCKED, as billing replicas would.
import { createRequire } from 'node:module';
import amqp from 'amqplib';
import pg from 'pg';
import pino from 'pino';
import { fmt, ROOT } from './lib.mjs';

const require = createRequire(import.meta.url);
const billing = require(`${ROOT}/services/billing/dist/index.js`);
const { runAllDue } = require(`${ROOT}/services/billing/dist/scheduler/run-due.js`);
const silent = pino({ level: 'silent' });

async function rawInsertBaseline(databaseUrl, schema, count, batch) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`CREATE TABLE "${schema}".bench_rows (id text PRIMARY KEY, subscription_id text, amount bigint, currency text, lines jsonb, created_at timestamptz)`);
  const started = Date.now();
  for (let done = 0; done < count; done += batch) {
    const values = [];
    const params = [];
    for (let i = 0; i < Math.min(batch, count - done); i++) {
      const n = done + i;
      params.push(`row_${n}`, `sub_${n}`, 1000, 'EUR', '[{"amount":1000}]', new Date());
      const b = i * 6;
      values.push(`($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6})`);
    }
    await client.query(`INSERT INTO "${schema}".bench_rows VALUES ${values.join(',')}`, params);
  }
  const seconds = (Date.now() - started) / 1000;
  await client.end();
  return count / seconds;
}

export async function renewalsBench({ databaseUrl, amqpUrl, id: runId }, { count, workers = 4, batch = 200 }) {
  // Its own schema, exchange and queues, removed at the end.
  const id = `${runId}_renewals`;
  const schema = `${id}_billing`;
  const config = billing.loadBillingConfig({
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    AMQP_URL: amqpUrl,
    AMQP_EXCHANGE: `${id}.events`,
    AMQP_QUEUE_PREFIX: `${id}.`,
    BILLING_DB_SCHEMA: schema,
    BILLING_GRPC_PORT: '0',
    BILLING_METRICS_PORT: '0', // several schedulers in this process: each its own port
    BILLING_SCHEDULER_INTERVAL_MS: '0',
    LOG_LEVEL: 'silent',
  });
  // Renewals ask no other service: a stub stands in for them.
  const remote = new Proxy({}, { get: () => async () => { throw new Error('not used by renewals'); } });
  const services = [];
  for (let i = 0; i < workers; i++) services.push(await billing.startBillingService(config, { logger: silent, remote }));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const past = new Date(Date.now() - 60_000).toISOString();
    await client.query(`SET search_path TO "${schema}"`);
    // One customer per subscription, each with its card, as a tenant's real book would be.
    await client.query(
      `INSERT INTO payment_methods (id, tenant_id, environment_id, customer_id, type, provider, token, brand, last4, exp_month, exp_year, is_default, created_at)
       SELECT 'pm_bench_' || g, 'ten_bench', 'env_bench', 'cus_bench_' || g, 'card', 'sandbox', 'tok_sandbox_ok_bench', 'visa', '4242', 12, 2040, true, now()
       FROM generate_series(1, $1) g`,
      [count],
    );
    await client.query(
      `INSERT INTO subscriptions (id, tenant_id, environment_id, environment_kind, customer_id, price_id, bundle_id, status, quantity, amount,
         currency, interval, interval_count, payment_method_id, billing_anchor, cycle, current_period_start, current_period_end,
         next_action_at, created_at, updated_at)
       SELECT 'sub_bench_' || g, 'ten_bench', 'env_bench', 'production', 'cus_bench_' || g, 'price_bench', 'bun_bench', 'active', 1, 1000,
         'EUR', 'month', 1, 'pm_bench_' || g, $1::timestamptz - interval '1 month', 0, $1::timestamptz - interval '1 month', $1::timestamptz,
         $1::timestamptz, now(), now()
       FROM generate_series(1, $2) g`,
      [past, count],
    );
    // Statistics as a running database has them, so that lookups by id use their index.
    await client.query('ANALYZE payment_methods; ANALYZE subscriptions');
    const started = Date.now();
    const results = await Promise.all(services.map((s) => runAllDue(s.deps, { batchSize: batch })));
    const seconds = (Date.now() - started) / 1000;
    const renewed = results.reduce((n, r) => n + r.renewals, 0);
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM invoices`);
    if (renewed !== count || rows[0].n !== count) throw new Error(`renewed ${renewed}, invoices ${rows[0].n}, expected ${count}`);
    const baseline = await rawInsertBaseline(databaseUrl, schema, count, 500);
    const rate = renewed / seconds;
    return [
      ['scenario', 'rows/s', 'total s'],
      [`raw Postgres batched INSERT (500 rows/statement), ${count} rows (baseline)`, fmt(baseline), fmt(count / baseline, 1)],
      [`billing renewals, ${count} due subscriptions, ${workers} schedulers × batch ${batch}`, fmt(rate), fmt(seconds, 1)],
      ['ratio renewals / baseline', fmt(rate / baseline, 3), ''],
    ];
  } finally {
    await client.end();
    // The relays may still be publishing the run's events: stopping waits for them at most 10 s.
    await Promise.race([Promise.all(services.map((s) => s.stop())), new Promise((r) => setTimeout(r, 10_000))]);
    await cleanUp(databaseUrl, amqpUrl, id, schema);
  }
}

async function cleanUp(databaseUrl, amqpUrl, id, schema) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.query(`DROP ROLE IF EXISTS "azotte_${schema}"`);
  await client.end();
  const conn = await amqp.connect(amqpUrl);
  const ch = await conn.createChannel();
  for (const q of ['billing.events', 'billing.events.dlq']) await ch.deleteQueue(`${id}.${q}`).catch(() => undefined);
  await ch.deleteExchange(`${id}.events`).catch(() => undefined);
  await conn.close();
}
