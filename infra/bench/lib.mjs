// Shared pieces of the benchmarks: percentiles, child services, a table printer.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

// The kit's test support, built (run.mjs builds before any benchmark runs).
const kit = () => import(join(ROOT, 'services/common/dist/testing/platform.js'));

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

/** Starts a built service as its own process; resolves when `ready()` says so. */
export function startService(name, env) {
  const child = spawn(process.execPath, [join(ROOT, 'services', name, 'dist', 'main.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return {
    child,
    stop: () =>
      new Promise((r) => {
        if (child.exitCode !== null) return r();
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}

export async function waitUntil(probe, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await probe()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error('timed out waiting for readiness');
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
