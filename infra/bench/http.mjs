// HTTP benchmark: an authenticated read through the gateway (API key → tenant
// service → storefront read over gRPC) beside a bare Express endpoint doing one
// Postgres primary-key query, both at the same concurrency, in the same run; and
// the same read with the rate limits' counters in each store (what sharing them
// across replicas costs): the process's memory, Postgres (the default), Redis.
import autocannon from 'autocannon';
import express from 'express';
import pg from 'pg';
import { fmt, freePort, PLATFORM_SERVICES, platformEnvironment, startService, waitUntil } from './lib.mjs';

async function load(url, headers, { connections, duration }) {
  // A second's warm-up first (JIT, pools, caches), so the order of the scenarios does not count.
  await autocannon({ url, headers, connections, duration: 1 });
  const result = await autocannon({ url, headers, connections, duration });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function httpBench({ databaseUrl, amqpUrl, id, connections, duration }) {
  // Every request is counted, none refused: the limit is far above what the run sends.
  const env = { ...(await platformEnvironment({ databaseUrl, amqpUrl, id })), RATE_LIMIT_PER_MINUTE: '100000000', RATE_LIMIT_STORE: 'postgres' };
  const gatewayPort = env.GATEWAY_PORT;
  const services = PLATFORM_SERVICES.map((name) => startService(name, env));
  const api = `http://127.0.0.1:${gatewayPort}/api/v1`;
  const baselinePool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  let baselineServer;
  try {
    await waitUntil(async () => (await fetch(`${api}/readyz`)).ok);
    const post = async (path, token, body) => {
      const res = await fetch(`${api}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path} → ${res.status} ${await res.text()}`);
      return res.json();
    };
    const root = (await post('/auth/login', undefined, { email: 'bench@azotte.test', password: 'bench-password' })).accessToken;
    await post('/tenants', root, { name: 'Bench', slug: 'bench', reportingCurrency: 'EUR', admin: { email: 'o@bench.test', password: 'owner-password' } });
    const owner = (await post('/auth/login', undefined, { email: 'o@bench.test', password: 'owner-password' })).accessToken;
    const { key } = await post('/api-keys', owner, { name: 'bench', role: 'manager', environment: 'production' });
    const store = await post('/storefronts', key, {
      name: 'Bench',
      slug: 'bench',
      branding: { theme: 'light' },
      paymentMethods: ['card'],
      regional: { countries: ['DE'], defaultCurrency: 'EUR', currencies: ['EUR'], locale: 'de-DE', timezone: 'Europe/Berlin', taxBehavior: 'inclusive' },
    });

    // A customer with a trialing subscription: what a tenant's app asks on every login.
    const bundle = await post('/bundles', key, { name: 'Bench', entitlements: [{ key: 'hd', value: true }, { key: 'max_streams', value: 4 }] });
    const price = await post(`/bundles/${bundle.id}/prices`, key, { currency: 'EUR', amount: 999, interval: 'month', strategy: 'flat', trialDays: 30 });
    const customer = await post('/customers', key, { email: 'bench@customer.test' });
    await post('/subscriptions', key, { customerId: customer.id, priceId: price.id });

    // The baseline: bare Express, one primary-key query on the same row.
    const app = express();
    app.get('/storefronts/:id', async (req, res) => {
      const { rows } = await baselinePool.query(`SELECT * FROM "${id}_tenant".storefronts WHERE id = $1`, [req.params.id]);
      res.json(rows[0]);
    });
    const basePort = await freePort();
    baselineServer = await new Promise((r) => {
      const s = app.listen(basePort, '127.0.0.1', () => r(s));
    });

    const opts = { connections, duration };
    const baseline = await load(`http://127.0.0.1:${basePort}/storefronts/${store.id}`, {}, opts);
    const gateway = await load(`${api}/storefronts/${store.id}`, { authorization: `Bearer ${key}` }, opts);
    const entitlements = await load(`${api}/customers/${customer.id}/entitlements`, { authorization: `Bearer ${key}` }, opts);
    // The same read through another gateway whose counters live elsewhere.
    const byStore = [];
    for (const kind of ['memory', 'redis']) {
      const port = await freePort();
      services.push(startService('gateway', { ...env, GATEWAY_PORT: String(port), GATEWAY_METRICS_PORT: String(await freePort()), RATE_LIMIT_STORE: kind, REDIS_URL }));
      const url = `http://127.0.0.1:${port}/api/v1`;
      await waitUntil(async () => (await fetch(`${url}/readyz`)).ok, 30_000, `the gateway counting in ${kind}`);
      const r = await load(`${url}/storefronts/${store.id}`, { authorization: `Bearer ${key}` }, opts);
      byStore.push([`  same, counters in ${kind}`, fmt(r.rps), fmt(r.p50, 1), fmt(r.p99, 1), r.errors]);
    }
    return [
      ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'errors'],
      ['bare Express + 1 PK query (baseline)', fmt(baseline.rps), fmt(baseline.p50, 1), fmt(baseline.p99, 1), baseline.errors],
      ['gateway GET /storefronts/{id} (API key; counters in Postgres)', fmt(gateway.rps), fmt(gateway.p50, 1), fmt(gateway.p99, 1), gateway.errors],
      ...byStore,
      ['ratio gateway / baseline', fmt(gateway.rps / baseline.rps, 2), fmt(gateway.p50 / baseline.p50, 2), fmt(gateway.p99 / baseline.p99, 2), ''],
      ['gateway GET /customers/{id}/entitlements', fmt(entitlements.rps), fmt(entitlements.p50, 1), fmt(entitlements.p99, 1), entitlements.errors],
      ['ratio entitlements / baseline', fmt(entitlements.rps / baseline.rps, 2), fmt(entitlements.p50 / baseline.p50, 2), fmt(entitlements.p99 / baseline.p99, 2), ''],
    ];
  } finally {
    baselineServer?.close();
    await baselinePool.end();
    for (const s of services.reverse()) await s.stop();
  }
}
