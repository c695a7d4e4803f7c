import amqp from 'amqplib';
import { FAILURE_HEADERS, HEADERS } from '../src';
import { waitFor } from '../src/testing';
import { busFixture } from './bus-harness';

let fx: Awaited<ReturnType<typeof busFixture>>;
beforeEach(async () => {
  fx = await busFixture('consumer');
});
afterEach(async () => {
  await fx.close();
});

async function publishRaw(messageId: string, body: string, routingKey = 'test.thing.happened.v1') {
  const conn = await amqp.connect(fx.amqpUrl);
  const ch = await conn.createConfirmChannel();
  ch.publish(fx.exchange, routingKey, Buffer.from(body), {
    messageId,
    type: routingKey,
    persistent: true,
    headers: { [HEADERS.tenantId]: 'ten_1', [HEADERS.environmentId]: 'env_1' },
  });
  await ch.waitForConfirms();
  await conn.close();
}

async function queueDepth(queue: string): Promise<number> {
  const conn = await amqp.connect(fx.amqpUrl);
  const ch = await conn.createChannel();
  const { messageCount } = await ch.checkQueue(queue);
  await conn.close();
  return messageCount;
}

const effects = async () => fx.db.knex('effects').select('event_id');

test('a redelivered event changes nothing', async () => {
  let handled = 0;
  await fx.consumer('listener', async (e, trx) => {
    handled += 1;
    await trx('effects').insert({ event_id: e.id });
  });
  await publishRaw('evt_same', '{"n":1}');
  await publishRaw('evt_same', '{"n":1}');
  await publishRaw('evt_other', '{"n":2}');
  await waitFor(async () => (await effects()).length === 2 && handled === 2, { what: 'two distinct effects' });
  // The duplicate was acknowledged too: the queue is empty, not holding it for a retry.
  await waitFor(async () => (await queueDepth(`${fx.schema}.listener.events`)) === 0, { what: 'an empty queue' });
  expect((await effects()).map((r) => r.event_id).sort()).toEqual(['evt_other', 'evt_same']);
});

test('a failed handler leaves no partial effect and succeeds on a later delivery', async () => {
  let attempts = 0;
  await fx.consumer('listener', async (e, trx) => {
    attempts += 1;
    await trx('effects').insert({ event_id: e.id, note: `attempt ${attempts}` });
    if (attempts < 3) throw new Error('database hiccup');
  });
  await publishRaw('evt_flaky', '{}');
  await waitFor(async () => (await effects()).length === 1, { what: 'the effect' });
  const rows = await fx.db.knex('effects').select('note');
  expect(rows).toEqual([{ note: 'attempt 3' }]);
});

/**
 * Publishes `ids` at once, while the consumer's first handlers are held until every message is
 * delivered (none left ready in the queue): the rest then wait together for a free transaction.
 */
async function publishWhileHeld(ids: string[]): Promise<void> {
  const conn = await amqp.connect(fx.amqpUrl);
  const ch = await conn.createConfirmChannel();
  for (const id of ids) {
    ch.publish(fx.exchange, 'test.thing.happened.v1', Buffer.from('{}'), {
      messageId: id,
      type: 'test.thing.happened.v1',
      persistent: true,
      headers: { [HEADERS.tenantId]: 'ten_1', [HEADERS.environmentId]: 'env_1' },
    });
  }
  await ch.waitForConfirms();
  await conn.close();
  await waitFor(async () => (await queueDepth(`${fx.schema}.listener.events`)) === 0, { what: 'every message delivered' });
}

/** A promise the first handlers wait on, and the function that lets them go. */
function gate(): { held: Promise<void>; open: () => void } {
  let open!: () => void;
  const held = new Promise<void>((resolve) => (open = resolve));
  return { held, open };
}

test('messages waiting together are applied in one transaction: one inbox insert, one commit', async () => {
  const transactions = new Map<string, object>();
  const { held, open } = gate();
  let calls = 0;
  await fx.consumer('listener', async (e, trx) => {
    if (++calls <= 4) await held; // the consumer's transactions (however many it runs), busy
    transactions.set(e.id, trx);
    await trx('effects').insert({ event_id: e.id });
  });
  const ids = Array.from({ length: 40 }, (_, i) => `evt_${i}`);
  await publishWhileHeld(ids);
  open();
  await waitFor(async () => (await effects()).length === 40, { what: 'every effect' });
  expect((await effects()).map((r) => r.event_id).sort()).toEqual([...ids].sort());
  // At most four held alone (or in small batches), then the rest that waited meanwhile, together.
  expect(new Set(transactions.values()).size).toBeLessThanOrEqual(5);
});

test('a message that fails in a batch is retried alone, and the others are applied once', async () => {
  const { held, open } = gate();
  let calls = 0;
  let badDeliveries = 0;
  await fx.consumer('listener', async (e, trx) => {
    if (++calls <= 4) await held;
    await trx('effects').insert({ event_id: e.id });
    if (e.id === 'evt_bad' && ++badDeliveries < 3) throw new Error('not yet');
  });
  const ids = Array.from({ length: 40 }, (_, i) => (i === 20 ? 'evt_bad' : `evt_${i}`));
  await publishWhileHeld(ids);
  open();
  await waitFor(async () => (await effects()).length === 40, { what: 'every effect' });
  await waitFor(async () => (await queueDepth(`${fx.schema}.listener.events`)) === 0, { what: 'an empty queue' });
  // The batch it was in was rolled back, not half kept; each then went alone.
  expect((await effects()).map((r) => r.event_id).sort()).toEqual([...ids].sort());
  // In the batch, alone (returned to the queue), and once more: applied.
  expect(badDeliveries).toBe(3);
});

test('a poison message lands in the dead-letter queue after the bounded retries', async () => {
  let attempts = 0;
  const maxDeliveries = 3;
  const { consumer } = await fx.consumer(
    'listener',
    async () => {
      attempts += 1;
      throw new Error('cannot handle this, ever');
    },
    { maxDeliveries },
  );
  await publishRaw('evt_poison', '{"bad":true}');
  await waitFor(async () => (await queueDepth(consumer.names.deadLetter)) === 1, {
    what: 'the poison message in the DLQ',
    timeoutMs: 20_000,
  });
  // One first delivery plus `maxDeliveries` redeliveries, then no more.
  expect(attempts).toBe(maxDeliveries + 1);
  expect(await queueDepth(consumer.names.queue)).toBe(0);
});

test('an unreadable message goes straight to the dead-letter queue', async () => {
  let attempts = 0;
  const { consumer } = await fx.consumer('listener', async () => void (attempts += 1));
  await publishRaw('evt_garbage', 'not json at all');
  await waitFor(async () => (await queueDepth(consumer.names.deadLetter)) === 1, { what: 'the DLQ' });
  expect(attempts).toBe(0);
  const conn = await amqp.connect(fx.amqpUrl);
  const ch = await conn.createChannel();
  const dead = await ch.get(consumer.names.deadLetter, { noAck: true });
  await conn.close();
  expect(dead && dead.properties.headers).toMatchObject({
    [FAILURE_HEADERS.reason]: 'unreadable',
    [FAILURE_HEADERS.error]: 'the body is not a JSON object',
    [FAILURE_HEADERS.deliveries]: 1,
  });
});
