import type { Knex } from 'knex';
import pino from 'pino';
import {
  BusConnection,
  dropSchema,
  EventConsumer,
  inboxMigration,
  openDatabase,
  outboxMigration,
  OutboxRelay,
  Publisher,
  type Database,
  type EventHandler,
} from '../src';
import { testServers, uniqueName } from '../src/testing';

export const silent = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** A scratch schema with the outbox and inbox, and a private exchange, for one test file. */
export async function busFixture(name: string) {
  const { databaseUrl, amqpUrl } = testServers();
  const schema = uniqueName(name);
  const exchange = `${schema}.events`;
  const db: Database = await openDatabase({
    url: databaseUrl,
    schema,
    migrations: [
      outboxMigration,
      inboxMigration,
      {
        name: '001_effects',
        up: (knex: Knex) =>
          knex.schema.createTable('effects', (t) => {
            t.increments('id');
            t.text('event_id').notNullable();
            t.text('note');
          }),
      },
    ],
    logger: silent,
  });
  await db.migrate();
  const closers: Array<() => Promise<unknown>> = [];

  return {
    db,
    schema,
    exchange,
    amqpUrl,
    databaseUrl,
    /** A publisher side: connection, confirm publisher and relay. */
    async producer(url = amqpUrl, { start = true, batchSize, inFlightBatches }: { start?: boolean; batchSize?: number; inFlightBatches?: number } = {}) {
      const bus = new BusConnection({ url, name: `${schema}-producer`, logger: silent, minBackoffMs: 20, maxBackoffMs: 200 });
      const publisher = new Publisher(bus, exchange, silent);
      await publisher.start();
      if (start) await bus.start();
      else bus.startInBackground();
      const relay = new OutboxRelay({
        knex: db.knex,
        databaseUrl,
        schema,
        publisher,
        source: 'test',
        logger: silent,
        pollMs: 100,
        batchSize,
        inFlightBatches,
      });
      closers.push(() => bus.close(), () => relay.stop());
      return { bus, publisher, relay };
    },
    /** A consuming service `service` whose handler is `handler`. */
    async consumer(service: string, handler: EventHandler, { maxDeliveries = 3, patterns = ['#'] } = {}) {
      const bus = new BusConnection({ url: amqpUrl, name: `${schema}-${service}`, logger: silent });
      const consumer = new EventConsumer({
        bus,
        knex: db.knex,
        exchange,
        service,
        queuePrefix: `${schema}.`,
        patterns,
        handler,
        logger: silent,
        maxDeliveries,
      });
      await consumer.start();
      await bus.start();
      closers.push(
        () => bus.close(),
        async () => {
          // Queues outlive connections; a test leaves none behind.
          const conn = await (await import('amqplib')).connect(amqpUrl);
          const ch = await conn.createChannel();
          await ch.deleteQueue(consumer.names.queue);
          await ch.deleteQueue(consumer.names.deadLetter);
          await ch.deleteExchange(exchange);
          await conn.close();
        },
        () => consumer.stop(),
      );
      return { bus, consumer };
    },
    async close() {
      // Last opened, first closed.
      for (const close of closers.reverse()) await close().catch(() => undefined);
      await db.close();
      await dropSchema(databaseUrl, schema);
    },
  };
}
