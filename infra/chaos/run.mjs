// `npm run chaos`: the whole platform as separate processes, driven through the gateway while
// RabbitMQ goes away mid-burst, billing is SIGKILLed mid-renewals, analytics is SIGKILLed while it
// consumes, and Postgres goes away under writes; then every figure that must hold is checked and
// printed (the scenario is services/common/src/testing/chaos/, built; jest runs a short form of it).
//   CHAOS_CUSTOMERS (default 200), CHAOS_CONCURRENCY (calls in flight, default 4),
//   CHAOS_RESTART_SERVERS (default false: the outages cut the run's own TCP proxies; true: the
//   machine's RabbitMQ and Postgres are really stopped and started — only where nobody else uses them).
// `--if-restarts-allowed` (npm test's last step, once jest is done): runs only when
// CHAOS_RESTART_SERVERS=true (`.ci/run` sets it), with CHAOS_CUSTOMERS defaulting to 40; otherwise
// it says so and succeeds (jest's fault test already ran the same scenario through the proxies).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ensureDatabase } from '../check-servers.mjs';
import { printTable, ROOT } from '../bench/lib.mjs';

const flag = (name) => {
  const value = process.env[name] ?? 'false';
  if (value !== 'true' && value !== 'false') throw new Error(`${name} must be true or false, not ${JSON.stringify(value)}`);
  return value === 'true';
};
const count = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1, not ${JSON.stringify(process.env[name])}`);
  return value;
};

const onlyIfAllowed = process.argv.includes('--if-restarts-allowed');
if (onlyIfAllowed && !flag('CHAOS_RESTART_SERVERS')) {
  console.log("chaos: the machine's servers are not to be restarted (CHAOS_RESTART_SERVERS is not true); jest's fault test ran the scenario through its proxies");
  process.exit(0);
}

const options = {
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/azotte',
  amqpUrl: process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
  customers: count('CHAOS_CUSTOMERS', onlyIfAllowed ? 40 : 200),
  concurrency: count('CHAOS_CONCURRENCY', 4),
  restartServers: flag('CHAOS_RESTART_SERVERS'),
  log: (line) => console.log(`  ${new Date().toISOString().slice(11, 19)} ${line}`),
};

if (!existsSync(join(ROOT, 'services/common/dist/testing/chaos/index.js'))) execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
await ensureDatabase(options.databaseUrl);
const { runChaos } = createRequire(import.meta.url)(join(ROOT, 'services/common/dist/testing/chaos/index.js'));

const outages = options.restartServers ? "the machine's RabbitMQ and Postgres really restarted" : "the run's TCP proxies cut";
console.log(`Azotte fault test: ${options.customers} customers, ${outages} (${new Date().toISOString()}, node ${process.version})`);
const started = Date.now();
let report;
try {
  report = await runChaos(options);
} catch (err) {
  console.error(`\nchaos: the run did not complete: ${err.stack ?? err}`);
  process.exit(1);
}
printTable('Faults', [['fault', 'count'], ...Object.entries(report.faults)]);
printTable('Phases', [['phase', 'seconds'], ...Object.entries(report.durations).map(([k, v]) => [k, v.toFixed(1)])]);
printTable('After the faults', [['figure', 'found', 'expected', ''], ...report.checks.map((c) => [c.what, c.actual, c.expected, c.ok ? 'ok' : 'MISMATCH'])]);
const failed = report.checks.filter((c) => !c.ok);
console.log(`\n${failed.length === 0 ? 'chaos: every figure holds' : `chaos: ${failed.length} figure(s) do not hold: ${failed.map((c) => c.what).join('; ')}`} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
process.exit(failed.length === 0 ? 0 : 1);
