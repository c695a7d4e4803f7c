import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import amqp from 'amqplib';
import { enqueueEvent, OUTBOX_TABLE, type BusEvent } from '../src';
import { TcpProxy, waitFor } from '../src/testing';
import { busFixture } from './bus-harness';

// What NodeTracerProvider.register() did before sdk-trace 3 (which has no Node provider):
// a global tracer provider, an AsyncLocalStorage context manager and the W3C propagator.
const spans = new InMemorySpanExporter();
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
propagation.setGlobalPropagator(new W3CTraceContextPropagator());
trace.setGlobalTracerProvider(new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter: spans })] }));

let fx: Awaited<ReturnType<typeof busFixture>>;
beforeEach(async () => {
  fx = await busFixture('outbox');
});
afterEach(async () => {
  await fx.close();
});

async function writeEvents(n: number, note = 'x') {
  for (let i = 0; i < n; i++) {
    await fx.db.knex.transaction((trx) =>
      enqueueEvent(trx, { type: 'test.thing.happened.v1', payload: { i, note }, scope: { tenantId: 'ten_1', environmentId: 'env_1' } }),
    );
  }
}

const unsent = async () => Number((await fx.db.knex(OUTBOX_TABLE).whereNull('sent_at').count({ n: '*' }))[0]!.n);

test('an event written in a committed transaction reaches the consumer with its scope', async () => {
  const received: BusEvent[] = [];
  await fx.consumer('listener', async (e) => void received.push(e));
  const { relay } = await fx.producer();
  await relay.start();
  await writeEvents(1);
  await waitFor(() => received.length === 1, { what: 'the event' });
  expect(received[0]).toMatchObject({
    type: 'test.thing.happened.v1',
    source: 'test',
    tenantId: 'ten_1',
    environmentId: 'env_1',
    payload: { i: 0, note: 'x' },
  });
  expect(received[0]!.id).toMatch(/^evt_/);
});

test('a rolled-back transaction publishes nothing', async () => {
  await fx.db.knex
    .transaction(async (trx) => {
      await enqueueEvent(trx, { type: 'test.thing.happened.v1', payload: {} });
      throw new Error('business rule refused');
    })
    .catch(() => undefined);
  expect(Number((await fx.db.knex(OUTBOX_TABLE).count({ n: '*' }))[0]!.n)).toBe(0);
});

test('events written after a crash between commit and publish are sent by the next relay', async () => {
  // The "crashed" process committed its rows but never published them: no relay ran.
  await writeEvents(25);
  expect(await unsent()).toBe(25);
  const received = new Set<string>();
  await fx.consumer('listener', async (e) => void received.add(e.id));
  const { relay } = await fx.producer();
  await relay.start();
  await waitFor(() => received.size === 25, { what: '25 events' });
  // A row is marked sent once its confirm is back, which may come after a consumer already has it.
  await waitFor(async () => (await unsent()) === 0, { what: 'every row marked sent' });
});

test('every event written while the broker was unreachable is delivered when it returns', async () => {
  const amqpUrl = new URL(fx.amqpUrl);
  const proxy = new TcpProxy(amqpUrl.hostname, Number(amqpUrl.port || 5672));
  const port = await proxy.start();
  const viaProxy = new URL(fx.amqpUrl);
  viaProxy.port = String(port);

  const received = new Set<number>();
  await fx.consumer('listener', async (e) => void received.add((e.payload as { i: number }).i));
  const { relay, bus } = await fx.producer(viaProxy.toString());
  await relay.start();
  await writeEvents(5, 'before');
  await waitFor(() => received.size === 5, { what: 'events before the outage' });

  await proxy.cut();
  await waitFor(() => !bus.connected, { what: 'the producer to notice the outage' });
  for (let i = 5; i < 40; i++) {
    await fx.db.knex.transaction((trx) => enqueueEvent(trx, { type: 'test.thing.happened.v1', payload: { i } }));
  }
  expect(await unsent()).toBe(35);

  await proxy.start(port);
  await waitFor(() => received.size === 40, { what: 'all 40 events after the broker returned', timeoutMs: 15_000 });
  await waitFor(async () => (await unsent()) === 0, { what: 'every row marked sent' });
  await proxy.stop();
});

test('an event nobody is bound for yet is kept, and delivered once a consumer appears', async () => {
  const { relay } = await fx.producer();
  await relay.start();
  await writeEvents(3);
  // The broker returned them as unroutable: they stay in the outbox, to be tried again.
  await waitFor(async () => Number((await fx.db.knex(OUTBOX_TABLE).where('attempts', '>', 0).count({ n: '*' }))[0]!.n) === 3, {
    what: 'the returned events to be kept',
  });
  expect(await unsent()).toBe(3);
  const received = new Set<string>();
  await fx.consumer('late', async (e) => void received.add(e.id));
  await waitFor(() => received.size === 3, { what: 'the kept events', timeoutMs: 15_000 });
  await waitFor(async () => (await unsent()) === 0, { what: 'every row marked sent' });
});

test('two relays draining one outbox publish each event exactly once', async () => {
  await writeEvents(300);
  const deliveries: string[] = [];
  const conn = await amqp.connect(fx.amqpUrl);
  const ch = await conn.createChannel();
  await ch.assertExchange(fx.exchange, 'topic', { durable: true });
  const { queue } = await ch.assertQueue('', { exclusive: true });
  await ch.bindQueue(queue, fx.exchange, '#');
  await ch.consume(queue, (m) => m && deliveries.push(m.properties.messageId as string), { noAck: true });

  const a = await fx.producer();
  const b = await fx.producer();
  await Promise.all([a.relay.start(), b.relay.start()]);
  await waitFor(async () => (await unsent()) === 0 && deliveries.length >= 300, { what: 'the outbox to drain' });
  // Give a stray duplicate no chance to hide: the outbox is empty, so nothing more may arrive.
  await Promise.all([a.relay.drain(), b.relay.drain()]);
  await conn.close();
  expect(deliveries).toHaveLength(300);
  expect(new Set(deliveries).size).toBe(300);
});

test('a relay with several batches awaiting confirms publishes a backlog once each, in commit order', async () => {
  await writeEvents(250);
  const deliveries: number[] = [];
  const conn = await amqp.connect(fx.amqpUrl);
  const ch = await conn.createChannel();
  await ch.assertExchange(fx.exchange, 'topic', { durable: true });
  const { queue } = await ch.assertQueue('', { exclusive: true });
  await ch.bindQueue(queue, fx.exchange, '#');
  await ch.consume(queue, (m) => m && deliveries.push((JSON.parse(m.content.toString()) as { i: number }).i), { noAck: true });

  // Batches of 20, four in flight at once: 13 claims, taking turns.
  const { relay } = await fx.producer(fx.amqpUrl, { start: true, batchSize: 20, inFlightBatches: 4 });
  await relay.start();
  await waitFor(async () => (await unsent()) === 0 && deliveries.length >= 250, { what: 'the outbox to drain' });
  await relay.drain();
  await conn.close();
  expect(deliveries).toEqual(Array.from({ length: 250 }, (_, i) => i));
});

test('the relay publishes in the trace of the request that wrote the row', async () => {
  let seenTraceId: string | undefined;
  await fx.consumer('listener', async () => {
    seenTraceId = trace.getActiveSpan()?.spanContext().traceId;
  });
  const tracer = trace.getTracer('test');
  const requestSpan = tracer.startSpan('POST /api/v1/users');
  await context.with(trace.setSpan(context.active(), requestSpan), () =>
    fx.db.knex.transaction((trx) => enqueueEvent(trx, { type: 'test.thing.happened.v1', payload: {} })),
  );
  requestSpan.end();
  // Published later, outside the request, by a relay that starts afterwards.
  const { relay } = await fx.producer();
  await relay.start();
  await waitFor(() => seenTraceId, { what: 'the event' });
  expect(seenTraceId).toBe(requestSpan.spanContext().traceId);
  const names = spans.getFinishedSpans().map((s) => s.name);
  expect(names).toEqual(expect.arrayContaining(['test.thing.happened.v1 publish', 'test.thing.happened.v1 process']));
});
