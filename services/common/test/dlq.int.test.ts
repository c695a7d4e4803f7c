import amqp, { type ChannelModel, type ConfirmChannel } from 'amqplib';
import { DEFAULT_MAX_DELIVERIES, FAILURE_HEADERS, HEADERS } from '../src';
import { runDlq } from '../src/bin/dlq';
import { publishEvent, waitFor } from '../src/testing';
import { busFixture } from './bus-harness';

// The fixture gives the queues a prefix of their own, so "billing" here is this file's billing.
const SERVICE = 'billing';
const TYPE = 'billing.invoice.paid.v1';

let fx: Awaited<ReturnType<typeof busFixture>>;
let conn: ChannelModel;
let channel: ConfirmChannel;
beforeEach(async () => {
  fx = await busFixture('dlq');
  conn = await amqp.connect(fx.amqpUrl);
  channel = await conn.createConfirmChannel();
});
afterEach(async () => {
  await conn.close();
  await fx.close();
});

const publish = (id: string) =>
  publishEvent(channel, fx.exchange, { id, type: TYPE, payload: { invoice: { id: `inv_${id}` } }, tenantId: 'ten_1', environmentId: 'env_1' });

async function depth(queue: string): Promise<number> {
  const ch = await conn.createChannel();
  const { messageCount } = await ch.checkQueue(queue);
  await ch.close();
  return messageCount;
}

/** The messages of a queue, read without the tool under test: each taken, then given back in order. */
async function held(queue: string) {
  const ch = await conn.createChannel();
  const messages = [];
  for (let msg = await ch.get(queue); msg; msg = await ch.get(queue)) messages.push(msg);
  for (const msg of messages) ch.nack(msg, false, true);
  await ch.close();
  return messages;
}

/** What a queue holds: ids, bodies and headers. */
async function contents(queue: string) {
  return (await held(queue)).map((m) => {
    // The broker counts the reads themselves; the rest of the message must not change.
    const { 'x-delivery-count': _reads, ...headers } = m.properties.headers ?? {};
    return { id: m.properties.messageId as string, body: m.content.toString(), headers };
  });
}

/** Runs `npm run dlq -- <args>` in this process, with the services' configuration of this test file. */
async function dlq(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const env = { NODE_ENV: 'test', AMQP_URL: fx.amqpUrl, AMQP_QUEUE_PREFIX: `${fx.schema}.`, LOG_LEVEL: 'warn' };
  const code = await runDlq(args, { env, stdout: { write: (s: string) => void (stdout += s) }, stderr: { write: (s: string) => void (stderr += s) } });
  return { code, stdout, stderr };
}

const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const listedIds = async () => jsonLines((await dlq('list', SERVICE, '--json')).stdout).map((e) => e.eventId);

/** Redeliveries of the consumers below but the first test's: one, to be quick. */
const QUICK = 1;

/** A billing consumer whose handler cannot cope with any event. */
async function failingConsumer(maxDeliveries = QUICK) {
  const attempts: string[] = [];
  const running = await fx.consumer(
    SERVICE,
    async (event) => {
      attempts.push(event.id);
      throw new Error('cannot read the invoice total');
    },
    { maxDeliveries },
  );
  const stop = async () => {
    await running.consumer.stop();
    await running.bus.close();
  };
  return { ...running, attempts, stop };
}

test('a poison message is dead-lettered after its redeliveries, and list says why without disturbing the queue', async () => {
  const { consumer, attempts } = await failingConsumer(DEFAULT_MAX_DELIVERIES);
  await publish('evt_poison');
  await waitFor(async () => (await depth(consumer.names.deadLetter)) === 1, { what: 'the poison message in the DLQ', timeoutMs: 25_000 });
  // Its first delivery and every redelivery failed, then no more.
  expect(attempts).toEqual(Array(DEFAULT_MAX_DELIVERIES + 1).fill('evt_poison'));
  expect(await depth(consumer.names.queue)).toBe(0);

  const before = await contents(consumer.names.deadLetter);
  const listed = await dlq('list', SERVICE, '--json');
  expect(listed).toMatchObject({ code: 0, stderr: '' });
  expect(jsonLines(listed.stdout)).toEqual([
    {
      eventId: 'evt_poison',
      type: TYPE,
      tenantId: 'ten_1',
      environmentId: 'env_1',
      reason: 'delivery_limit',
      error: 'Error: cannot read the invoice total',
      deliveries: DEFAULT_MAX_DELIVERIES + 1,
      deadLetteredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      queue: consumer.names.queue,
    },
  ]);
  const forPeople = await dlq('list', SERVICE);
  expect(forPeople.stdout).toContain(`${consumer.names.deadLetter} holds 1 message`);
  expect(forPeople.stdout).toContain(`evt_poison  ${TYPE}`);
  expect(forPeople.stdout).toContain('tenant ten_1, environment env_1');
  expect(forPeople.stdout).toContain(`after ${DEFAULT_MAX_DELIVERIES + 1} deliveries (delivery_limit)`);
  expect(forPeople.stdout).toContain('error: Error: cannot read the invoice total');

  // Listing twice took every message and gave each back: the queue holds the same, in the same order.
  expect(await contents(consumer.names.deadLetter)).toEqual(before);
  expect(before[0]!.headers).toMatchObject({ [HEADERS.tenantId]: 'ten_1', [FAILURE_HEADERS.error]: 'Error: cannot read the invoice total' });
}, 40_000);

test('replay hands dead-lettered events to the fixed handler, which applies each exactly once', async () => {
  const broken = await failingConsumer();
  await publish('evt_a');
  await waitFor(async () => (await depth(broken.consumer.names.deadLetter)) === 1, { what: 'evt_a in the DLQ' });
  await broken.stop();
  // A crash between storing the dead-lettered copy and acking the original leaves two copies.
  const [copy] = await held(broken.consumer.names.deadLetter);
  channel.sendToQueue(broken.consumer.names.deadLetter, copy!.content, { ...copy!.properties, persistent: true });
  await channel.waitForConfirms();

  const handled: string[] = [];
  const fixed = await fx.consumer(
    SERVICE,
    async (event, trx) => {
      handled.push(event.id);
      await trx('effects').insert({ event_id: event.id, note: 'invoice total read' });
    },
    { maxDeliveries: QUICK },
  );
  const replayed = await dlq('replay', SERVICE, '--by', 'sre-on-call');
  expect(replayed.code).toBe(0);
  expect(replayed.stdout).toContain(`2 messages from ${fixed.consumer.names.deadLetter} replayed to ${fixed.consumer.names.queue}: evt_a, evt_a`);

  await waitFor(async () => (await fx.db.knex('effects')).length === 1, { what: 'the effect of the replayed event' });
  await waitFor(async () => (await depth(fixed.consumer.names.queue)) === 0, { what: 'both copies taken' });
  await fixed.consumer.stop(); // waits for the copy being handled
  expect(handled).toEqual(['evt_a']);
  expect(await fx.db.knex('effects').select('event_id', 'note')).toEqual([{ event_id: 'evt_a', note: 'invoice total read' }]);
  expect(await fx.db.knex('inbox').pluck('event_id')).toEqual(['evt_a']);
  expect(await depth(fixed.consumer.names.queue)).toBe(0);
  expect(await depth(fixed.consumer.names.deadLetter)).toBe(0);
});

test('purge drops the event it names, replay --id moves only the one it names, and the others keep their order', async () => {
  const broken = await failingConsumer();
  for (const id of ['evt_1', 'evt_2', 'evt_3', 'evt_4']) await publish(id);
  await waitFor(async () => (await depth(broken.consumer.names.deadLetter)) === 4, { what: 'four events in the DLQ' });
  await broken.stop();
  const order = await listedIds();
  expect([...order].sort()).toEqual(['evt_1', 'evt_2', 'evt_3', 'evt_4']);

  const purged = await dlq('purge', SERVICE, '--id', 'evt_2', '--by', 'sre-on-call');
  expect(purged).toMatchObject({ code: 0, stderr: '' });
  expect(purged.stdout).toContain(`1 message from ${broken.consumer.names.deadLetter} purged for good: evt_2`);
  const [audit, ...others] = jsonLines(purged.stdout);
  expect(others).toEqual([]);
  expect(audit).toMatchObject({
    level: 30,
    service: 'dlq',
    msg: 'dead-lettered events purged',
    audit: {
      who: 'sre-on-call',
      what: 'dlq.purge',
      when: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      service: SERVICE,
      queue: broken.consumer.names.deadLetter,
      eventIds: ['evt_2'],
    },
  });
  expect(await listedIds()).toEqual(order.filter((id) => id !== 'evt_2'));

  const replayed = await dlq('replay', SERVICE, '--id', 'evt_3');
  expect(replayed.code).toBe(0);
  expect(jsonLines(replayed.stdout)).toMatchObject([{ audit: { what: 'dlq.replay', eventIds: ['evt_3'], to: broken.consumer.names.queue } }]);
  expect(await listedIds()).toEqual(order.filter((id) => id !== 'evt_2' && id !== 'evt_3'));
  const [back] = await contents(broken.consumer.names.queue);
  expect(back).toMatchObject({ id: 'evt_3', headers: { [HEADERS.tenantId]: 'ten_1' } });
  // Its failure history stays behind: the consumer counts its deliveries afresh.
  expect(Object.keys(back!.headers).filter((h) => h.startsWith('x-azotte-') || h.startsWith('x-death'))).toEqual([]);

  const unknown = await dlq('purge', SERVICE, '--id', 'evt_nope');
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain(`not in ${broken.consumer.names.deadLetter}: evt_nope`);
  expect(jsonLines(unknown.stdout)).toEqual([]);
  expect(await listedIds()).toEqual(order.filter((id) => id !== 'evt_2' && id !== 'evt_3'));
});

test('a service whose dead-letter queue does not exist yet is told so in words, and nothing goes to the console', async () => {
  const console = [jest.spyOn(global.console, 'log'), jest.spyOn(global.console, 'error'), jest.spyOn(global.console, 'warn')];
  const result = await dlq('list', 'analytics');
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(`${fx.schema}.analytics.events.dlq does not exist on amqp://`);
  expect(result.stderr).toContain('has analytics ever started');
  for (const spy of console) expect(spy).not.toHaveBeenCalled();
});
