import type { ServiceDefinition } from '@grpc/grpc-js';
import amqp from 'amqplib';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { Registry } from 'prom-client';
import {
  createGrpcClient,
  dropSchema,
  enqueueEvent,
  notFound,
  startServiceRuntime,
  SYSTEM_ACTOR,
  unary,
  type RunningService,
} from '../src';
import { busEnvironment, metricSample, promtoolCheck, removeTestBus, testServers, uniqueName, waitFor } from '../src/testing';

const silent = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const EVENT = 'probe.thing.happened.v1';

// A one-method service with JSON on the wire: the kit is what is under test, not a proto.
const json = {
  serialize: (value: unknown) => Buffer.from(JSON.stringify(value)),
  // Empty is the message with every field at its default (the client asks for it, as of a proto).
  deserialize: (bytes: Buffer) => (bytes.length === 0 ? {} : (JSON.parse(bytes.toString('utf8')) as unknown)),
};
const probeDefinition = {
  Touch: {
    path: '/azotte.probe.v1.ProbeService/Touch',
    requestStream: false,
    responseStream: false,
    requestSerialize: json.serialize,
    requestDeserialize: json.deserialize,
    responseSerialize: json.serialize,
    responseDeserialize: json.deserialize,
    originalName: 'touch',
  },
} satisfies ServiceDefinition;

const id = uniqueName('metrics');
const env = busEnvironment(id, testServers());
const schema = `${id}_probe`;
let service: RunningService;
let registry: Registry;
const consumed: string[] = [];
// An OTLP receiver on loopback: the runtime pushes the same registry there.
const pushed: Array<{ path?: string; body: unknown }> = [];
let collector: Server;

beforeAll(async () => {
  collector = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      pushed.push({ path: req.url, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const otlp = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  service = await startServiceRuntime({
    service: 'probe',
    // As a service's loaded config has it: 0 picks a free port.
    config: { ...env, PROBE_METRICS_PORT: 0 } as typeof env,
    schema,
    grpcPort: 0,
    migrations: [],
    logger: silent,
    env: { OTEL_EXPORTER_OTLP_ENDPOINT: otlp, OTEL_METRIC_EXPORT_INTERVAL: '100' },
    async setup({ db, registry: own }) {
      registry = own;
      const touch = unary<{ thing: string }, { thing: string }>(silent, async (request) => {
        if (request.thing === 'missing') throw notFound('thing');
        await db.knex.transaction((trx) => enqueueEvent(trx, { type: EVENT, payload: { thing: request.thing } }));
        return request;
      });
      return {
        grpc: [{ definition: probeDefinition, implementation: { Touch: touch }, name: 'azotte.probe.v1.ProbeService' }],
        consume: { patterns: [EVENT], handler: async (event) => void consumed.push(event.type) },
      };
    },
  });
});

afterAll(async () => {
  await service?.stop();
  await new Promise((resolve) => collector?.close(resolve));
  await dropSchema(env.DATABASE_URL, schema);
  await removeTestBus(env, ['probe']);
});

async function scrape(): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${service.metricsPort}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

const sample = metricSample;

const rpc = (code: number) =>
  `rpc_server_duration_seconds_count{rpc_service="azotte.probe.v1.ProbeService",rpc_method="Touch",rpc_grpc_status_code="${code}"}`;

const rpcClient = (code: number) =>
  `rpc_client_duration_seconds_count{rpc_service="azotte.probe.v1.ProbeService",rpc_method="Touch",rpc_grpc_status_code="${code}"}`;

test('a service started by the kit counts its gRPC calls by method and status, and its events by type', async () => {
  // A client given the service's registry, as a service's setup builds its clients.
  const client = createGrpcClient(probeDefinition, `127.0.0.1:${service.port}`, { name: 'probe', registry });
  try {
    const context = { actor: SYSTEM_ACTOR };
    await client.Touch({ thing: 'a' }, { context });
    await client.Touch({ thing: 'b' }, { context });
    await expect(client.Touch({ thing: 'missing' }, { context })).rejects.toMatchObject({ code: 'thing_not_found' });
  } finally {
    client.close();
  }
  await waitFor(() => consumed.length === 2, { what: 'both events consumed' });

  const text = await waitFor(async () => {
    const t = await scrape();
    return sample(t, `messaging_process_duration_seconds_count{messaging_destination_name="${EVENT}",outcome="success"}`) === 2 && t;
  }, { what: 'the handling of both events to be recorded' });

  expect(sample(text, rpc(0))).toBe(2);
  expect(sample(text, rpc(5))).toBe(1); // NOT_FOUND
  expect(sample(text, rpcClient(0))).toBe(2);
  expect(sample(text, rpcClient(5))).toBe(1);
  // Each event's lag from its outbox row to its handling, well inside the last bucket.
  expect(sample(text, `azotte_messaging_consume_lag_seconds_count{messaging_destination_name="${EVENT}"}`)).toBe(2);
  expect(sample(text, `azotte_messaging_consume_lag_seconds_bucket{le="60",messaging_destination_name="${EVENT}"}`)).toBe(2);
  expect(sample(text, `messaging_client_sent_messages_total{messaging_destination_name="${EVENT}"}`)).toBe(2);
  expect(sample(text, `messaging_client_consumed_messages_total{messaging_destination_name="${EVENT}"}`)).toBe(2);
  // No label carries what a caller sent.
  expect(text).not.toMatch(/thing_not_found|"missing"/);
});

test('the scrape reports the outbox backlog, the Postgres pool and the process', async () => {
  // An event written a minute ago that the relay is not to retry for an hour: the backlog is known exactly.
  await service.db.knex('outbox').insert({
    id: 'evt_waiting',
    routing_key: EVENT,
    payload: {},
    created_at: service.db.knex.raw(`now() - interval '60 seconds'`),
    next_attempt_at: service.db.knex.raw(`now() + interval '1 hour'`),
  });
  const text = await scrape();
  expect(sample(text, 'azotte_outbox_unsent_messages')).toBe(1);
  expect(sample(text, 'azotte_outbox_oldest_unsent_age_seconds')).toBeGreaterThanOrEqual(60);
  expect(sample(text, `db_client_connections{db_client_connection_pool_name="${schema}",db_client_connection_state="used"}`)).toBeGreaterThanOrEqual(0);
  expect(sample(text, `db_client_connection_pending_requests{db_client_connection_pool_name="${schema}"}`)).toBe(0);
  expect(text).toMatch(/^process_cpu_user_seconds_total /m);
  expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
});

test("the scrape reports the service's queue, its consumers and its dead-letter queue", async () => {
  const queue = `${env.AMQP_QUEUE_PREFIX}probe.events`;
  const gauge = (name: string, text: string) => sample(text, `${name}{queue="${queue}"}`);
  expect(gauge('azotte_messaging_queue_consumers', await scrape())).toBe(1);
  // A message with no event id cannot be handled: the consumer dead-letters it at once.
  const connection = await amqp.connect(env.AMQP_URL);
  try {
    const channel = await connection.createConfirmChannel();
    channel.publish(env.AMQP_EXCHANGE, EVENT, Buffer.from('{}'), { type: EVENT });
    await channel.waitForConfirms();
  } finally {
    await connection.close();
  }
  const text = await waitFor(async () => {
    const t = await scrape();
    return gauge('azotte_messaging_dlq_messages', t) === 1 && t;
  }, { what: 'the dead-lettered message to be counted in the DLQ gauge' });
  expect(gauge('azotte_messaging_queue_messages', text)).toBe(0);
  expect(gauge('azotte_messaging_queue_consumers', text)).toBe(1);
});

test('the scrape is valid Prometheus text, as promtool checks it', async () => {
  // undefined: promtool is not installed here (it said so); .ci/run requires it.
  const lint = promtoolCheck(await scrape());
  if (lint) expect(lint).toEqual({ status: 0, output: '' });
});

test('where OTEL_EXPORTER_OTLP_ENDPOINT says so, the service pushes the same metrics over OTLP, named after itself', async () => {
  const push = await waitFor(() => pushed.find((p) => JSON.stringify(p.body).includes('rpc_server_duration_seconds')), { what: 'a push with the gRPC durations' });
  expect(push.path).toBe('/v1/metrics');
  expect(JSON.stringify(push.body)).toContain('{"key":"service.name","value":{"stringValue":"azotte-probe"}}');
});

test('the metrics port answers only GET /metrics', async () => {
  const res = await fetch(`http://127.0.0.1:${service.metricsPort}/`);
  expect(res.status).toBe(404);
});
