import amqp, { type ChannelModel, type ConfirmChannel } from 'amqplib';
import { HEADERS } from '../bus/event';
import { newId } from '../ids/ids';

/** An event as a test saw it on the bus. */
export interface SeenEvent {
  id: string;
  type: string;
  tenantId?: string;
  environmentId?: string;
  // Tests read into payloads freely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  payload: any;
}

const text = (value: unknown) => (Buffer.isBuffer(value) ? value.toString('utf8') : (value as string | undefined));

/**
 * Records every event on `exchange` matching `pattern` from now on, on an
 * exclusive queue of the test's own. Start it before the services, so that no
 * event is published before a queue takes it. The confirm channel is there for
 * tests that publish events of their own (another service's, say).
 */
export async function recordEvents(amqpUrl: string, exchange: string, pattern: string) {
  const connection: ChannelModel = await amqp.connect(amqpUrl);
  const channel: ConfirmChannel = await connection.createConfirmChannel();
  await channel.assertExchange(exchange, 'topic', { durable: true });
  const { queue } = await channel.assertQueue('', { exclusive: true });
  await channel.bindQueue(queue, exchange, pattern);
  const events: SeenEvent[] = [];
  await channel.consume(
    queue,
    (msg) => {
      if (!msg) return;
      const headers = msg.properties.headers ?? {};
      events.push({
        id: msg.properties.messageId as string,
        type: msg.properties.type as string,
        tenantId: text(headers[HEADERS.tenantId]),
        environmentId: text(headers[HEADERS.environmentId]),
        payload: JSON.parse(msg.content.toString('utf8')),
      });
    },
    { noAck: true },
  );
  return { events, connection, channel, close: () => connection.close() };
}

/**
 * The configuration every service of one test file shares: the real servers,
 * and an exchange and queue prefix of the file's own (`id` from uniqueName).
 */
export function busEnvironment(id: string, servers: { databaseUrl: string; amqpUrl: string }) {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: servers.databaseUrl,
    AMQP_URL: servers.amqpUrl,
    AMQP_EXCHANGE: `${id}.events`,
    AMQP_QUEUE_PREFIX: `${id}.`,
  };
}

/** Deletes what a test file's services declared on the broker: their queues, their DLQs, the exchange. */
export async function removeTestBus(env: { AMQP_URL: string; AMQP_EXCHANGE: string; AMQP_QUEUE_PREFIX: string }, services: string[]) {
  const connection = await amqp.connect(env.AMQP_URL);
  const channel = await connection.createChannel();
  for (const service of services) {
    await channel.deleteQueue(`${env.AMQP_QUEUE_PREFIX}${service}.events`);
    await channel.deleteQueue(`${env.AMQP_QUEUE_PREFIX}${service}.events.dlq`);
  }
  await channel.deleteExchange(env.AMQP_EXCHANGE);
  await connection.close();
}

/** An event as another service's outbox relay would publish it. */
export interface ForeignEvent {
  type: string;
  payload: unknown;
  tenantId?: string;
  environmentId?: string;
  environmentKind?: string;
  /** Defaults to now. */
  occurredAt?: string;
  /** Defaults to a new `evt_` id. */
  id?: string;
}

/**
 * Publishes an event the way the outbox relay does (message id = event id,
 * type = routing key, scope and time in headers) and waits for the broker's
 * confirm. Returns the event id.
 */
export async function publishEvent(channel: ConfirmChannel, exchange: string, event: ForeignEvent): Promise<string> {
  const id = event.id ?? newId('evt');
  const headers: Record<string, string> = { [HEADERS.occurredAt]: event.occurredAt ?? new Date().toISOString() };
  if (event.tenantId) headers[HEADERS.tenantId] = event.tenantId;
  if (event.environmentId) headers[HEADERS.environmentId] = event.environmentId;
  if (event.environmentKind) headers[HEADERS.environmentKind] = event.environmentKind;
  channel.publish(exchange, event.type, Buffer.from(JSON.stringify(event.payload)), {
    messageId: id,
    type: event.type,
    appId: event.type.split('.')[0],
    contentType: 'application/json',
    persistent: true,
    headers,
  });
  await channel.waitForConfirms();
  return id;
}
