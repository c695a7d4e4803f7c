import { createGrpcClient, dropSchema, newId, type CallContext } from '@azotte/common';
import { brokerReady, busEnvironment, freePort, removeTestBus, testServers, uniqueName, waitFor } from '@azotte/common/testing';
import { EVENTS, eventsV1, webhookV1 } from '@azotte/proto';
import amqp from 'amqplib';
import knexFactory from 'knex';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { aCustomer, customerChanged } from './support/builders';
import { startReceiver, type Receiver } from './support/receiver';

// The built service as its own process (run `npm run build` first), killed with SIGKILL mid-run.
const MAIN = path.resolve(__dirname, '../dist/main.js');
const EVENT_COUNT = Number(process.env.TEST_WEBHOOK_CRASH_EVENTS ?? 10_000);
// About 60 s alone, 100 s inside the whole suite on 2 cores.
const crashTest = EVENT_COUNT > 0 ? test : test.skip;

const { databaseUrl, amqpUrl } = testServers();
const id = uniqueName('webhook_crash');
const bus = busEnvironment(id, { databaseUrl, amqpUrl });
const schema = `${id}_webhook`;
const scope = { tenantId: newId('ten'), environmentId: newId('env'), environmentKind: 'production' as const };
const admin: CallContext = { actor: { type: 'user', id: 'usr_admin', role: 'administrator' }, tenantId: scope.tenantId, scope };
const receivers: Receiver[] = [];
let env: Record<string, string>;
let current: ChildProcess | undefined;
// The service's last log lines, shown when a wait times out.
let logTail = '';

// Resolves once the service listens and is connected to the broker: its queue is declared and
// bound on its first connection, and an event published before that is routed nowhere.
async function start(): Promise<ChildProcess> {
  const child = await spawnService();
  await brokerReady(env.WEBHOOK_GRPC_PORT!, 60_000);
  return child;
}

function spawnService(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  current = child;
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      logTail = (logTail + chunk.toString()).slice(-8_000);
      if (out.includes('webhook service listening')) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`webhook exited (${code}) before listening:\n${out.slice(-2000)}`)));
  });
}

beforeAll(async () => {
  const port = await freePort();
  env = {
    ...bus,
    LOG_LEVEL: 'info',
    OTEL_SDK_DISABLED: 'true',
    WEBHOOK_DB_SCHEMA: schema,
    WEBHOOK_GRPC_PORT: String(port),
    WEBHOOK_TIMEOUT_MS: '2000',
    WEBHOOK_RETRY_SCHEDULE: '100ms,200ms,500ms,1s,1s,1s,1s,1s,1s,1s',
    WEBHOOK_POLL_MS: '50',
    WEBHOOK_SCHEDULER_INTERVAL_MS: '0',
    DB_POOL_MAX: '8',
  };
  for (let i = 0; i < 3; i += 1) receivers.push(await startReceiver());
});
afterAll(async () => {
  current?.kill('SIGKILL');
  for (const r of receivers) await r.close();
  await dropSchema(databaseUrl, schema);
  await removeTestBus(bus, ['webhook']).catch(() => undefined);
});

crashTest(`${EVENT_COUNT} events to 3 endpoints, the service killed (SIGKILL) and restarted mid-run: every endpoint receives every event, none is left pending`, async () => {
  await start();
  const client = createGrpcClient(webhookV1.WebhookServiceService, `127.0.0.1:${env.WEBHOOK_GRPC_PORT}`, { name: 'webhook' });
  for (const r of receivers) await client.createEndpoint({ url: r.url, description: '', enabledEvents: ['customer.created'] }, { context: admin });
  client.close();

  const connection = await amqp.connect(amqpUrl);
  const channel = await connection.createConfirmChannel();
  const publish = (type: string, payload: unknown) =>
    channel.publish(bus.AMQP_EXCHANGE, type, Buffer.from(JSON.stringify(payload)), {
      messageId: newId('evt'),
      type,
      appId: type.split('.')[0],
      persistent: true,
      headers: { 'x-tenant-id': scope.tenantId, 'x-environment-id': scope.environmentId, 'x-environment-kind': scope.environmentKind },
    });
  publish(EVENTS.tenant.environmentCreated, eventsV1.EnvironmentCreated.toJSON({ environment: { id: scope.environmentId, tenantId: scope.tenantId, name: 'production', kind: 'production' } }));
  await channel.waitForConfirms();
  for (let i = 0; i < EVENT_COUNT; i += 1) {
    publish(EVENTS.customer.customerCreated, customerChanged(aCustomer(scope.environmentId)));
    if (i % 500 === 499) await channel.waitForConfirms();
  }
  await channel.waitForConfirms();
  await connection.close();

  const db = knexFactory({ client: 'pg', connection: databaseUrl, searchPath: [schema], pool: { min: 0, max: 1 } });
  // A wait that times out says where the run stood: what each receiver got, the deliveries by status, the service's last lines.
  const explained = async (wait: Promise<unknown>) => {
    try {
      await wait;
    } catch (err) {
      const byStatus = await db('deliveries').select('status').count({ n: '*' }).groupBy('status').catch((e: Error) => e.message);
      const events = await db('events').count({ n: '*' }).catch((e: Error) => e.message);
      throw new Error(
        `${(err as Error).message}\nreceived: ${receivers.map((r) => `${r.received.length} (${distinct(r)} distinct)`).join(', ')}; ` +
          `events ${JSON.stringify(events)}; deliveries ${JSON.stringify(byStatus)}\nthe service's last lines:\n${logTail}`,
      );
    }
  };
  const distinct = (r: Receiver) => new Set(r.received.map((x) => x.headers['webhook-id'])).size;
  const total = () => receivers.reduce((n, r) => n + r.received.length, 0);
  try {
    await explained(waitFor(() => total() >= EVENT_COUNT, { what: 'a third of the deliveries', timeoutMs: 360_000, intervalMs: 10 }));
    current!.kill('SIGKILL');
    await new Promise((r) => current!.once('exit', r));
    const atKill = total();
    expect(atKill).toBeLessThan(3 * EVENT_COUNT);
    await start();

    await explained(waitFor(() => receivers.every((r) => distinct(r) === EVENT_COUNT), { what: 'every event at every endpoint', timeoutMs: 600_000, intervalMs: 250 }));
    await waitFor(async () => Number((await db('deliveries').where({ status: 'pending' }).count({ n: '*' }))[0]!.n) === 0, { what: 'nothing pending', timeoutMs: 60_000 });
    expect(Number((await db('events').count({ n: '*' }))[0]!.n)).toBe(EVENT_COUNT);
    expect(Number((await db('deliveries').where({ status: 'succeeded' }).count({ n: '*' }))[0]!.n)).toBe(3 * EVENT_COUNT);
  } finally {
    await db.destroy();
  }
}, 1_200_000);
