import { EVENTS } from '@azotte/proto';
import { aCustomer, aSupportRequest } from './support/builders';
import { failureOf, pathsOf, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('support');
});
afterAll(async () => {
  await h?.close();
});

test('a support request opens with its body as the first message, written by the caller', async () => {
  const t = await h.newTenant();
  const operator = await t.as('operator');
  const customer = await h.client.createCustomer(aCustomer(), { context: t.admin });
  const request = await h.client.createSupportRequest(aSupportRequest(customer.id, { priority: 'high' }), { context: operator });
  expect(request).toMatchObject({
    id: expect.stringMatching(/^sr_/),
    customerId: customer.id,
    subject: 'Cannot play episode 3',
    status: 'open',
    priority: 'high',
    environmentId: customer.environmentId,
    messages: [
      {
        id: expect.stringMatching(/^msg_/),
        body: 'The player stops after ten seconds, every time.',
        author: { type: 'user', id: operator.actor.id },
        createdAt: request.createdAt,
      },
    ],
  });
  expect(await h.client.getSupportRequest({ id: request.id }, { context: t.admin })).toEqual(request);
  expect((await h.client.createSupportRequest(aSupportRequest(customer.id), { context: t.admin })).priority).toBe('normal');
});

test('its creation publishes the request without its thread, then the first message', async () => {
  const t = await h.newTenant();
  const customer = await h.client.createCustomer(aCustomer(), { context: t.admin });
  const request = await h.client.createSupportRequest(aSupportRequest(customer.id), { context: t.admin });
  const rows = (await h.outbox()).filter((r) => r.payload.supportRequest?.id === request.id);
  expect(rows.map((r) => r.routing_key)).toEqual([EVENTS.customer.supportRequestCreated, EVENTS.customer.supportMessageAdded]);
  expect(rows[0]!.payload.supportRequest).toMatchObject({ id: request.id, status: 'open', subject: request.subject });
  expect(rows[0]!.payload.supportRequest.messages ?? []).toEqual([]);
  expect(rows[1]!.payload.message).toMatchObject({ id: request.messages[0]!.id, body: request.messages[0]!.body });
});

test('validation reports every bad field at once', async () => {
  const t = await h.newTenant();
  const customer = await h.client.createCustomer(aCustomer(), { context: t.admin });
  const failure = await failureOf(
    h.client.createSupportRequest(aSupportRequest(customer.id, { subject: '  ', body: 'x'.repeat(10_001), priority: 'urgent' }), { context: t.admin }),
  );
  expect(pathsOf(failure)).toEqual(['body', 'priority', 'subject']);
  const update = await failureOf(h.client.updateSupportRequest({ id: 'sr_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M', status: 'closed', priority: 'meh' }, { context: t.admin }));
  expect(pathsOf(update)).toEqual(['priority', 'status']);
  expect(pathsOf(await failureOf(h.client.updateSupportRequest({ id: 'sr_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M' }, { context: t.admin })))).toEqual(['status']);
  expect(pathsOf(await failureOf(h.client.addSupportMessage({ supportRequestId: 'sr_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M', body: '' }, { context: t.admin })))).toEqual(['body']);
});

test('the thread lives through pending, resolved, and a message that reopens it', async () => {
  const t = await h.newTenant();
  const customer = await h.client.createCustomer(aCustomer(), { context: t.admin });
  const request = await h.client.createSupportRequest(aSupportRequest(customer.id), { context: t.admin });

  const pending = await h.client.updateSupportRequest({ id: request.id, status: 'pending' }, { context: t.admin });
  expect(pending).toMatchObject({ status: 'pending', priority: 'normal', messages: request.messages });
  const replied = await h.client.addSupportMessage({ supportRequestId: request.id, body: 'Which device do you use?' }, { context: t.admin });
  expect(replied.status).toBe('pending');
  const resolved = await h.client.updateSupportRequest({ id: request.id, status: 'resolved', priority: 'low' }, { context: t.admin });
  expect(resolved).toMatchObject({ status: 'resolved', priority: 'low' });
  const reopened = await h.client.addSupportMessage({ supportRequestId: request.id, body: 'It happens again.' }, { context: t.admin });
  expect(reopened.status).toBe('open');
  expect(reopened.messages.map((m) => m.body)).toEqual([request.messages[0]!.body, 'Which device do you use?', 'It happens again.']);

  const keys = (await h.outbox()).filter((r) => r.payload.supportRequest?.id === request.id).map((r) => r.routing_key);
  const { supportRequestCreated: created, supportRequestUpdated: updated, supportMessageAdded: added } = EVENTS.customer;
  expect(keys).toEqual([created, added, updated, added, updated, updated, added]);
});

test('a change to the same status and priority publishes nothing', async () => {
  const t = await h.newTenant();
  const customer = await h.client.createCustomer(aCustomer(), { context: t.admin });
  const request = await h.client.createSupportRequest(aSupportRequest(customer.id), { context: t.admin });
  expect(await h.client.updateSupportRequest({ id: request.id, status: 'open', priority: 'normal' }, { context: t.admin })).toEqual(request);
  expect((await h.outbox(EVENTS.customer.supportRequestUpdated)).filter((r) => r.payload.supportRequest.id === request.id)).toEqual([]);
});

test("a customer's requests are listed newest first, page by page", async () => {
  const t = await h.newTenant();
  const customer = await h.client.createCustomer(aCustomer(), { context: t.admin });
  const otherCustomer = await h.client.createCustomer(aCustomer(), { context: t.admin });
  await h.client.createSupportRequest(aSupportRequest(otherCustomer.id), { context: t.admin });
  const made: string[] = [];
  for (let i = 0; i < 3; i++) made.push((await h.client.createSupportRequest(aSupportRequest(customer.id, { subject: `#${i}` }), { context: t.admin })).id);
  const first = await h.client.listSupportRequests({ customerId: customer.id, page: { limit: 2, cursor: '' } }, { context: t.admin });
  expect(first.data.map((r) => r.id)).toEqual([made[2], made[1]]);
  expect(first.data[0]!.messages).toHaveLength(1);
  const second = await h.client.listSupportRequests({ customerId: customer.id, page: { limit: 2, cursor: first.nextCursor } }, { context: t.admin });
  expect(second).toMatchObject({ data: [{ id: made[0] }], nextCursor: '' });
  const viewer = await t.as('viewer');
  expect((await h.client.listSupportRequests({ customerId: customer.id }, { context: viewer })).data).toHaveLength(3);
});

test("another tenant's or environment's requests are not found, and viewers cannot write", async () => {
  const t = await h.newTenant();
  const other = await h.newTenant();
  const customer = await h.client.createCustomer(aCustomer(), { context: t.admin });
  const request = await h.client.createSupportRequest(aSupportRequest(customer.id), { context: t.admin });
  for (const context of [other.admin, t.adminInSandbox]) {
    expect((await failureOf(h.client.getSupportRequest({ id: request.id }, { context }))).code).toBe('support_request_not_found');
    expect((await failureOf(h.client.updateSupportRequest({ id: request.id, status: 'resolved' }, { context }))).kind).toBe('not_found');
    expect((await failureOf(h.client.addSupportMessage({ supportRequestId: request.id, body: 'x' }, { context }))).kind).toBe('not_found');
    expect((await failureOf(h.client.listSupportRequests({ customerId: customer.id }, { context }))).code).toBe('customer_not_found');
    expect((await failureOf(h.client.createSupportRequest(aSupportRequest(customer.id), { context }))).code).toBe('customer_not_found');
  }
  const viewer = await t.as('viewer');
  expect((await failureOf(h.client.addSupportMessage({ supportRequestId: request.id, body: 'x' }, { context: viewer }))).kind).toBe('permission_denied');
  expect((await failureOf(h.client.updateSupportRequest({ id: request.id, status: 'resolved' }, { context: viewer }))).kind).toBe('permission_denied');
});
