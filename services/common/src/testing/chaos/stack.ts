import pg from 'pg';
import { brokerReady } from '../broker-ready';
import { waitFor } from '../servers';
import { freePort, PLATFORM_SERVICES, platformEnvironment } from '../platform';
import { startServiceProcess, type ServiceProcess } from '../processes';
import { TcpProxy } from '../tcp-proxy';

export const CHAOS_ADMIN = { email: 'chaos@azotte.test', password: 'chaos-admin-password' };

/**
 * The whole platform as separate built processes on the run's own schemas,
 * queues and ports, reaching Postgres and RabbitMQ through TCP proxies the
 * run owns (an outage cuts them). `db` is the run's own connection, straight
 * to the server, for watching what the services committed.
 */
export interface ChaosStack {
  readonly id: string;
  readonly env: Record<string, string>;
  /** The real servers behind the proxies. */
  readonly servers: { databaseUrl: string; amqpUrl: string };
  /** Real time when the stack started (before any business happened). */
  readonly startedAt: Date;
  /** The first gateway's API; `apiUrls` every gateway replica's. */
  readonly apiUrl: string;
  readonly apiUrls: string[];
  readonly proxies: { postgres: TcpProxy; rabbitmq: TcpProxy };
  readonly db: pg.Pool;
  /** By process: a service's name for its first replica, `<name>-<k>` for the k-th (from 2). */
  readonly processes: Map<string, ServiceProcess>;
  /** SIGKILLs the process and resolves once it has exited. */
  kill(label: string): Promise<void>;
  /** Starts the process again on the same ports and waits until it is connected to the broker (a gateway: until it is ready). */
  restart(label: string): Promise<void>;
  /** The process's environment (its own ports), e.g. to scrape its metrics. */
  envOf(label: string): Record<string, string>;
  /** Waits until the gateway's /readyz answers 200. */
  ready(timeoutMs?: number): Promise<void>;
  /** Each service's last lines, for a failure's message. */
  logTails(): string;
  stop(): Promise<void>;
}

function through(proxy: TcpProxy, url: string): string {
  const proxied = new URL(url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  return proxied.toString();
}

/**
 * Each replica's own ports after the first (which has platformEnvironment's), and every
 * service's address as the list of its replicas' (balanced round robin by the clients).
 */
async function replicaEnvironments(env: Record<string, string>, replicas: number): Promise<Map<string, Record<string, string>>> {
  const own = new Map<string, Record<string, string>>();
  // Free ports not handed out already in this run (a port just probed free may be offered again).
  const taken = new Set(Object.entries(env).filter(([k]) => k.endsWith('_PORT')).map(([, v]) => v));
  const freePortOnce = async (): Promise<number> => {
    for (;;) {
      const port = String(await freePort());
      if (!taken.has(port)) return taken.add(port), Number(port);
    }
  };
  for (const name of PLATFORM_SERVICES) {
    const upper = name.toUpperCase();
    const ports: Record<string, string>[] = [];
    for (let k = 1; k <= replicas; k += 1) {
      if (k === 1) {
        ports.push(name === 'gateway' ? { GATEWAY_PORT: env.GATEWAY_PORT! } : { [`${upper}_GRPC_PORT`]: env[`${upper}_GRPC_PORT`]! });
        continue;
      }
      const metrics = { [`${upper}_METRICS_PORT`]: String(await freePortOnce()) };
      ports.push(name === 'gateway' ? { GATEWAY_PORT: String(await freePortOnce()), ...metrics } : { [`${upper}_GRPC_PORT`]: String(await freePortOnce()), ...metrics });
    }
    if (name !== 'gateway') env[`${upper}_GRPC_ADDR`] = ports.map((p) => `127.0.0.1:${p[`${upper}_GRPC_PORT`]}`).join(',');
    ports.forEach((p, i) => own.set(i === 0 ? name : `${name}-${i + 1}`, p));
  }
  return own;
}

export async function startChaosStack(
  id: string,
  servers: { databaseUrl: string; amqpUrl: string },
  extraEnv: Record<string, string> = {},
  options: { replicas?: number } = {},
): Promise<ChaosStack> {
  const startedAt = new Date();
  const pgTarget = new URL(servers.databaseUrl);
  const amqpTarget = new URL(servers.amqpUrl);
  const proxies = {
    postgres: new TcpProxy(pgTarget.hostname, Number(pgTarget.port || 5432)),
    rabbitmq: new TcpProxy(amqpTarget.hostname, Number(amqpTarget.port || 5672)),
  };
  await proxies.postgres.start();
  await proxies.rabbitmq.start();
  const env: Record<string, string> = {
    ...(await platformEnvironment(id, { databaseUrl: through(proxies.postgres, servers.databaseUrl), amqpUrl: through(proxies.rabbitmq, servers.amqpUrl) })),
    LOG_LEVEL: process.env.TEST_CHAOS_LOG_LEVEL ?? 'warn',
    OTEL_SDK_DISABLED: 'true',
    PLATFORM_ADMIN_EMAIL: CHAOS_ADMIN.email,
    PLATFORM_ADMIN_PASSWORD: CHAOS_ADMIN.password,
    JWT_SECRET: 'chaos-run-secret-that-is-long-enough-for-hs256',
    RATE_LIMIT_PER_MINUTE: '100000000',
    // platformEnvironment runs the processes as development (a pool of 10 each): 16 processes of
    // that would take more connections than a default Postgres (max_connections 100) has, beside
    // the other tests that share it. Three each is plenty for the load these tests make.
    DB_POOL_MAX: (options.replicas ?? 1) > 1 ? '3' : '4',
    ...extraEnv,
  };
  const replicas = await replicaEnvironments(env, options.replicas ?? 1);
  const envOf = (label: string) => ({ ...env, ...replicas.get(label) });
  const db = new pg.Pool({ connectionString: servers.databaseUrl, max: 3 });
  // A real Postgres restart drops this pool's connections too: the next query takes a new one.
  db.on('error', () => undefined);
  const processes = new Map<string, ServiceProcess>();
  const serviceOf = (label: string) => label.replace(/-\d+$/, '');
  const start = (label: string) => processes.set(label, { ...startServiceProcess(serviceOf(label), envOf(label)), name: label });
  // Every replica at once, as a deployment starts them (they take turns at their schema's migrations).
  for (const label of replicas.keys()) start(label);
  const gatewayLabels = [...replicas.keys()].filter((label) => serviceOf(label) === 'gateway');
  const apiUrls = gatewayLabels.map((label) => `http://127.0.0.1:${envOf(label).GATEWAY_PORT}/api/v1`);
  const apiUrl = apiUrls[0]!;
  const logTails = () => [...processes.values()].map((p) => `--- ${p.name}${p.alive() ? '' : ' (exited)'}:\n${p.logTail().slice(-600)}`).join('\n');
  // A service that exits (it gives up on a server it cannot reach at start) ends the wait at once.
  const ready = async (timeoutMs = 90_000) => {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    for (;;) {
      const dead = [...processes.values()].filter((p) => !p.alive()).map((p) => p.name);
      if (dead.length > 0) throw new Error(`exited before /readyz answered 200: ${dead.join(', ')}`);
      try {
        const answers = await Promise.all(apiUrls.map((url) => fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5_000) })));
        const notReady = answers.find((res) => res.status !== 200);
        if (!notReady) return;
        last = `${notReady.status} ${await notReady.text()}`;
      } catch (err) {
        last = (err as Error).message;
      }
      if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for the gateway /readyz 200; last: ${last}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const stack: ChaosStack = {
    id,
    env,
    servers,
    startedAt,
    apiUrl,
    apiUrls,
    proxies,
    db,
    processes,
    kill: (label) => processes.get(label)!.kill('SIGKILL'),
    async restart(label) {
      start(label);
      const service = serviceOf(label);
      if (service === 'gateway') {
        const url = `http://127.0.0.1:${envOf(label).GATEWAY_PORT}/api/v1/readyz`;
        await waitFor(async () => (await fetch(url, { signal: AbortSignal.timeout(5_000) })).status === 200, { what: `${label} ready`, timeoutMs: 60_000, intervalMs: 100 });
        return;
      }
      await brokerReady(envOf(label)[`${service.toUpperCase()}_GRPC_PORT`]!, 60_000);
    },
    envOf,
    ready,
    logTails,
    async stop() {
      for (const label of [...processes.keys()].reverse()) await processes.get(label)?.stop();
      await db.end();
      await proxies.postgres.stop();
      await proxies.rabbitmq.stop();
    },
  };
  try {
    await ready();
  } catch (err) {
    await stack.stop();
    throw new Error(`${(err as Error).message}\n${logTails()}`);
  }
  return stack;
}

/** A count from the run's own tables (`schema` is the service's name: billing, analytics …). */
export async function countOf(stack: ChaosStack, service: string, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await stack.db.query(sql.replaceAll('$schema', `"${stack.id}_${service}"`), params);
  return Number(rows[0].n);
}
