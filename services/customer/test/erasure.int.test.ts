import { EVENTS } from '@azotte/proto';
import { aCustomer, aStorefront, aSupportRequest } from './support/builders';
import { failureOf, startHarness, type Harness, type TestTenant } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('erasure');
});
afterAll(async () => {
  await h?.close();
});

const PERSONAL = {
  email: 'erase.me@example.com',
  name: 'Erika Mustermann',
  metadata: { crmNote: 'loves-jazz-7731' },
  subject: 'Billing question about Erika',
  body: 'Please call me on +49 170 555 0101',
  reply: 'We called Erika back at 17:00',
};

/** A customer with personal data everywhere: profile, metadata, a support thread of two messages. */
async function aCustomerWithHistory(t: TestTenant) {
  const storefront = await h.tenant.createStorefront(aStorefront(), { context: t.admin });
  const customer = await h.client.createCustomer(
    aCustomer({ email: PERSONAL.email, name: PERSONAL.name, metadata: PERSONAL.metadata, storefrontId: storefront.id }),
    { context: t.admin },
  );
  await h.client.updateCustomer({ id: customer.id, locale: 'de-AT', metadata: {}, clearMetadata: false }, { context: t.admin });
  const request = await h.client.createSupportRequest(
    aSupportRequest(customer.id, { subject: PERSONAL.subject, body: PERSONAL.body }),
    { context: t.admin },
  );
  await h.client.addSupportMessage({ supportRequestId: request.id, body: PERSONAL.reply }, { context: t.admin });
  return { customer, request, storefront };
}

/** Everything the customer service stored for a tenant, tables and outbox, as one string. */
async function everythingStored(t: TestTenant): Promise<string> {
  const tables = ['customers', 'customer_search_terms', 'support_requests', 'support_messages', 'outbox'];
  const dumps = await Promise.all(tables.map(async (table) => JSON.stringify(await h.db(table).where({ tenant_id: t.tenant.id }))));
  return dumps.join('\n');
}

const leaks = (text: string) =>
  [PERSONAL.email, PERSONAL.name, 'erika', PERSONAL.metadata.crmNote, PERSONAL.subject, PERSONAL.body, PERSONAL.reply].filter((p) =>
    text.toLowerCase().includes(p.toLowerCase()),
  );

test('erasure removes personal data and keeps ids, country, storefront and timestamps', async () => {
  const t = await h.newTenant();
  const { customer, request, storefront } = await aCustomerWithHistory(t);
  const erased = await h.client.eraseCustomer({ id: customer.id }, { context: t.admin });
  expect(erased).toMatchObject({
    id: customer.id,
    country: 'DE',
    storefrontId: storefront.id,
    metadata: {},
    erased: true,
    createdAt: customer.createdAt,
    erasedAt: erased.updatedAt,
  });
  for (const field of ['email', 'name', 'locale'] as const) expect(erased[field]).toBeUndefined();
  expect(await h.client.getCustomer({ id: customer.id }, { context: t.admin })).toEqual(erased);

  const [thread] = (await h.client.listSupportRequests({ customerId: customer.id }, { context: t.admin })).data;
  expect(thread).toMatchObject({ id: request.id, customerId: customer.id, status: 'open', createdAt: request.createdAt });
  expect(thread!.subject).toBeUndefined();
  expect(thread!.messages).toHaveLength(2);
  for (const message of thread!.messages) {
    expect(message.body).toBeUndefined();
    expect(message.author).toEqual({ type: 'user', id: t.admin.actor.id });
  }
});

test('after erasure the database holds none of the personal data, outbox included', async () => {
  const t = await h.newTenant();
  const { customer } = await aCustomerWithHistory(t);
  expect(leaks(await everythingStored(t))).toHaveLength(7);
  await h.client.eraseCustomer({ id: customer.id }, { context: t.admin });
  expect(leaks(await everythingStored(t))).toEqual([]);
  const row = await h.db('customers').where({ id: customer.id }).first();
  expect(row).toMatchObject({ email: null, name: null, locale: null, metadata: {} });
  expect(await h.db('customer_search_terms').where({ customer_id: customer.id })).toEqual([]);
});

test('the erased event carries ids, times and the erased customer as GET shows it: no personal data', async () => {
  const t = await h.newTenant();
  const { customer, request } = await aCustomerWithHistory(t);
  const erased = await h.client.eraseCustomer({ id: customer.id }, { context: t.admin });
  const rows = (await h.outbox(EVENTS.customer.customerErased)).filter((r) => r.payload.customer.id === customer.id);
  expect(rows).toHaveLength(1);
  const { resource, ...rest } = rows[0]!.payload;
  expect(rest).toEqual({
    customer: { id: customer.id, environmentId: customer.environmentId, erasedAt: erased.erasedAt, supportRequestIds: [request.id] },
  });
  // What the public customer.deleted event carries: the customer after erasure (country and storefront stay, for tax records).
  expect(resource).toMatchObject({ id: customer.id, erased: true, erasedAt: erased.erasedAt });
  for (const personal of ['email', 'name', 'locale']) expect(resource).not.toHaveProperty(personal);
  expect(resource.metadata ?? {}).toEqual({});
  expect(leaks(JSON.stringify(resource))).toEqual([]);
  expect(rows[0]).toMatchObject({ tenant_id: t.tenant.id, environment_id: customer.environmentId });
});

test('erasing twice answers the same and publishes once', async () => {
  const t = await h.newTenant();
  const customer = await h.client.createCustomer(aCustomer(), { context: t.admin });
  const first = await h.client.eraseCustomer({ id: customer.id }, { context: t.admin });
  const second = await h.client.eraseCustomer({ id: customer.id }, { context: t.admin });
  expect(second).toEqual(first);
  expect((await h.outbox(EVENTS.customer.customerErased)).filter((r) => r.payload.customer.id === customer.id)).toHaveLength(1);
});

test('an erased customer leaves lists and searches, and its email is free again', async () => {
  const t = await h.newTenant();
  const customer = await h.client.createCustomer(aCustomer({ email: 'reuse@example.com', name: 'Reuse Me' }), { context: t.admin });
  await h.client.eraseCustomer({ id: customer.id }, { context: t.admin });
  for (const request of [{ email: '', query: '' }, { email: 'reuse@example.com', query: '' }, { email: '', query: 'reuse' }]) {
    expect((await h.client.listCustomers(request, { context: t.admin })).data).toEqual([]);
  }
  const again = await h.client.createCustomer(aCustomer({ email: 'reuse@example.com' }), { context: t.admin });
  expect(again.id).not.toBe(customer.id);
  expect((await h.client.listCustomers({ email: 'reuse@example.com', query: '' }, { context: t.admin })).data.map((c) => c.id)).toEqual([again.id]);
});

test('an erased customer can no longer be changed nor written to, but its requests can be closed', async () => {
  const t = await h.newTenant();
  const { customer, request } = await aCustomerWithHistory(t);
  await h.client.eraseCustomer({ id: customer.id }, { context: t.admin });
  const refused = { kind: 'conflict', code: 'customer_erased' };
  expect(await failureOf(h.client.updateCustomer({ id: customer.id, name: 'Back', metadata: {}, clearMetadata: false }, { context: t.admin }))).toMatchObject(refused);
  expect(await failureOf(h.client.createSupportRequest(aSupportRequest(customer.id), { context: t.admin }))).toMatchObject(refused);
  expect(await failureOf(h.client.addSupportMessage({ supportRequestId: request.id, body: 'hello?' }, { context: t.admin }))).toMatchObject(refused);
  const resolved = await h.client.updateSupportRequest({ id: request.id, status: 'resolved' }, { context: t.admin });
  expect(resolved.status).toBe('resolved');
});

test('erasure waits for a message being added, and the message is erased too', async () => {
  const t = await h.newTenant();
  const { customer, request } = await aCustomerWithHistory(t);
  const [added, erased] = await Promise.allSettled([
    h.client.addSupportMessage({ supportRequestId: request.id, body: 'a racing message from Erika' }, { context: t.admin }),
    h.client.eraseCustomer({ id: customer.id }, { context: t.admin }),
  ]);
  expect(erased.status).toBe('fulfilled');
  // Either the message went in first and was erased, or the erasure went first and refused it.
  if (added.status === 'rejected') expect(added.reason).toMatchObject({ code: 'customer_erased' });
  expect(await h.db('support_messages').where({ support_request_id: request.id }).whereNotNull('body')).toEqual([]);
});
