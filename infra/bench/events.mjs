// Event pipeline benchmark: outbox → relay → RabbitMQ → consumer with inbox,
// beside raw amqplib confirm-publish and consume on a quorum queue, same run.
import { createRequire } from 'node:module';
import amqp from 'amqplib';
import pino from 'pino';
import { fmt, percentile, ROOT } from './lib.mjs';

const require = createRequire(import.meta.url);
const kit = require(`${ROOT}/services/common/dist/index.js`);
const silent = pino({ level: 'silent' });

/** `perSecond` (optional) paces the publishing instead of sending as fast as confirms allow. */
export async function rawBaseline(amqpUrl, queue, count, batch, perSecond, window = 1_000) {
  const conn = await amqp.connect(amqpUrl);
  const pub = await conn.createConfirmChannel();
  const sub = await conn.createChannel();
  await pub.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await sub.prefetch(window);
  const latencies = [];
  let received = 0;
  let done;
  const finished = new Promise((r) => (done = r));
  await sub.consume(queue, (msg) => {
    if (!msg) return; // cancelled when the queue is deleted at the end
    latencies.push(Date.now() - Number(msg.properties.timestamp));
    sub.ack(msg);
    if (++received === count) done();
  });
  // The best amqplib does here: confirms pipelined, up to `window` messages unconfirmed at once
  // (not a wait for every batch's confirms before the next is sent).
  const started = Date.now();
  let unconfirmed = 0;
  let confirmedOne = () => undefined;
  let nacked;
  for (let sent = 0; sent < count; sent += batch) {
    for (let i = 0; i < batch && sent + i < count; i++) {
      while (unconfirmed >= window) await new Promise((r) => (confirmedOne = r));
      unconfirmed++;
      const ok = pub.publish('', queue, Buffer.from(JSON.stringify({ i: sent + i })), { persistent: true, timestamp: Date.now(), messageId: `m${sent + i}` }, (err) => {
        if (err) nacked = err;
        unconfirmed--;
        confirmedOne();
      });
      if (!ok) await new Promise((r) => pub.once('drain', r));
    }
    const due = started + ((sent + batch) / (perSecond ?? Infinity)) * 1000;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
  }
  await pub.waitForConfirms();
  if (nacked) throw nacked;
  await finished;
  const seconds = (Date.now() - started) / 1000;
  await sub.deleteQueue(queue);
  await conn.close();
  latencies.sort((a, b) => a - b);
  return { rate: count / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** `perSecond` (optional) paces the writer: the lag when the pipeline keeps up with a steady rate. */
async function pipeline({ databaseUrl, amqpUrl, id }, count, batch, perSecond) {
  const schema = `${id}_events`;
  const exchange = `${id}.bench`;
  const db = await kit.openDatabase({ url: databaseUrl, schema, migrations: [kit.outboxMigration, kit.inboxMigration], logger: silent });
  await db.migrate();
  const bus = new kit.BusConnection({ url: amqpUrl, name: 'bench', logger: silent });
  const latencies = [];
  let received = 0;
  let done;
  const finished = new Promise((r) => (done = r));
  const consumer = new kit.EventConsumer({
    bus,
    knex: db.knex,
    exchange,
    service: 'bench',
    queuePrefix: `${id}.`,
    patterns: ['bench.#'],
    logger: silent,
    handler: async (event) => {
      latencies.push(Date.now() - Date.parse(event.occurredAt));
      if (++received === count) done();
    },
  });
  await consumer.start();
  const publisher = new kit.Publisher(bus, exchange, silent);
  await publisher.start();
  const relay = new kit.OutboxRelay({ knex: db.knex, databaseUrl, schema, publisher, source: 'bench', logger: silent, batchSize: 500 });
  await bus.start();
  await relay.start();

  const started = Date.now();
  for (let written = 0; written < count; written += batch) {
    // One multi-row insert per transaction, as the billing scheduler writes a batch's events: the
    // writer is then not what limits the pipeline.
    await db.knex.transaction((trx) =>
      kit.enqueueEvents(trx, Array.from({ length: batch }, (_, i) => ({ type: 'bench.thing.happened.v1', payload: { i: written + i } }))),
    );
    const due = started + ((written + batch) / (perSecond ?? Infinity)) * 1000;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
  }
  await finished;
  const seconds = (Date.now() - started) / 1000;
  await relay.stop();
  await consumer.stop();
  const ch = await (await amqp.connect(amqpUrl)).createChannel();
  await ch.deleteQueue(consumer.names.queue);
  await ch.deleteQueue(consumer.names.deadLetter);
  await ch.deleteExchange(exchange);
  await ch.connection.close();
  await bus.close();
  await db.close();
  await kit.dropSchema(databaseUrl, schema);
  latencies.sort((a, b) => a - b);
  return { rate: count / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

export async function eventsBench(ctx, { count = 20_000, batch = 100, paced = 10_000, rate = 2_000 } = {}) {
  const raw = await rawBaseline(ctx.amqpUrl, `${ctx.id}.raw`, count, batch);
  const ours = await pipeline(ctx, count, batch);
  const rows = [
    ['scenario', 'events/s', 'lag p50 ms', 'lag p99 ms'],
    [`raw amqplib, confirms pipelined (1,000 in flight) + consume, quorum queue (baseline, ${count})`, fmt(raw.rate), fmt(raw.p50), fmt(raw.p99)],
    [`outbox → relay → RabbitMQ → inbox (${count}, ${batch} per transaction)`, fmt(ours.rate), fmt(ours.p50), fmt(ours.p99)],
    ['ratio pipeline / baseline', fmt(ours.rate / raw.rate, 2), fmt(ours.p50 / raw.p50, 2), fmt(ours.p99 / raw.p99, 2)],
  ];
  if (paced > 0) {
    // The same at a steady rate, 100 a transaction: the lag when both keep up.
    const rawPaced = await rawBaseline(ctx.amqpUrl, `${ctx.id}.rawp`, paced, batch, rate);
    const oursPaced = await pipeline({ ...ctx, id: `${ctx.id}p` }, paced, batch, rate);
    rows.push(
      [`raw amqplib, ${paced} paced at ${rate}/s (baseline)`, fmt(rawPaced.rate), fmt(rawPaced.p50), fmt(rawPaced.p99)],
      [`outbox → relay → RabbitMQ → inbox, ${paced} paced at ${rate}/s`, fmt(oursPaced.rate), fmt(oursPaced.p50), fmt(oursPaced.p99)],
      ['ratio paced pipeline / paced baseline', fmt(oursPaced.rate / rawPaced.rate, 2), fmt(oursPaced.p50 / rawPaced.p50, 2), fmt(oursPaced.p99 / rawPaced.p99, 2)],
    );
  }
  return rows;
}
