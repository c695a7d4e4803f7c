// `npm start`: runs every built service natively against the Postgres and RabbitMQ servers the
// configuration names. Installs and builds first when needed, says plainly what is missing,
// prefixes and formats each service's logs, waits for the gateway to be ready, and stops
// everything together (Ctrl-C / SIGTERM, or any service exiting on its own).
//
// Only node built-ins and sibling modules are imported at the top: check-servers.mjs loads `pg`
// and `amqplib` when first called, after the install step has made sure they are there.
//
// AZOTTE_SERVICES_DIR overrides where services are looked for; it exists for testing this script.

import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { checkPostgres, checkRabbit, ensureDatabase, maskUrl } from './check-servers.mjs';
import { createLineFormatter } from './log-lines.mjs';
import { replicaCount, replicaPlan } from './replicas.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVICES_DIR = path.resolve(ROOT, process.env.AZOTTE_SERVICES_DIR || 'services');
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;

const DEFAULTS = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/azotte',
  AMQP_URL: 'amqp://guest:guest@127.0.0.1:5672',
  GATEWAY_PORT: '8080',
};
const DEV_ADMIN = { PLATFORM_ADMIN_EMAIL: 'admin@azotte.local', PLATFORM_ADMIN_PASSWORD: 'azotte-admin' };

const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const startedAt = Date.now();

/** Children by service name, in start order. */
const children = new Map();
let stopping = false;

// A reader piping us into `head` or a closed terminal must not crash us half way through a stop.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});

main().catch((err) => {
  fail(err.stack ?? String(err));
});

async function main() {
  const env = configuration();
  refuseProductionWithoutAdmin(env);

  const installed = installDependencies();
  buildIfStale(installed);
  await checkServers(env);
  announceAdmin(env);

  const services = discoverServices();
  const processes = await planProcesses(services, env);
  startServices(processes);
  const gateways = processes.filter((p) => p.name === 'gateway');
  if (gateways.length === 0) {
    say('no gateway built: not waiting for readiness; Ctrl-C stops the services');
    return;
  }
  let ready = true;
  for (const gateway of gateways) ready = ready && (await waitUntilReady(gateway.env.GATEWAY_PORT));
  if (ready) announceReady(env, processes);
  else if (!stopping) await stop(1);
}

/** The processes to start: one per service, or REPLICAS of each on ports of their own. */
async function planProcesses(services, env) {
  const count = replicaCount(env.REPLICAS);
  if (typeof count === 'string') fail(count);
  if (count === 1) return replicaPlan(services, env, 1, {});
  // The services' default metrics ports, from the kit that defines them (built by now).
  const { METRICS_PORTS } = await import(path.join(ROOT, 'services/common/dist/metrics/config.js'));
  const processes = replicaPlan(services, env, count, METRICS_PORTS);
  say(`${count} replicas of every service:`);
  for (const name of services) {
    const own = processes.filter((p) => p.name === name);
    const ports = name === 'gateway' ? own.map((p) => `http ${p.env.GATEWAY_PORT}`) : own.map((p) => `grpc ${p.env[`${name.toUpperCase()}_GRPC_PORT`]}`);
    say(`  ${name.padEnd(9)} ${ports.join(', ')}`);
  }
  return processes;
}

// ---- configuration --------------------------------------------------------------------------

function configuration() {
  const env = { ...process.env };
  for (const [key, value] of Object.entries(DEFAULTS)) if (!env[key]) env[key] = value;
  if (!env.JWT_SECRET && env.NODE_ENV !== 'production') env.JWT_SECRET = developmentJwtSecret();
  return env;
}

/**
 * Outside production, a signing key made once per checkout and kept in .azotte/ (git-ignored),
 * so that portal sessions survive a restart of `npm start`. Production must set JWT_SECRET.
 */
function developmentJwtSecret() {
  const file = path.join(ROOT, '.azotte', 'dev-jwt-secret');
  try {
    const kept = fs.readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
  } catch {
    // not made yet
  }
  const secret = crypto.randomBytes(32).toString('hex');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function missingAdminSettings(env) {
  return Object.keys(DEV_ADMIN).filter((key) => !env[key]);
}

// Checked before anything slow happens; the development defaults must never reach production.
function refuseProductionWithoutAdmin(env) {
  const missing = missingAdminSettings(env);
  if (env.NODE_ENV === 'production' && missing.length > 0) {
    fail(
      `NODE_ENV=production but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set.\n` +
        '  Set the platform admin\'s sign-in explicitly; the development defaults are not used in production.',
    );
  }
}

// (d) Services get the same defaults in development; printing them saves a trip to the docs.
function announceAdmin(env) {
  const missing = missingAdminSettings(env);
  if (missing.length === 0) return;
  for (const key of missing) env[key] = DEV_ADMIN[key];
  const password = missing.includes('PLATFORM_ADMIN_PASSWORD') ? env.PLATFORM_ADMIN_PASSWORD : '(your PLATFORM_ADMIN_PASSWORD)';
  say(`platform admin (development default): ${env.PLATFORM_ADMIN_EMAIL} / ${password}`);
}

// ---- (a) install ----------------------------------------------------------------------------

/** Returns true when it ran npm. */
function installDependencies() {
  const nodeModules = path.join(ROOT, 'node_modules');
  const lockFile = path.join(ROOT, 'package-lock.json');
  if (!fs.existsSync(nodeModules)) {
    const command = fs.existsSync(lockFile) ? 'ci' : 'install';
    say(`installing dependencies (npm ${command})`);
    runNpm([command]);
    return true;
  }
  // npm rewrites node_modules/.package-lock.json at the end of every install, so a manifest
  // newer than it was changed after the last install.
  const installedAt = mtime(path.join(nodeModules, '.package-lock.json'));
  const manifests = [lockFile, path.join(ROOT, 'package.json'), ...workspaceManifests()];
  const changed = manifests.find((file) => mtime(file) > installedAt);
  if (!changed) {
    say('dependencies up to date');
    return false;
  }
  say(`installing dependencies (npm install: ${path.relative(ROOT, changed)} changed)`);
  runNpm(['install']);
  return true;
}

function workspaceManifests() {
  const dirs = [path.join(ROOT, 'proto'), ...subdirectories(path.join(ROOT, 'services'))];
  return dirs.map((dir) => path.join(dir, 'package.json')).filter((file) => fs.existsSync(file));
}

// ---- (b) build ------------------------------------------------------------------------------

function buildIfStale(installed) {
  const stale = installed ? 'dependencies changed' : staleOutput();
  if (!stale) {
    say('build up to date');
    return;
  }
  say(`building (${stale})`);
  runNpm(['run', 'build']);
}

/**
 * Why a build is needed, or undefined when every package's output is newer than its sources.
 * Compared per package, newest source against newest output: `tsc -b` rewrites only what
 * changed, so an untouched package keeps old outputs and must not count as stale.
 * Not noticed: deleted sources and tsconfig changes (run `npm run build` yourself then).
 */
function staleOutput() {
  const protoDir = path.join(ROOT, 'proto');
  const packages = [
    {
      name: 'proto',
      sources: [...files(protoDir, (f) => f.endsWith('.proto')), ...files(path.join(protoDir, 'src'))],
      outputs: [...files(path.join(protoDir, 'gen')), ...files(path.join(protoDir, 'dist'))],
    },
    ...subdirectories(SERVICES_DIR)
      .filter((dir) => fs.existsSync(path.join(dir, 'package.json')))
      .map((dir) => ({
        name: path.basename(dir),
        sources: files(path.join(dir, 'src')),
        outputs: files(path.join(dir, 'dist')),
      })),
  ];
  for (const pkg of packages) {
    if (pkg.sources.length === 0) continue;
    if (pkg.outputs.length === 0) return `${pkg.name} not built yet`;
    if (newest(pkg.sources) > newest(pkg.outputs)) return `${pkg.name} changed`;
  }
  return undefined;
}

// ---- (c) servers ----------------------------------------------------------------------------

async function checkServers(env) {
  say(`checking Postgres (${maskUrl(env.DATABASE_URL)}) and RabbitMQ (${maskUrl(env.AMQP_URL)})`);
  const [postgres, rabbit] = await Promise.all([checkPostgres(env.DATABASE_URL), checkRabbit(env.AMQP_URL)]);

  const servers = [
    { name: 'Postgres', url: env.DATABASE_URL, result: postgres, compose: 'postgres',
      startLocally: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start' },
    { name: 'RabbitMQ', url: env.AMQP_URL, result: rabbit, compose: 'rabbitmq', startLocally: 'rabbitmq-server -detached' },
  ];
  const failed = servers.filter((server) => !server.result.ok);
  if (failed.length > 0) {
    const lines = [];
    for (const { name, url, result, compose, startLocally } of failed) {
      if (result.unreachable) {
        lines.push(
          `${name} is not reachable at ${maskUrl(url)} (${result.error}). Start it with one of:`,
          `    ${startLocally}`,
          `    docker compose up -d ${compose}`,
        );
      } else {
        // It answered but refused us: starting it would not help; the URL or the server's users need fixing.
        lines.push(`${name} at ${maskUrl(url)} refused the connection: ${result.error}`);
      }
    }
    if (failed.length === servers.length && failed.every((server) => server.result.unreachable)) {
      lines.push('(both at once with Docker: docker compose up -d postgres rabbitmq)');
    }
    fail(lines.join('\n  '));
  }

  try {
    const { database, created } = await ensureDatabase(env.DATABASE_URL);
    if (created) say(`created database ${database}`);
  } catch (err) {
    fail(err.message);
  }
}

// ---- (e) services ---------------------------------------------------------------------------

/** Every service with a package.json and a built dist/main.js; the gateway last. */
function discoverServices() {
  const names = [];
  for (const dir of subdirectories(SERVICES_DIR)) {
    const name = path.basename(dir);
    // The portal is static files the gateway serves, not a process.
    if (name === 'common' || name === 'portal' || name === 'client' || !fs.existsSync(path.join(dir, 'package.json'))) continue;
    if (fs.existsSync(path.join(dir, 'dist', 'main.js'))) names.push(name);
    else say(`skipping ${name}: no dist/main.js`);
  }
  if (names.length === 0) fail(`nothing to start: no ${path.relative(ROOT, SERVICES_DIR)}/*/dist/main.js (did the build succeed?)`);
  // Backends first, so the gateway's clients find them listening sooner.
  return names.sort((a, b) => Number(a === 'gateway') - Number(b === 'gateway') || a.localeCompare(b));
}

function startServices(processes) {
  const names = processes.map((p) => p.label);
  const format = createLineFormatter({ names, color, json: processes[0]?.env.LOG_FORMAT === 'json' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => onSignal(signal));
  // If this process dies of a bug, leave no orphans behind.
  process.on('exit', () => {
    for (const child of children.values()) if (isRunning(child)) child.kill('SIGKILL');
  });

  say(`starting ${names.join(', ')}`);
  for (const { name: service, label: name, env } of processes) {
    const child = spawn(process.execPath, [path.join(SERVICES_DIR, service, 'dist', 'main.js')], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group: a Ctrl-C at the terminal reaches only us and we stop the services,
      // instead of each one racing us to exit and its exit looking like a crash.
      detached: true,
    });
    children.set(name, child);
    pipeLines(child.stdout, (line) => writeLines(process.stdout, format(name, line)));
    pipeLines(child.stderr, (line) => writeLines(process.stderr, format(name, line)));
    child.on('error', (err) => {
      if (!stopping) say(`${name} could not be started: ${err.message}`);
      stop(1);
    });
    // 'close' comes after the child's output is drained, so its last words print before this.
    child.on('close', (code, signal) => {
      if (stopping) return;
      say(`${name} exited unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}); stopping everything`);
      stop(1);
    });
  }
}

function pipeLines(stream, onLine) {
  readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
}

function writeLines(stream, lines) {
  stream.write(`${lines.join('\n')}\n`);
}

// ---- (f) readiness --------------------------------------------------------------------------

async function waitUntilReady(port) {
  const url = `http://127.0.0.1:${port}/api/v1/readyz`;
  say(`waiting for ${url}`);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let nextProgress = Date.now() + 10_000;
  let last = 'no answer yet';
  while (!stopping) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      const body = await response.text();
      if (response.status === 200) return true;
      last = `${response.status}${describeUnavailable(body)}`;
    } catch (err) {
      last = `no answer (${err.cause?.code ?? err.name ?? err.message})`;
    }
    if (Date.now() >= deadline) {
      if (!stopping) say(`gateway not ready after ${READY_TIMEOUT_MS / 1000} s; last readyz answer: ${last}`);
      return false;
    }
    if (Date.now() >= nextProgress) {
      say(`still waiting for readiness; last readyz answer: ${last}`);
      nextProgress += 10_000;
    }
    await sleep(500);
  }
  return false;
}

/**
 * What a not-ready readyz body names as unavailable. The gateway's body shape is its own
 * business, so this reads the common shapes ({unavailable: [...]}, or {checks|dependencies|
 * services: {name: status}}) and otherwise quotes the body.
 */
function describeUnavailable(body) {
  let parsed;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body.trim() ? ` ${body.trim().slice(0, 200)}` : '';
  }
  if (Array.isArray(parsed?.unavailable)) return ` unavailable: ${parsed.unavailable.join(', ')}`;
  const healthy = (v) => v === true || /^(ok|up|serving|ready|healthy|pass)$/i.test(String(v?.status ?? v));
  for (const key of ['checks', 'dependencies', 'services']) {
    const checks = parsed?.[key];
    if (checks && typeof checks === 'object' && !Array.isArray(checks)) {
      const down = Object.entries(checks).filter(([, v]) => !healthy(v)).map(([name]) => name);
      if (down.length > 0) return ` unavailable: ${down.join(', ')}`;
    }
  }
  return ` ${JSON.stringify(parsed).slice(0, 200)}`;
}

function announceReady(env, processes) {
  const origin = `http://127.0.0.1:${env.GATEWAY_PORT}`;
  const base = `${origin}/api/v1`;
  const others = processes.filter((p) => p.name === 'gateway' && p.env.GATEWAY_PORT !== env.GATEWAY_PORT);
  say(`ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  say(`  portal   ${origin}/   (sign in as the platform admin above)`);
  say(`  gateway  ${base}${others.map((p) => `, http://127.0.0.1:${p.env.GATEWAY_PORT}/api/v1`).join('')}`);
  say(`  docs     ${base}/docs`);
  say(`  openapi  ${base}/openapi.json`);
  say(`  metrics  http://127.0.0.1:${env.GATEWAY_METRICS_PORT ?? 9460}/metrics (gateway; each service on its own port, README "Metrics")`);
  say('Ctrl-C stops everything');
}

// ---- (g) stopping ---------------------------------------------------------------------------

let firstSignalAt = 0;

function onSignal(signal) {
  if (stopping) {
    // A Ctrl-C under `npm start` arrives twice at once (from the terminal, and forwarded by npm),
    // so only a signal a moment after the first means "do not wait for the grace period".
    if (Date.now() - firstSignalAt < 1000) return;
    say(`${signal} again: killing the services now`);
    for (const child of children.values()) if (isRunning(child)) child.kill('SIGKILL');
    return;
  }
  firstSignalAt = Date.now();
  say(`${signal} received`);
  stop(0);
}

async function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  const running = [...children].filter(([, child]) => isRunning(child));
  if (running.length > 0) say(`stopping ${running.map(([name]) => name).join(', ')}`);
  for (const [, child] of running) child.kill('SIGTERM');

  const exited = (child) => (isRunning(child) ? new Promise((resolve) => child.once('exit', resolve)) : undefined);
  const graceful = Promise.all(running.map(([, child]) => exited(child)));
  const timedOut = await Promise.race([graceful.then(() => false), sleep(STOP_GRACE_MS).then(() => true)]);
  if (timedOut) {
    for (const [name, child] of running) {
      if (!isRunning(child)) continue;
      say(`${name} did not stop within ${STOP_GRACE_MS / 1000} s; killing it`);
      child.kill('SIGKILL');
    }
    await Promise.race([graceful, sleep(2000)]);
  }
  // Give the readline pipes a moment to flush the services' last lines.
  await sleep(50);
  process.exit(exitCode);
}

function isRunning(child) {
  return child.exitCode === null && child.signalCode === null;
}

// ---- helpers --------------------------------------------------------------------------------

function say(message) {
  process.stdout.write(`${color ? '\x1b[1m▸\x1b[0m' : '▸'} ${message}\n`);
}

/** Prints the problem and exits 1, stopping any service already started. */
function fail(message) {
  process.stderr.write(`${color ? '\x1b[31m✗\x1b[0m' : '✗'} ${message}\n`);
  if (children.size > 0) stop(1);
  else process.exit(1);
}

function runNpm(args) {
  const result = spawnSync('npm', args, {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    shell: process.platform === 'win32',
  });
  if (result.error) fail(`could not run npm ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) fail(`npm ${args.join(' ')} failed (exit code ${result.status ?? result.signal}); see above`);
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function newest(paths) {
  return Math.max(...paths.map(mtime));
}

function subdirectories(dir) {
  try {
    return fs
      .readdirSync(dir)
      .map((name) => path.join(dir, name))
      .filter((full) => fs.statSync(full, { throwIfNoEntry: false })?.isDirectory()) // follows symlinks
      .sort();
  } catch {
    return [];
  }
}

/** Every file under dir (recursively) that passes keep; node_modules and outputs of other packages are skipped. */
function files(dir, keep = () => true) {
  const found = [];
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') found.push(...files(full, keep));
    } else if (keep(full)) {
      found.push(full);
    }
  }
  return found;
}
