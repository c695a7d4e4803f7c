// Analytics benchmarks (issue 6):
// - the dashboard (GET /api/v1/dashboard: three analytics summaries asked in
//   parallel) with 1,000 and with 1,000,000 subscriptions' worth of projected
//   history for the tenant asked, beside a bare Express endpoint, same run;
// - events end to end into analytics (billing-style outbox → relay → RabbitMQ →
//   analytics' consumer: inbox, kept event, projections), beside raw amqplib
//   confirm-publish + consume on a quorum queue, same run.
// The history is not replayed through the pipeline (far too slow for a million
// subscriptions): the facts the projections would have written are inserted
// with set-based SQL and the daily rollups summed from them (see generateHistory).
import { createRequire } from 'node:module';
import autocannon from 'autocannon';
import express from 'express';
import pg from 'pg';
import pino from 'pino';
import { rawBaseline } from './events.mjs';
import { fmt, freePort, PLATFORM_SERVICES, platformEnvironment, ROOT, startService, waitUntil } from './lib.mjs';

const require = createRequire(import.meta.url);
const silent = pino({ level: 'silent' });

// ---------------------------------------------------------------------------
// Projected history, in SQL
// ---------------------------------------------------------------------------

const q = (s) => `'${String(s).replace(/'/g, "''")}'`;

/**
 * Writes `subscriptions` subscriptions' worth of analytics facts for one
 * tenant + environment, spread over `days` days up to now, `workers` slices at
 * once (each one transaction), and adds their sums into the daily rollups in
 * the same transaction (what the rollup triggers would have done row by row;
 * the triggers are bypassed with session_replication_role because firing them
 * per row costs minutes at this size).
 *
 * The model, per subscription (one per customer): created over the period
 * uniformly; 50 % with a 14-day trial of which 70 % convert (the rest cancel at
 * trial end); 4 storefronts (EUR, EUR, USD, GBP), 5 bundles (4.99–29.99 a
 * month), 20 % yearly at 10 × the monthly price; a churn hazard of 4.5 % a
 * month (25 % a year) cancelling at a period end; 10 % change price once (up a
 * bundle, down from the top one) 1–12 months after activation; one payment
 * attempt per period, 6 % declined then retried successfully a day later; 1 %
 * of successful payments refunded within a week (97 % of refunds succeed).
 * Facts: subscription_changes (created, trial end, cancel), mrr_movements (new,
 * expansion / contraction, churn), payments, refunds — as the projections
 * classify them (API.md), with rollups summed from them.
 */
export async function generateHistory(databaseUrl, { schema, tenantId, environmentId, subscriptions, tag, days = 1095, workers = 2 }) {
  const per = Math.ceil(subscriptions / workers);
  const parts = [];
  for (let w = 0; w < workers && w * per < subscriptions; w++) {
    parts.push({ lo: w * per + 1, hi: Math.min(subscriptions, (w + 1) * per) });
  }
  const counts = await Promise.all(
    parts.map(async ({ lo, hi }) => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return await generatePart(client, { schema, tenantId, environmentId, lo, hi, tag, days });
      } finally {
        await client.end();
      }
    }),
  );
  const total = {};
  for (const c of counts) for (const [k, v] of Object.entries(c)) total[k] = (total[k] ?? 0) + v;
  return total;
}

/**
 * Runs `fn` (a bulk load) with the fact tables' indexes dropped, then builds
 * them again exactly as they were (their definitions are read from the
 * catalog): one sorted build is far cheaper than millions of insertions into
 * them. The rollups keep theirs (their upserts need them).
 */
export async function withoutFactIndexes(databaseUrl, schema, fn) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query(
    `SELECT c.relname AS "table", i.relname AS index, pg_get_indexdef(x.indexrelid) AS def, con.conname, pg_get_constraintdef(con.oid) AS condef
     FROM pg_index x
     JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_class c ON c.oid = x.indrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_constraint con ON con.conindid = x.indexrelid AND con.conrelid = c.oid
     WHERE n.nspname = $1 AND c.relname = ANY($2)
     ORDER BY pg_relation_size(c.oid) DESC`,
    [schema, ['payments', 'mrr_movements', 'subscription_changes', 'refunds']],
  );
  const qualified = (t) => `"${schema}"."${t}"`;
  try {
    for (const r of rows) {
      await client.query(r.conname ? `ALTER TABLE ${qualified(r.table)} DROP CONSTRAINT "${r.conname}"` : `DROP INDEX ${qualified(r.index)}`);
    }
    await fn();
  } finally {
    // Two builds at a time, the largest first.
    const queue = [...rows];
    const builder = async () => {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      try {
        await c.query("SET maintenance_work_mem = '512MB'");
        for (let r = queue.shift(); r; r = queue.shift()) {
          await c.query(r.conname ? `ALTER TABLE ${qualified(r.table)} ADD CONSTRAINT "${r.conname}" ${r.condef}` : r.def);
        }
      } finally {
        await c.end();
      }
    };
    await Promise.all([builder(), builder()]);
    await client.end();
  }
}

/** Subscriptions lo..hi, in one transaction: facts built in temporary tables, copied, and their sums added into the rollups. */
async function generatePart(client, { schema, tenantId, environmentId, lo, hi, tag, days }) {
  const s = (t) => `"${schema}".${t}`;
  const scope = `${q(tenantId)}::text AS tenant_id, ${q(environmentId)}::text AS environment_id`;
  const ids = (prefix) => `'${prefix}_${tag}_'`;
  // Ids sort by time, as the services' ULIDs do.
  const stamp = (col) => `(extract(epoch FROM ${col}) * 1000000)::bigint`;
  await client.query('BEGIN');
  try {
    await client.query("SET LOCAL session_replication_role = replica; SET LOCAL work_mem = '256MB'; SET LOCAL synchronous_commit = off");
    await client.query(`
      CREATE TEMP TABLE gen_subs ON COMMIT DROP AS
      WITH base AS (
        SELECT i,
          now() - random() * interval '${days} days' AS created_at,
          random() < 0.5 AS trial,
          random() < 0.7 AS converts_if_trial,
          floor(random() * 4)::int AS sf,
          floor(random() * 5)::int AS bundle,
          random() < 0.2 AS yearly,
          random() AS r_life, random() AS r_up, random() AS r_up_at
        FROM generate_series(${Number(lo)}, ${Number(hi)}) i
      ), plan AS (
        SELECT *,
          CASE WHEN trial THEN created_at + interval '14 days' ELSE created_at END AS activated_at,
          (NOT trial OR converts_if_trial) AS converts,
          CASE WHEN yearly THEN interval '1 year' ELSE interval '1 month' END AS period,
          floor(ln(1 - r_life) / ln(CASE WHEN yearly THEN 0.75 ELSE 0.955 END))::int AS lifetime,
          (ARRAY['EUR','EUR','USD','GBP'])[sf + 1] AS currency,
          (ARRAY[499,999,1499,1999,2999])[bundle + 1] * CASE WHEN yearly THEN 10 ELSE 1 END AS amount,
          CASE WHEN bundle = 4 THEN 3 ELSE bundle + 1 END AS bundle2
        FROM base
      ), timed AS (
        SELECT *,
          activated_at + (lifetime + 1) * period AS canceled_at,
          activated_at + (1 + floor(r_up_at * 12)::int) * interval '1 month' AS upgrade_at,
          (ARRAY[499,999,1499,1999,2999])[bundle2 + 1] * CASE WHEN yearly THEN 10 ELSE 1 END AS amount2
        FROM plan
      )
      SELECT i, created_at, trial, converts, activated_at, canceled_at, upgrade_at, period, yearly, lifetime, currency,
        'sf_${tag}_' || sf AS storefront_id, 'bun_${tag}_' || bundle AS bundle_id, 'bun_${tag}_' || bundle2 AS bundle2_id,
        amount, amount2,
        CASE WHEN yearly THEN round(amount / 12.0, 18) ELSE amount::numeric END AS mrr,
        CASE WHEN yearly THEN round(amount2 / 12.0, 18) ELSE amount2::numeric END AS mrr2,
        ${ids('cus')} || i AS customer_id, ${ids('sub')} || i AS subscription_id,
        converts AND activated_at < now() AS act_ok,
        converts AND canceled_at < now() AS cancel_ok,
        converts AND r_up < 0.1 AND upgrade_at < least(canceled_at, now()) AS up_ok
      FROM timed`);
    // The events behind the facts: created (c), trial end (a), price change (u), cancellation (z).
    const evt = (col, suffix) => `'evt_${tag}_' || ${stamp(col)} || '_' || i || '${suffix}'`;

    // subscription_changes: created, trial end (converted or not), canceled after being paid.
    await client.query(`
      CREATE TEMP TABLE gen_changes ON COMMIT DROP AS
      SELECT ${evt('created_at', 'c')} AS event_id, ${scope}, customer_id, created_at AS at,
        CASE WHEN trial THEN 0 ELSE 1 END AS active_delta, CASE WHEN trial THEN 1 ELSE 0 END AS trialing_delta, 0 AS churned,
        CASE WHEN trial THEN 0 ELSE 1 END AS customers_delta
      FROM gen_subs
      UNION ALL
      SELECT ${evt('activated_at', 'a')}, ${scope}, customer_id, activated_at,
        CASE WHEN converts THEN 1 ELSE 0 END, -1, 0, CASE WHEN converts THEN 1 ELSE 0 END
      FROM gen_subs WHERE trial AND activated_at < now()
      UNION ALL
      SELECT ${evt('canceled_at', 'z')}, ${scope}, customer_id, canceled_at, -1, 0, 1, -1
      FROM gen_subs WHERE cancel_ok`);

    // mrr_movements: new at activation, expansion / contraction at the price change, churn at cancellation.
    await client.query(`
      CREATE TEMP TABLE gen_movements ON COMMIT DROP AS
      SELECT CASE WHEN trial THEN ${evt('activated_at', 'a')} ELSE ${evt('created_at', 'c')} END AS event_id, currency, ${scope},
        customer_id, subscription_id, activated_at AS at, 'new' AS kind, mrr AS amount, mrr AS delta
      FROM gen_subs WHERE act_ok
      UNION ALL
      SELECT ${evt('upgrade_at', 'u')}, currency, ${scope}, customer_id, subscription_id, upgrade_at,
        CASE WHEN mrr2 > mrr THEN 'expansion' ELSE 'contraction' END, abs(mrr2 - mrr), mrr2 - mrr
      FROM gen_subs WHERE up_ok
      UNION ALL
      SELECT ${evt('canceled_at', 'z')}, currency, ${scope}, customer_id, subscription_id, canceled_at, 'churn',
        CASE WHEN up_ok THEN mrr2 ELSE mrr END, -(CASE WHEN up_ok THEN mrr2 ELSE mrr END)
      FROM gen_subs WHERE cancel_ok`);

    // payments: one attempt per period while active; a declined one is retried a day later.
    await client.query(`
      CREATE TEMP TABLE gen_payments ON COMMIT DROP AS
      WITH attempts AS (
        SELECT g.*, k, g.activated_at + k * g.period AS due,
          abs(hashint8(g.i::bigint * 64 + k)) % 100 < 6 AS declined,
          CASE WHEN g.up_ok AND g.activated_at + k * g.period >= g.upgrade_at THEN g.amount2 ELSE g.amount END AS charge,
          CASE WHEN g.up_ok AND g.activated_at + k * g.period >= g.upgrade_at THEN g.bundle2_id ELSE g.bundle_id END AS charged_bundle
        FROM gen_subs g
        CROSS JOIN LATERAL generate_series(0, least(g.lifetime,
          ceil(extract(epoch FROM now() - g.activated_at) / CASE WHEN g.yearly THEN 365 * 86400 ELSE 28 * 86400 END)::int)) k
        WHERE g.act_ok
      ), rows AS (
        SELECT i, k, 'f' AS suffix, due AS at, false AS succeeded,
          (ARRAY['card_declined','insufficient_funds','expired_card'])[abs(hashint8(i::bigint * 64 + k)) % 3 + 1] AS failure_code,
          charge, currency, storefront_id, charged_bundle, customer_id, subscription_id
        FROM attempts WHERE declined AND due < least(canceled_at, now())
        UNION ALL
        SELECT i, k, '', due + CASE WHEN declined THEN interval '1 day' ELSE interval '0' END, true, '',
          charge, currency, storefront_id, charged_bundle, customer_id, subscription_id
        FROM attempts WHERE due < least(canceled_at, now()) AND due + CASE WHEN declined THEN interval '1 day' ELSE interval '0' END < now()
      )
      SELECT 'pay_${tag}_' || ${stamp('at')} || '_' || i || '_' || k || suffix AS payment_id, ${scope}, at, succeeded, failure_code,
        charge::bigint AS amount, currency, storefront_id, charged_bundle AS bundle_id, customer_id, subscription_id
      FROM rows`);

    // refunds: 1 % of successful payments, within a week; 97 % of them succeed.
    await client.query(`
      CREATE TEMP TABLE gen_refunds ON COMMIT DROP AS
      SELECT 're_${tag}_' || ${stamp('refund_at')} || '_' || payment_id AS refund_id, tenant_id, environment_id, refund_at AS at, payment_id,
        abs(hashtext(payment_id || 'r')) % 100 < 97 AS succeeded, amount, currency, storefront_id, bundle_id
      FROM (
        SELECT *, at + (1 + abs(hashtext(payment_id)) % 7) * interval '1 day' + (abs(hashtext(payment_id)) % 24) * interval '1 hour' AS refund_at
        FROM gen_payments WHERE succeeded AND abs(hashtext(payment_id || 'x')) % 100 = 0
      ) p
      WHERE refund_at < now()`);

    // Into the service's tables, in time order (as they would have arrived).
    await client.query(`
      INSERT INTO ${s('subscription_changes')} (event_id, tenant_id, environment_id, customer_id, at, active_delta, trialing_delta, churned, customers_delta)
      SELECT * FROM gen_changes ORDER BY at`);
    await client.query(`
      INSERT INTO ${s('mrr_movements')} (event_id, currency, tenant_id, environment_id, customer_id, subscription_id, at, kind, amount, delta)
      SELECT * FROM gen_movements ORDER BY at`);
    await client.query(`
      INSERT INTO ${s('payments')} (payment_id, tenant_id, environment_id, at, succeeded, failure_code, amount, currency, storefront_id, bundle_id, customer_id, subscription_id)
      SELECT * FROM gen_payments ORDER BY at`);
    await client.query(`
      INSERT INTO ${s('refunds')} (refund_id, tenant_id, environment_id, at, payment_id, succeeded, amount, currency, storefront_id, bundle_id)
      SELECT * FROM gen_refunds ORDER BY at`);

    // The rollups: what the triggers would have added row by row. Rows are
    // taken in key order, so parts running at once wait for each other instead
    // of deadlocking.
    const kinds = ['new', 'expansion', 'contraction', 'churn', 'reactivation'];
    const levels = [
      ['daily', "(at AT TIME ZONE 'UTC')::date"],
      ['hourly', "(date_trunc('hour', at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')"],
      ['total', null],
    ];
    // [rollup, source, where, group columns, [column, aggregate]...]: the same sums as the triggers' (store/migrations/001_init.ts).
    const rollups = [
      ['mrr', 'gen_movements', '', ['currency'], [
        ...kinds.map((k) => [`${k}_amount`, `coalesce(sum(amount) FILTER (WHERE kind = '${k}'), 0)`]),
        ['net', 'sum(delta)'],
        ['new_customers', "count(*) FILTER (WHERE kind = 'new')"],
      ]],
      ['subscription', 'gen_changes', '', [], ['active_delta', 'trialing_delta', 'churned', 'customers_delta'].map((c) => [c, `sum(${c})`])],
      ['payment', 'gen_payments', '', ['currency', 'storefront_id', 'bundle_id'], [
        ['attempts', 'count(*)'], ['successes', 'count(*) FILTER (WHERE succeeded)'], ['collected', 'coalesce(sum(amount) FILTER (WHERE succeeded), 0)'],
      ]],
      ['payment_failures', 'gen_payments', 'WHERE NOT succeeded', ['failure_code'], [['count', 'count(*)']]],
      ['refund', 'gen_refunds', 'WHERE succeeded', ['currency', 'storefront_id', 'bundle_id'], [['count', 'count(*)'], ['amount', 'sum(amount)']]],
    ];
    for (const [name, source, where, groups, sums] of rollups) {
      for (const [level, bucket] of levels) {
        const keys = ['tenant_id', 'environment_id', ...(bucket ? ['bucket'] : []), ...groups];
        const positions = keys.map((_, i) => i + 1).join(', ');
        await client.query(`
          INSERT INTO ${s(`${name}_${level}`)} AS d (${keys.join(', ')}, ${sums.map(([c]) => c).join(', ')})
          SELECT tenant_id, environment_id, ${bucket ? `${bucket}, ` : ''}${groups.map((g) => `${g}, `).join('')}${sums.map(([, agg]) => agg).join(', ')}
          FROM ${source} ${where} GROUP BY ${positions} ORDER BY ${positions}
          ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${sums.map(([c]) => `${c} = d.${c} + EXCLUDED.${c}`).join(', ')}`);
      }
    }

    const { rows } = await client.query(`
      SELECT (SELECT count(*) FROM gen_subs) AS subscriptions, (SELECT count(*) FROM gen_changes) AS changes,
             (SELECT count(*) FROM gen_movements) AS movements, (SELECT count(*) FROM gen_payments) AS payments,
             (SELECT count(*) FROM gen_refunds) AS refunds`);
    await client.query('COMMIT');
    return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

// ---------------------------------------------------------------------------
// The stack: every service, as http.mjs starts it, on the run's schemas
// ---------------------------------------------------------------------------

async function startStack(ctx, names = PLATFORM_SERVICES) {
  const env = await platformEnvironment(ctx);
  const services = names.map((name) => startService(name, env));
  return {
    env,
    api: `http://127.0.0.1:${env.GATEWAY_PORT}/api/v1`,
    stop: async () => {
      for (const s of [...services].reverse()) await s.stop();
    },
  };
}

async function call(api, method, path, token, body) {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return res.json();
}

async function load(url, headers, { connections, duration }) {
  let degraded = 0;
  const result = await autocannon({
    url,
    headers,
    connections,
    duration,
    // A dashboard answered without one of its sources is not a dashboard.
    setupClient: (client) => client.on('body', (body) => {
      if (body.includes('"degraded":[') && !body.includes('"degraded":[]')) degraded++;
    }),
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx + degraded };
}

// ---------------------------------------------------------------------------
// The dashboard
// ---------------------------------------------------------------------------

/**
 * GET /api/v1/dashboard (default period: the last 30 days) for a tenant with
 * `small` and one with `large` subscriptions' worth of history over ~3 years,
 * with `noise` more spread over other tenants, beside bare Express + one
 * Postgres primary-key query, all at the same concurrency in the same run.
 */
export async function dashboardBench(ctx, { small = 1_000, large = 1_000_000, noise = 100_000, workers = 2 } = {}) {
  const { databaseUrl, id, connections, duration } = ctx;
  const schema = `${id}_analytics`;
  const stack = await startStack(ctx);
  const baselinePool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  let baselineServer;
  try {
    const { api } = stack;
    await waitUntil(async () => (await fetch(`${api}/readyz`)).ok, 60_000);
    const root = (await call(api, 'POST', '/auth/login', undefined, { email: 'bench@azotte.test', password: 'bench-password' })).accessToken;
    const tenants = {};
    for (const size of ['small', 'large']) {
      const tenant = await call(api, 'POST', '/tenants', root, {
        name: `Dashboard ${size}`,
        slug: `dash-${size}`,
        reportingCurrency: 'EUR',
        fxRates: { USD: '0.92', GBP: '1.17' },
        admin: { email: `o@dash-${size}.test`, password: 'owner-password' },
      });
      const owner = (await call(api, 'POST', '/auth/login', undefined, { email: `o@dash-${size}.test`, password: 'owner-password' })).accessToken;
      const { key } = await call(api, 'POST', '/api-keys', owner, { name: 'bench', role: 'manager', environment: 'production' });
      const environmentId = tenant.environments.find((e) => e.kind === 'production').id;
      tenants[size] = { tenantId: tenant.id, environmentId, key, sandboxId: tenant.environments.find((e) => e.kind === 'sandbox').id };
    }
    // Analytics learns each tenant's reporting currency from tenant.tenant.created.v1, through the bus.
    await waitUntil(async () => {
      const { rows } = await admin.query(`SELECT count(*)::int AS n FROM "${schema}".tenants WHERE tenant_id = ANY($1)`, [[tenants.small.tenantId, tenants.large.tenantId]]);
      return rows[0].n === 2;
    }, 60_000);

    const started = Date.now();
    const generated = { noise: { subscriptions: 0 } };
    const gen = (scope, subscriptions, tag) => generateHistory(databaseUrl, { schema, ...scope, subscriptions, tag, workers });
    const pick = (t, env = t.environmentId) => ({ tenantId: t.tenantId, environmentId: env });
    await withoutFactIndexes(databaseUrl, schema, async () => {
      generated.small = await gen(pick(tenants.small), small, 's');
      generated.large = await gen(pick(tenants.large), large, 'l');
      // Noise: ten other tenants and the large tenant's sandbox, sharing the tables.
      const others = Array.from({ length: 10 }, (_, i) => ({ tenantId: `ten_noise${i}`, environmentId: `env_noise${i}` }));
      for (const [i, scope] of [...others, pick(tenants.large, tenants.large.sandboxId)].entries()) {
        const part = await gen(scope, Math.round(noise / (others.length + 1)), `n${i}`);
        for (const [k, v] of Object.entries(part)) generated.noise[k] = (generated.noise[k] ?? 0) + v;
      }
    });
    const analyzed = ['mrr_movements', 'subscription_changes', 'payments', 'refunds'];
    for (const name of ['mrr', 'subscription', 'payment', 'payment_failures', 'refund']) analyzed.push(`${name}_daily`, `${name}_hourly`, `${name}_total`);
    await admin.query(`ANALYZE ${analyzed.map((t) => `"${schema}".${t}`).join(', ')}`);
    const generationSeconds = (Date.now() - started) / 1000;

    // The baseline: bare Express, one primary-key query.
    const app = express();
    app.get('/tenants/:id', async (req, res) => {
      const { rows } = await baselinePool.query(`SELECT * FROM "${schema}".tenants WHERE tenant_id = $1`, [req.params.id]);
      res.json(rows[0]);
    });
    const basePort = await freePort();
    baselineServer = await new Promise((r) => {
      const s = app.listen(basePort, '127.0.0.1', () => r(s));
    });

    // What each dashboard says (a check that the history is there and nothing degraded).
    const sample = {};
    for (const size of ['small', 'large']) {
      sample[size] = await call(api, 'GET', '/dashboard', tenants[size].key);
      if (sample[size].degraded.length > 0) throw new Error(`dashboard (${size}) degraded: ${sample[size].degraded.join(', ')}`);
    }

    const opts = { connections, duration };
    const auth = (size) => ({ authorization: `Bearer ${tenants[size].key}` });
    // Analytics goes on with calls the gateway gave up on (DASHBOARD_DEADLINE_MS): each measurement
    // starts once a lone dashboard answers whole and quickly again, so none pays for the one before.
    const settle = async () => {
      let fine = 0;
      for (const deadline = Date.now() + 60_000; fine < 3 && Date.now() < deadline; ) {
        const t = Date.now();
        const res = await fetch(`${api}/dashboard`, { headers: auth('large') });
        const body = res.ok ? await res.json() : undefined;
        fine = body && body.degraded.length === 0 && Date.now() - t < 1_000 ? fine + 1 : 0;
        if (fine === 0) await new Promise((r) => setTimeout(r, 500));
      }
    };
    // One request at a time: the cost of one dashboard, without queueing.
    const one = { connections: 1, duration: Math.min(duration, 5) };
    const soloSmall = await load(`${api}/dashboard`, auth('small'), one);
    const soloLarge = await load(`${api}/dashboard`, auth('large'), one);
    const baseline = await load(`http://127.0.0.1:${basePort}/tenants/${tenants.small.tenantId}`, {}, opts);
    const dashSmall = await load(`${api}/dashboard`, auth('small'), opts);
    await settle();
    const dashLarge = await load(`${api}/dashboard`, auth('large'), opts);
    await settle();

    const rows = (n) => `${(n / 1e6).toFixed(2)} M`;
    const facts = (g) => g.changes + g.movements + g.payments + g.refunds;
    const describe = (g, d) =>
      `${g.subscriptions.toLocaleString('en')} subs: ${rows(facts(g))} fact rows (${rows(g.payments)} payments); ` +
      `active ${d.activeSubscriptions}, MRR ${(d.mrr?.amount ?? NaN) / 100} ${d.mrr?.currency}`;
    const line = (name, r) => [name, fmt(r.rps), fmt(r.p50, 1), fmt(r.p99, 1), r.errors];
    const ratio = (name, a, b) => [name, fmt(a.rps / b.rps, 2), fmt(a.p50 / b.p50, 2), fmt(a.p99 / b.p99, 2), ''];
    // A dashboard past DASHBOARD_DEADLINE_MS is cut short (degraded, or a 503): its latency says nothing of the history behind it.
    const verdict = (a, b) =>
      a.errors + b.errors > 0
        ? 'not comparable: degraded answers'
        : a.p50 < 1 && b.p50 < 1
          ? 'ok, both under 1 ms' // the measured p50 is whole milliseconds: 0 / 0 says nothing
          : a.p50 / b.p50 <= 1.2
            ? 'ok'
            : 'NOT MET';
    const s = (n) => n.toLocaleString('en');
    return [
      ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'errors'],
      line(`bare Express + 1 PK query (baseline), ${connections} connections`, baseline),
      line(`GET /dashboard, ${s(small)} subscriptions' history`, dashSmall),
      ratio('ratio / baseline', dashSmall, baseline),
      line(`GET /dashboard, ${s(large)} subscriptions' history`, dashLarge),
      ratio('ratio / baseline', dashLarge, baseline),
      ratio(`ratio ${s(large)} / ${s(small)} (p50 ≤ 1.2: ${verdict(dashLarge, dashSmall)})`, dashLarge, dashSmall),
      line(`GET /dashboard, ${s(small)}, 1 connection`, soloSmall),
      line(`GET /dashboard, ${s(large)}, 1 connection`, soloLarge),
      ratio(`ratio ${s(large)} / ${s(small)}, 1 connection (p50 ≤ 1.2: ${verdict(soloLarge, soloSmall)})`, soloLarge, soloSmall),
      [`errors: failed, non-2xx or degraded answers (DASHBOARD_DEADLINE_MS)`, '', '', '', ''],
      [`history generated in ${fmt(generationSeconds, 1)} s (${rows(facts(generated.small) + facts(generated.large) + facts(generated.noise))} fact rows; noise ${s(generated.noise.subscriptions)} subs over 11 scopes)`, '', '', '', ''],
      [`  small: ${describe(generated.small, sample.small)}`, '', '', '', ''],
      [`  large: ${describe(generated.large, sample.large)}`, '', '', '', ''],
    ];
  } finally {
    baselineServer?.close();
    await baselinePool.end();
    await admin.end();
    await stack.stop();
  }
}

// ---------------------------------------------------------------------------
// Events end to end into analytics
// ---------------------------------------------------------------------------

/**
 * `count` billing-style events, `batch` per transaction, as billing writes them
 * (multi-row outbox inserts): customers go through created (trialing) →
 * activated + payment succeeded → renewed + payment failed + retry succeeded →
 * price changed → renewed, or canceled for 30 %: 8 events each, customers
 * interleaved in waves (a customer's events are weeks apart in real life, so
 * its next one never races the previous one).
 */
function billingEvents(count, kit, name, spreadMs = 60_000) {
  const tenantId = `ten_bench_${name}`;
  const environmentId = `env_bench_${name}`;
  const scope = { tenantId, environmentId, environmentKind: 'production' };
  const day = 86_400_000;
  const iso = (ms) => new Date(ms).toISOString();
  const customers = Math.ceil(count / 8);
  const wave = 500;
  const events = [];
  const base = Date.now() - 100 * day - Math.ceil(count / 8) * spreadMs;
  for (let first = 0; first < customers; first += wave) {
    const people = [];
    for (let c = first; c < Math.min(customers, first + wave); c++) {
      const t0 = base + c * spreadMs;
      people.push({
        t0,
        customerId: kit.newId('cus'),
        subscriptionId: kit.newId('sub'),
        storefrontId: 'sf_bench',
        bundleId: `bun_bench${c % 5}`,
        amount: [499, 999, 1499, 1999, 2999][c % 5],
        currency: ['EUR', 'EUR', 'USD', 'GBP'][c % 4],
        cancels: c % 10 < 3,
      });
    }
    for (let step = 0; step < 8; step++) {
      for (const p of people) {
        const snapshot = (status, at, extra = {}) => ({
          id: p.subscriptionId,
          customerId: p.customerId,
          status,
          priceId: `pri_${p.bundleId}`,
          bundleId: p.bundleId,
          quantity: 1,
          storefrontId: p.storefrontId,
          campaignId: '',
          variant: '',
          amount: p.amount,
          currency: p.currency,
          interval: 'month',
          intervalCount: 1,
          currentPeriodStart: iso(at),
          currentPeriodEnd: iso(at + 30 * day),
          trialEnd: iso(p.t0 + 14 * day),
          cancelAtPeriodEnd: false,
          occurredAt: iso(at),
          ...extra,
        });
        const sub = (type, status, at, extra = {}, previousStatus = 'active') => ({
          type: `billing.subscription.${type}.v1`,
          scope,
          payload: { subscription: snapshot(status, at, extra), previousStatus, previousPriceId: '', previousQuantity: 0, previousAmount: 0, invoiceId: '' },
        });
        const pay = (succeeded, at, attempt) => ({
          type: succeeded ? 'billing.payment.succeeded.v1' : 'billing.payment.failed.v1',
          scope,
          payload: {
            payment: {
              id: kit.newId('pay'),
              invoiceId: `inv_${p.subscriptionId}_${attempt}`,
              amount: p.amount,
              currency: p.currency,
              status: succeeded ? 'succeeded' : 'failed',
              ...(succeeded ? {} : { failureCode: 'card_declined' }),
              amountRefunded: 0,
              customerId: p.customerId,
              subscriptionId: p.subscriptionId,
              paymentMethodId: `pm_${p.customerId}`,
              provider: 'sandbox',
              attempt,
              createdAt: iso(at),
            },
            storefrontId: p.storefrontId,
            bundleId: p.bundleId,
            campaignId: '',
            variant: '',
            occurredAt: iso(at),
          },
        });
        const t = p.t0;
        const e = [
          () => sub('created', 'trialing', t, {}, ''),
          () => sub('activated', 'active', t + 14 * day, {}, 'trialing'),
          () => pay(true, t + 14 * day + 1_000, 1),
          () => sub('renewed', 'active', t + 44 * day),
          () => pay(false, t + 44 * day + 1_000, 1),
          () => pay(true, t + 45 * day, 2),
          () => sub('price_changed', 'active', t + 60 * day, { amount: p.amount + 500 }),
          () =>
            p.cancels
              ? sub('canceled', 'canceled', t + 74 * day, { amount: p.amount + 500, canceledAt: iso(t + 74 * day) })
              : sub('renewed', 'active', t + 74 * day, { amount: p.amount + 500 }),
        ][step]();
        events.push(e);
      }
    }
  }
  return { tenantId, events: events.slice(0, count) };
}

/**
 * Outbox (a billing-like publisher's schema) → relay → RabbitMQ → analytics'
 * own consumer (inbox + kept event + projections, the real service process),
 * beside raw amqplib confirm-publish + consume on a quorum queue (events.mjs).
 * Two runs: `count` events written as fast as possible, `batch` per
 * transaction (throughput; the lag is then mostly the backlog), and `paced`
 * events at `rate` a second, 10 per transaction (the lag of a consumer that
 * keeps up). Lag: outbox created_at → analytics' events.received_at, both
 * Postgres' clock (received_at is the start of the consuming transaction, so it
 * leaves out that transaction's own few milliseconds).
 */
export async function analyticsEventsBench(ctx, { count = 20_000, batch = 100, paced = 2_000, rate = 100, spreadMs = 60_000 } = {}) {
  const { databaseUrl, amqpUrl, id } = ctx;
  const kit = require(`${ROOT}/services/common/dist/index.js`);
  const raw = await rawBaseline(amqpUrl, `${id}.araw`, count, batch);
  const rawPaced = paced > 0 ? await rawBaseline(amqpUrl, `${id}.araw`, paced, 10, rate) : undefined;

  const analyticsSchema = `${id}_analytics`;
  const schema = `${id}_abilling`;
  const stack = await startStack(ctx, ['analytics']);
  const db = await kit.openDatabase({ url: databaseUrl, schema, migrations: [kit.outboxMigration], logger: silent });
  const bus = new kit.BusConnection({ url: amqpUrl, name: 'bench-billing', logger: silent });
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  let relay;
  try {
    await db.migrate();
    // Analytics is ready when its queue has a consumer.
    const amqpConn = await (await import('amqplib')).default.connect(amqpUrl);
    await waitUntil(async () => {
      const ch = await amqpConn.createChannel();
      ch.on('error', () => undefined);
      const ok = await ch.checkQueue(`${id}.analytics.events`).catch(() => undefined);
      await ch.close().catch(() => undefined);
      return ok && ok.consumerCount > 0;
    }, 60_000);
    await amqpConn.close();

    const publisher = new kit.Publisher(bus, `${id}.events`, silent);
    await publisher.start();
    relay = new kit.OutboxRelay({ knex: db.knex, databaseUrl, schema, publisher, source: 'billing', logger: silent, batchSize: 500 });
    await bus.start();
    await relay.start();

    const run = async (name, n, perTransaction, perSecond) => {
      const { tenantId, events } = billingEvents(n, kit, name, spreadMs);
      const started = Date.now();
      for (let i = 0; i < events.length; i += perTransaction) {
        await db.knex.transaction((trx) => kit.enqueueEvents(trx, events.slice(i, i + perTransaction)));
        if (perSecond) {
          const due = started + ((i + perTransaction) / perSecond) * 1000;
          if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
        }
      }
      let last = -1;
      let stalledSince = Date.now();
      for (;;) {
        const { rows } = await admin.query(`SELECT count(*)::int AS n FROM "${analyticsSchema}".events WHERE tenant_id = $1`, [tenantId]);
        if (rows[0].n >= events.length) break;
        if (rows[0].n !== last) [last, stalledSince] = [rows[0].n, Date.now()];
        if (Date.now() - stalledSince > 60_000) throw new Error(`analytics stalled at ${rows[0].n} of ${events.length} events`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const { rows } = await admin.query(
        `SELECT count(*)::int AS n,
                extract(epoch FROM max(e.received_at) - min(o.created_at)) AS seconds,
                percentile_disc(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.received_at - o.created_at) * 1000) AS p50,
                percentile_disc(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM e.received_at - o.created_at) * 1000) AS p99
         FROM "${analyticsSchema}".events e JOIN "${schema}".outbox o ON o.id = e.id
         WHERE e.tenant_id = $1`,
        [tenantId],
      );
      const facts = (
        await admin.query(
          `SELECT (SELECT count(*) FROM "${analyticsSchema}".payments WHERE tenant_id = $1)::int AS payments,
                  (SELECT count(*) FROM "${analyticsSchema}".mrr_movements WHERE tenant_id = $1)::int AS movements,
                  (SELECT count(*) FROM "${analyticsSchema}".subscription_changes WHERE tenant_id = $1)::int AS changes`,
          [tenantId],
        )
      ).rows[0];
      const expectedPayments = events.filter((e) => e.type.startsWith('billing.payment.')).length;
      if (facts.payments !== expectedPayments) throw new Error(`analytics projected ${facts.payments} payments of ${expectedPayments}`);
      return { rate: rows[0].n / Number(rows[0].seconds), p50: Number(rows[0].p50), p99: Number(rows[0].p99), facts };
    };
    const burst = await run('burst', count, batch);
    const steady = paced > 0 ? await run('paced', paced, 10, rate) : undefined;
    const out = [
      ['scenario', 'events/s', 'lag p50 ms', 'lag p99 ms'],
      [`raw amqplib, confirms pipelined (1,000 in flight) + consume, quorum queue (baseline, ${count})`, fmt(raw.rate), fmt(raw.p50), fmt(raw.p99)],
      [`billing outbox → relay → RabbitMQ → analytics (inbox + event + projections), ${count} at once, ${batch}/transaction`, fmt(burst.rate), fmt(burst.p50), fmt(burst.p99)],
      ['ratio analytics / baseline', fmt(burst.rate / raw.rate, 2), fmt(burst.p50 / raw.p50, 2), fmt(burst.p99 / raw.p99, 2)],
    ];
    if (steady) {
      out.push(
        [`raw amqplib, ${paced} paced at ${rate}/s, 10 per confirm (baseline)`, fmt(rawPaced.rate), fmt(rawPaced.p50), fmt(rawPaced.p99)],
        [`analytics pipeline, ${paced} paced at ${rate}/s, 10/transaction (lag when it keeps up)`, fmt(steady.rate), fmt(steady.p50), fmt(steady.p99)],
        ['ratio paced analytics / paced baseline', fmt(steady.rate / rawPaced.rate, 2), fmt(steady.p50 / rawPaced.p50, 2), fmt(steady.p99 / rawPaced.p99, 2)],
      );
    }
    const f = burst.facts;
    out.push([`  projected (at once): ${f.changes} subscription changes, ${f.movements} MRR movements, ${f.payments} payments`, '', '', '']);
    return out;
  } finally {
    await relay?.stop();
    await bus.close().catch(() => undefined);
    await db.close();
    await admin.end();
    await stack.stop();
    await kit.dropSchema(databaseUrl, schema);
  }
}
