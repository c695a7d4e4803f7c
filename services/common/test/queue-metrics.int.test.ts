import amqp from 'amqplib';
import net from 'node:net';
import { Registry } from 'prom-client';
import { BusConnection, EventConsumer, registerQueueMetrics } from '../src';
import { promtoolCheck, waitFor } from '../src/testing';
import { busFixture, silent } from './bus-harness';

let fx: Awaited<ReturnType<typeof busFixture>>;

beforeAll(async () => {
  fx = await busFixture('queuemetrics');
});

afterAll(async () => {
  await fx?.close();
});

const EVENT = 'probe.thing.happened.v1';

/** The value of `name{queue="…"}` in a scrape, or undefined when the gauge has no sample. */
const reading = (text: string, name: string, queue: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{queue="${queue}"} `));
  return line === undefined ? undefined : Number(line.split(' ')[1]);
};

/**
 * A TCP relay to the broker whose traffic can be held: the connection stays
 * open but nothing more comes back, as from a broker that has stalled.
 */
async function stallableBroker(url: string) {
  const target = new URL(url);
  const pairs: Array<[net.Socket, net.Socket]> = [];
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5672), target.hostname);
    for (const s of [client, upstream]) s.on('error', () => s.destroy());
    client.pipe(upstream).pipe(client);
    pairs.push([client, upstream]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `amqp://${target.username}:${target.password}@127.0.0.1:${port}${target.pathname}`,
    stall: () => pairs.forEach(([, upstream]) => upstream.unpipe()),
    close: async () => {
      for (const pair of pairs) pair.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

test('the queue gauges follow the broker: a dead-lettered message, then no consumer once consuming stops', async () => {
  const { bus, consumer } = await fx.consumer('probe', async () => undefined);
  const registry = new Registry();
  registerQueueMetrics(registry, bus, consumer.names);
  const queue = consumer.names.queue;

  let text = await registry.metrics();
  expect(reading(text, 'azotte_messaging_queue_consumers', queue)).toBe(1);
  expect(reading(text, 'azotte_messaging_dlq_messages', queue)).toBe(0);

  const connection = await amqp.connect(fx.amqpUrl);
  try {
    const channel = await connection.createConfirmChannel();
    // No messageId: unreadable, dead-lettered on its first delivery.
    channel.publish(fx.exchange, EVENT, Buffer.from('not json'), { type: EVENT });
    await channel.waitForConfirms();
  } finally {
    await connection.close();
  }
  text = await waitFor(async () => {
    const t = await registry.metrics();
    return reading(t, 'azotte_messaging_dlq_messages', queue) === 1 && t;
  }, { what: 'the DLQ gauge to read 1' });
  expect(reading(text, 'azotte_messaging_queue_messages', queue)).toBe(0);

  await consumer.stop();
  // The broker counts a cancelled consumer out a moment after the cancel is confirmed.
  text = await waitFor(async () => {
    const t = await registry.metrics();
    return reading(t, 'azotte_messaging_queue_consumers', queue) === 0 && t;
  }, { what: 'the consumers gauge to read 0' });
  const lint = promtoolCheck(text);
  if (lint) expect(lint).toEqual({ status: 0, output: '' });

  // Disconnected: no sample rather than a stale one, and the scrape still succeeds.
  await bus.close();
  text = await registry.metrics();
  expect(reading(text, 'azotte_messaging_queue_consumers', queue)).toBeUndefined();
  expect(text).toMatch(/^# TYPE azotte_messaging_dlq_messages gauge$/m);
  const lintDown = promtoolCheck(text);
  if (lintDown) expect(lintDown).toEqual({ status: 0, output: '' });
});

test('a stalled broker makes the queue gauges report nothing within their bound, never hanging the scrape', async () => {
  const broker = await stallableBroker(fx.amqpUrl);
  const bus = new BusConnection({ url: broker.url, name: `${fx.schema}-stalled`, logger: silent });
  const consumer = new EventConsumer({
    bus,
    knex: fx.db.knex,
    exchange: fx.exchange,
    service: 'stalled',
    queuePrefix: `${fx.schema}.`,
    patterns: [EVENT],
    handler: async () => undefined,
    logger: silent,
  });
  try {
    await consumer.start();
    await bus.start();
    const registry = new Registry();
    registerQueueMetrics(registry, bus, consumer.names, 200);
    expect(reading(await registry.metrics(), 'azotte_messaging_queue_consumers', consumer.names.queue)).toBe(1);

    broker.stall();
    const started = Date.now();
    const text = await registry.metrics();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(reading(text, 'azotte_messaging_queue_consumers', consumer.names.queue)).toBeUndefined();
  } finally {
    await broker.close();
    await bus.close();
    const connection = await amqp.connect(fx.amqpUrl);
    const channel = await connection.createChannel();
    await channel.deleteQueue(consumer.names.queue);
    await channel.deleteQueue(consumer.names.deadLetter);
    await connection.close();
  }
});
