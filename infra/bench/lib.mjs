// Shared pieces of the benchmarks: percentiles, child services, a table printer.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

// The kit's test support, built (run.mjs builds before any benchmark runs).
const kit = () => import(join(ROOT, 'services/common/dist/testing/platform.js'));
// Loaded when first used, so that run.mjs can build before: imports are evaluated first.
const processes = () => createRequire(import.meta.url)(join(ROOT, 'services/common/dist/testing/processes.js'));

/** A free TCP port on loopback. */
export const freePort = async () => (await kit()).freePort();

/** The environment of every service run as processes on the run's schemas, exchange, queues and ports (the kit's). */
export async function platformEnvironment({ databaseUrl, amqpUrl, id }) {
  const { platformEnvironment: build } = await kit();
  return {
    ...(await build(id, { databaseUrl, amqpUrl })),
    LOG_LEVEL: 'warn',
    PLATFORM_ADMIN_EMAIL: 'bench@azotte.test',
    PLATFORM_ADMIN_PASSWORD: 'bench-password',
    RATE_LIMIT_PER_MINUTE: '100000000',
    OTEL_SDK_DISABLED: 'true',
  };
}

export const PLATFORM_SERVICES = ['tenant', 'catalog', 'customer', 'campaign', 'billing', 'analytics', 'webhook', 'gateway'];

/** Starts a built service as its own process (the kit's), its stderr copied to ours. */
export function startService(name, env) {
  return processes().startServiceProcess(name, env, { forwardStderr: true });
}

/** Waits until `probe` is truthy; a timeout names `what` and the probe's last error. */
export async function waitUntil(probe, timeoutMs = 30_000, what = 'readiness') {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      if (await probe()) return;
      last = undefined;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? ` (last: ${last.cause?.message ?? last.message})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function printTable(title, rows) {
  console.log(`\n${title}`);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const [n, row] of rows.entries()) {
    console.log(row.map((c, i) => String(c).padEnd(widths[i])).join('  '));
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

export const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
