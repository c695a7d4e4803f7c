// `npm run bench`: every benchmark, each beside its raw baseline measured in the
// same run (the machine is shared and noisy: the ratios are what count).
//   BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 50), BENCH_EVENTS (default 20000),
//   BENCH_RENEWALS (default 100000), BENCH_RENEWAL_WORKERS (default 4),
//   BENCH_ANALYTICS_EVENTS (default 20000), BENCH_ANALYTICS_PACED (default 2000) at BENCH_ANALYTICS_RATE (events/s, default 100),
//   BENCH_DASHBOARD_SUBSCRIPTIONS (the large history, default 1000000),
//   BENCH_DASHBOARD_NOISE (other tenants' subscriptions, default 100000), BENCH_HISTORY_WORKERS (default 2),
//   BENCH_PORTAL_RUNS (page loads per portal measurement, default 10),
//   BENCH_WEBHOOK_EVENTS (customers created, so public events delivered, per webhook measurement, default 2000),
//   BENCH_WEBHOOK_CALLERS (concurrent gateway calls creating them, default 16),
//   BENCH_WEBHOOK_PACED (customers created at a steady rate, default 300) at BENCH_WEBHOOK_RATE (per second, default 20),
//   BENCH_ONLY (comma-separated: http, events, renewals, analytics-events, dashboard, portal, webhooks; default all)
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { analyticsEventsBench, dashboardBench } from './analytics.mjs';
import { eventsBench } from './events.mjs';
import { httpBench } from './http.mjs';
import { portalBench } from './portal.mjs';
import { renewalsBench } from './renewals.mjs';
import { webhooksBench } from './webhooks.mjs';
import { printTable, ROOT } from './lib.mjs';
import { ensureDatabase } from '../check-servers.mjs';

const ctx = {
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/azotte',
  amqpUrl: process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
  id: `bench_${randomBytes(3).toString('hex')}`,
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
  duration: Number(process.env.BENCH_DURATION ?? 10),
};

if (!existsSync(join(ROOT, 'services/gateway/dist/main.js'))) execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
// A fresh machine has no `azotte` database yet (npm start would create it): the benchmarks make it too.
await ensureDatabase(ctx.databaseUrl);
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const want = (name) => !only || only.includes(name);
console.log(`Azotte benchmarks (${new Date().toISOString()}, node ${process.version})`);

if (want('http')) printTable(`HTTP, ${ctx.connections} connections, ${ctx.duration} s each`, await httpBench(ctx));
if (want('events')) printTable('Events, end to end', await eventsBench(ctx, { count: Number(process.env.BENCH_EVENTS ?? 20_000), paced: Number(process.env.BENCH_EVENTS_PACED ?? 10_000), rate: Number(process.env.BENCH_EVENTS_RATE ?? 2_000) }));
if (want('renewals')) printTable(
  'Billing renewals',
  await renewalsBench(ctx, { count: Number(process.env.BENCH_RENEWALS ?? 100_000), workers: Number(process.env.BENCH_RENEWAL_WORKERS ?? 4) }),
);
if (want('analytics-events')) printTable(
  'Analytics events, end to end',
  await analyticsEventsBench(ctx, {
    count: Number(process.env.BENCH_ANALYTICS_EVENTS ?? 20_000),
    paced: Number(process.env.BENCH_ANALYTICS_PACED ?? 2_000),
    rate: Number(process.env.BENCH_ANALYTICS_RATE ?? 100),
  }),
);
if (want('dashboard')) printTable(
  `Dashboard, ${ctx.connections} connections, ${ctx.duration} s each`,
  await dashboardBench(ctx, {
    large: Number(process.env.BENCH_DASHBOARD_SUBSCRIPTIONS ?? 1_000_000),
    noise: Number(process.env.BENCH_DASHBOARD_NOISE ?? 100_000),
    workers: Number(process.env.BENCH_HISTORY_WORKERS ?? 2),
  }),
);

if (want('portal')) printTable('Portal in Chromium', await portalBench(ctx));
if (want('webhooks')) {
  // The baseline's concurrency is the service's delivery bound for one endpoint (its default unless set).
  const perEndpoint = Number(process.env.WEBHOOK_ENDPOINT_CONCURRENCY ?? 8);
  printTable(
    `Webhooks to a local receiver, ${perEndpoint} in flight per endpoint`,
    await webhooksBench(ctx, {
      count: Number(process.env.BENCH_WEBHOOK_EVENTS ?? 2_000),
      callers: Number(process.env.BENCH_WEBHOOK_CALLERS ?? 16),
      paced: Number(process.env.BENCH_WEBHOOK_PACED ?? 300),
      rate: Number(process.env.BENCH_WEBHOOK_RATE ?? 20),
      perEndpoint,
    }),
  );
}

// Every schema, role, queue and the exchange of the run (the kit's, built).
const { removePlatform } = await import(join(ROOT, 'services/common/dist/testing/platform.js'));
await removePlatform(ctx.id, ctx);
process.exit(0);
