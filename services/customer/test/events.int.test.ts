import amqp, { type Channel, type ChannelModel, type ConsumeMessage } from 'amqplib';
import { waitFor } from '@azotte/common/testing';
import { EVENTS } from '@azotte/proto';
import { aCustomer, aSupportRequest } from './support/builders';
import { startHarness, type Harness } from './support/harness';

let h: Harness;
let conn: ChannelModel;
let channel: Channel;
const received: ConsumeMessage[] = [];
const queue = `customer-events-test-${process.pid}-${Date.now()}`;

beforeAll(async () => {
  h = await startHarness('events');
  // A listener of our own on the service's exchange, as another service would bind one.
  conn = await amqp.connect(h.amqpUrl);
  channel = await conn.createChannel();
  await channel.assertQueue(queue, { exclusive: true, autoDelete: true });
  await channel.bindQueue(queue, h.exchange, 'customer.#');
  await channel.consume(queue, (msg) => msg && received.push(msg), { noAck: true });
});
afterAll(async () => {
  await conn?.close();
  await h?.close();
});

const bodyOf = (msg: ConsumeMessage) => JSON.parse(msg.content.toString('utf8'));

test('every change reaches the bus, with its scope, its actor and the producing service', async () => {
  const t = await h.newTenant();
  const customer = await h.client.createCustomer(aCustomer(), { context: t.admin });
  await h.client.updateCustomer({ id: customer.id, name: 'New Name', metadata: {}, clearMetadata: false }, { context: t.admin });
  const request = await h.client.createSupportRequest(aSupportRequest(customer.id), { context: t.admin });
  await h.client.updateSupportRequest({ id: request.id, status: 'resolved' }, { context: t.admin });
  await h.client.addSupportMessage({ supportRequestId: request.id, body: 'Back again' }, { context: t.admin });
  await h.client.eraseCustomer({ id: customer.id }, { context: t.admin });

  const ofCustomer = (msg: ConsumeMessage) => {
    const body = bodyOf(msg);
    return body.customer?.id === customer.id || body.supportRequest?.customerId === customer.id;
  };
  const expected = [
    EVENTS.customer.customerCreated,
    EVENTS.customer.customerUpdated,
    EVENTS.customer.supportRequestCreated,
    EVENTS.customer.supportMessageAdded,
    EVENTS.customer.supportRequestUpdated,
    EVENTS.customer.supportRequestUpdated,
    EVENTS.customer.supportMessageAdded,
    EVENTS.customer.customerErased,
  ];
  const messages = await waitFor(() => {
    const mine = received.filter(ofCustomer);
    return mine.length >= expected.length ? mine : undefined;
  }, { what: 'the customer events on the bus' });
  expect(messages.map((m) => m.fields.routingKey).sort()).toEqual([...expected].sort());
  for (const msg of messages) {
    expect(msg.properties).toMatchObject({
      appId: 'customer',
      type: msg.fields.routingKey,
      messageId: expect.stringMatching(/^evt_/),
      headers: expect.objectContaining({
        'x-tenant-id': t.tenant.id,
        'x-environment-id': customer.environmentId,
        'x-environment-kind': 'production',
        'x-actor-type': 'user',
        'x-actor-id': t.admin.actor.id,
      }),
    });
  }
  const erased = messages.find((m) => m.fields.routingKey === EVENTS.customer.customerErased)!;
  expect(Object.keys(bodyOf(erased).customer).sort()).toEqual(['environmentId', 'erasedAt', 'id', 'supportRequestIds']);
  // The customer as GetCustomer answers it after the erasure (for the public customer.deleted event): no personal data.
  const resource = bodyOf(erased).resource;
  expect(resource).toMatchObject({ id: customer.id, erased: true });
  // Proto JSON leaves an empty map out.
  expect(resource.metadata ?? {}).toEqual({});
  expect(resource).not.toHaveProperty('email');
  expect(resource).not.toHaveProperty('name');
});

test("the tenant's usage counts customers from their creation and erasure", async () => {
  const t = await h.newTenant();
  const usage = () => h.tenant.getUsage({ month: '' }, { context: t.admin });
  const first = await h.client.createCustomer(aCustomer(), { context: t.admin });
  await h.client.createCustomer(aCustomer(), { context: t.admin });
  await waitFor(async () => (await usage()).customers === 2, { what: 'two customers in the usage' });
  await h.client.eraseCustomer({ id: first.id }, { context: t.admin });
  await h.client.eraseCustomer({ id: first.id }, { context: t.admin });
  await waitFor(async () => (await usage()).customers === 1, { what: 'one customer in the usage' });
});
