import { EVENTS, eventsV1, presentCustomer } from '@azotte/proto';
import { aCustomer, customerChanged } from './support/builders';
import { startHarness, type Harness, type TestTenant } from './support/harness';

let h: Harness;
let t: TestTenant;

beforeAll(async () => {
  h = await startHarness('webhook_public_events');
  t = await h.newTenant();
});
afterAll(async () => {
  await h.close();
});

const eventsAbout = async (objectId: string) =>
  (await h.client.listEvents({ type: '', page: { limit: 100, cursor: '' } }, { context: t.admin })).data
    .map((e) => JSON.parse(e.body))
    .filter((e) => e.data.object.id === objectId);

test('an update that changes nothing in the object makes no public event', async () => {
  const customer = aCustomer(t.admin.scope!.environmentId);
  await h.applied(await h.publish(EVENTS.customer.customerCreated, t.admin.scope!, customerChanged(customer)));
  await h.applied(await h.publish(EVENTS.customer.customerUpdated, t.admin.scope!, customerChanged(customer)));
  await h.applied(await h.publish(EVENTS.customer.customerUpdated, t.admin.scope!, customerChanged({ ...customer, name: 'Ada King' })));
  expect((await eventsAbout(customer.id)).map((e) => e.type)).toEqual(['customer.updated', 'customer.created']);
});

test("an erasure makes customer.deleted and wipes the customer's personal data from the events kept", async () => {
  const customer = aCustomer(t.admin.scope!.environmentId, { email: 'ada@example.com', name: 'Ada' });
  await h.applied(await h.publish(EVENTS.customer.customerCreated, t.admin.scope!, customerChanged(customer)));
  const erased = { ...customer, email: undefined, name: undefined, locale: undefined, metadata: {}, erased: true, erasedAt: new Date().toISOString() };
  const payload = eventsV1.CustomerErased.toJSON({
    customer: { id: customer.id, environmentId: customer.environmentId, erasedAt: erased.erasedAt, supportRequestIds: [] },
    resource: erased,
  });
  await h.applied(await h.publish(EVENTS.customer.customerErased, t.admin.scope!, payload));
  const events = await eventsAbout(customer.id);
  expect(events.map((e) => e.type)).toEqual(['customer.deleted', 'customer.created']);
  for (const e of events) expect(e.data.object).toEqual(presentCustomer(erased));
  expect(JSON.stringify(events)).not.toContain('ada@example.com');
});
