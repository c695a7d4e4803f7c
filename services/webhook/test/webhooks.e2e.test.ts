import { waitFor } from '@azotte/common/testing';
import { isDeepStrictEqual } from 'node:util';
import { startPlatform, type Platform } from '@azotte/test-support/platform';
import { Webhook } from 'standardwebhooks';
import { startReceiver, type Receiver } from './support/receiver';

let platform: Platform;
let token: string;
let receiver: Receiver;
let secret: string;
let endpointId: string;
const sandbox = { 'x-environment': 'sandbox' };
const DAY = 86_400_000;

const call = (method: string, path: string, body?: unknown) => platform.call(method, path, { token, body, headers: sandbox });

beforeAll(async () => {
  platform = await startPlatform('webhooks');
  ({ token } = await platform.createTenant());
  receiver = await startReceiver();
  const created = await call('POST', '/webhook-endpoints', { url: receiver.url, description: 'Our backend', enabledEvents: ['*'] });
  expect(created.status).toBe(201);
  ({ secret, id: endpointId } = created.body);
});
afterAll(async () => {
  await receiver?.close();
  await platform.stop();
});

const headersOf = (r: Receiver['received'][number]) => ({
  'webhook-id': r.headers['webhook-id'] as string,
  'webhook-timestamp': r.headers['webhook-timestamp'] as string,
  'webhook-signature': r.headers['webhook-signature'] as string,
});

/** The received events about one object, in order of arrival. */
const about = (id: string, type?: string) => receiver.received.filter((r) => r.event?.data?.object?.id === id && (!type || r.event.type === type));

async function arrived(id: string, type: string, count = 1) {
  await waitFor(() => about(id, type).length >= count, { what: `${count} × ${type} of ${id}`, timeoutMs: 15_000 });
  return about(id, type).at(-1)!.event;
}

/**
 * The event of `type` whose object is exactly what GET `path` answers now. Deliveries come in no
 * guaranteed order (API.md), so it is looked for among all of the object's events of that type.
 */
async function showing(type: string, path: string) {
  const now = (await call('GET', path)).body;
  const found = await waitFor(() => about(now.id, type).find((r) => isDeepStrictEqual(r.event.data.object, now)), {
    what: `${type} showing GET ${path}`,
    timeoutMs: 15_000,
  });
  return found.event;
}

test('the endpoint answers as API.md says, its secret shown once', async () => {
  const got = await call('GET', `/webhook-endpoints/${endpointId}`);
  expect(got.status).toBe(200);
  expect(got.body).toEqual({
    id: endpointId,
    url: receiver.url,
    description: 'Our backend',
    enabledEvents: ['*'],
    status: 'enabled',
    disabledReason: null,
    disabledAt: null,
    createdAt: expect.any(String),
    updatedAt: expect.any(String),
  });
  expect(secret).toMatch(/^whsec_/);
  const list = await call('GET', '/webhook-endpoints');
  expect(list.body.data.map((e: { id: string }) => e.id)).toEqual([endpointId]);
  expect(JSON.stringify(list.body)).not.toContain('whsec_');
});

test("a subscription's life arrives as its public events, each object as GET shows it, each signature verifying", async () => {
  const bundle = await call('POST', '/bundles', { name: 'Premium', entitlements: [] });
  const price = await call('POST', `/bundles/${bundle.body.id}/prices`, { currency: 'EUR', amount: 1000, interval: 'month' });
  const customer = await call('POST', '/customers', { email: `life-${Date.now()}@example.com`, name: 'Ada' });
  expect((await arrived(customer.body.id, 'customer.created')).data.object).toEqual(customer.body);
  await call('POST', `/customers/${customer.body.id}/payment-methods`, { type: 'card', card: { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' } });

  // Created and paid.
  const sub = await call('POST', '/subscriptions', { customerId: customer.body.id, priceId: price.body.id });
  expect(sub.status).toBe(201);
  const subId = sub.body.id as string;
  await showing('subscription.created', `/subscriptions/${subId}`);
  const firstInvoice = sub.body.latestInvoiceId as string;
  const paid = await arrived(firstInvoice, 'invoice.paid');
  expect(paid.data.object).toEqual((await call('GET', `/invoices/${firstInvoice}`)).body);
  const payment = await arrived(paid.data.object.paymentIds[0], 'payment.succeeded');
  expect(payment.data.object).toEqual((await call('GET', `/payments/${payment.data.object.id}`)).body);

  // Renewed: a new period.
  const now = new Date((await call('GET', '/test-clock')).body.now).getTime();
  const renewal = await call('POST', '/test-clock/advance', { to: new Date(now + 31 * DAY).toISOString() });
  expect(renewal.body.processed.renewals).toBe(1);
  const renewed = await showing('subscription.updated', `/subscriptions/${subId}`);
  expect(renewed.data.object.currentPeriodStart).not.toBe(sub.body.currentPeriodStart);

  // The next renewal's payment fails: past_due.
  await call('POST', `/customers/${customer.body.id}/payment-methods`, {
    type: 'card',
    card: { number: '4000000000000341', expMonth: 12, expYear: 2040, cvc: '123' },
    default: true,
  });
  await call('POST', '/test-clock/advance', { to: new Date(now + 62 * DAY).toISOString() });
  const pastDue = await showing('subscription.updated', `/subscriptions/${subId}`);
  const afterDecline = pastDue.data.object;
  expect(afterDecline.status).toBe('past_due');
  const failedInvoice = afterDecline.latestInvoiceId as string;
  const invoiceFailed = await arrived(failedInvoice, 'invoice.payment_failed');
  expect(invoiceFailed.data.object).toEqual((await call('GET', `/invoices/${failedInvoice}`)).body);
  const paymentFailed = await arrived(invoiceFailed.data.object.paymentIds[0], 'payment.failed');
  expect(paymentFailed.data.object).toEqual((await call('GET', `/payments/${paymentFailed.data.object.id}`)).body);

  // Canceled.
  const canceled = await call('POST', `/subscriptions/${subId}/cancel`, { atPeriodEnd: false });
  expect(canceled.status).toBe(200);
  await showing('subscription.canceled', `/subscriptions/${subId}`);

  // Every delivery is signed with the endpoint's secret, and no other secret verifies it.
  const other = new Webhook((await call('POST', '/webhook-endpoints', { url: `${receiver.url}?other`, enabledEvents: ['ping'] })).body.secret);
  const mine = new Webhook(secret);
  const ofThisLife = receiver.received.filter((r) => [subId, customer.body.id, firstInvoice, failedInvoice].includes(r.event?.data?.object?.id));
  expect(ofThisLife.length).toBeGreaterThanOrEqual(7);
  for (const r of ofThisLife) {
    expect(mine.verify(r.body, headersOf(r))).toEqual(r.event);
    expect(() => other.verify(r.body, headersOf(r))).toThrow();
    expect(r.event.environment).toEqual({ id: expect.stringMatching(/^env_/), name: 'sandbox' });
  }

  // GET /events has them all, newest first, each exactly as delivered.
  const listed = await call('GET', '/events?type=subscription.updated&limit=100');
  expect(listed.status).toBe(200);
  const ids = listed.body.data.filter((e: { data: { object: { id: string } } }) => e.data.object.id === subId).map((e: { id: string }) => e.id);
  expect(ids).toEqual(about(subId, 'subscription.updated').map((r) => r.event.id).reverse());
  const one = await call('GET', `/events/${pastDue.id}`);
  expect(one.body).toEqual(pastDue);
});

test('a cancel at period end is a subscription.updated with cancelAtPeriodEnd, and its undoing another', async () => {
  const bundle = await call('POST', '/bundles', { name: 'Basic', entitlements: [] });
  const price = await call('POST', `/bundles/${bundle.body.id}/prices`, { currency: 'EUR', amount: 500, interval: 'month' });
  const customer = await call('POST', '/customers', { email: `cape-${Date.now()}@example.com` });
  await call('POST', `/customers/${customer.body.id}/payment-methods`, { type: 'card', card: { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' } });
  const sub = await call('POST', '/subscriptions', { customerId: customer.body.id, priceId: price.body.id });
  await arrived(sub.body.id, 'subscription.created');
  const scheduled = await call('POST', `/subscriptions/${sub.body.id}/cancel`, { atPeriodEnd: true });
  const updated = await showing('subscription.updated', `/subscriptions/${sub.body.id}`);
  expect(updated.data.object).toEqual(scheduled.body);
  expect(updated.data.object.cancelAtPeriodEnd).toBe(true);
  const resumed = await call('PATCH', `/subscriptions/${sub.body.id}`, { cancelAtPeriodEnd: false });
  const again = await showing('subscription.updated', `/subscriptions/${sub.body.id}`);
  expect(again.data.object).toEqual(resumed.body);
  expect(again.data.object.cancelAtPeriodEnd).toBe(false);
});

test('a trial ending within 3 days of the test clock sends subscription.trial_will_end', async () => {
  const bundle = await call('POST', '/bundles', { name: 'Trial', entitlements: [] });
  const price = await call('POST', `/bundles/${bundle.body.id}/prices`, { currency: 'EUR', amount: 700, interval: 'month', trialDays: 14 });
  const customer = await call('POST', '/customers', { email: `trial-${Date.now()}@example.com` });
  await call('POST', `/customers/${customer.body.id}/payment-methods`, { type: 'card', card: { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' } });
  const sub = await call('POST', '/subscriptions', { customerId: customer.body.id, priceId: price.body.id });
  expect(sub.body.status).toBe('trialing');
  await arrived(sub.body.id, 'subscription.created');
  const trialEnd = new Date(sub.body.trialEnd).getTime();
  await call('POST', '/test-clock/advance', { to: new Date(trialEnd - 4 * DAY).toISOString() });
  await new Promise((r) => setTimeout(r, 500));
  expect(about(sub.body.id, 'subscription.trial_will_end')).toHaveLength(0);
  await call('POST', '/test-clock/advance', { to: new Date(trialEnd - 2 * DAY).toISOString() });
  await showing('subscription.trial_will_end', `/subscriptions/${sub.body.id}`);
});

test('deliveries are listed with their attempts, and a delivery can be retried (202)', async () => {
  const { data } = (await call('GET', `/webhook-endpoints/${endpointId}/deliveries?status=succeeded&limit=5`)).body;
  expect(data.length).toBe(5);
  expect(data[0]).toEqual({
    id: expect.stringMatching(/^whd_/),
    endpointId,
    eventId: expect.stringMatching(/^evt_/),
    eventType: expect.any(String),
    status: 'succeeded',
    attempts: [{ at: expect.any(String), responseStatus: 200, durationMs: expect.any(Number), responseBody: 'ok' }],
    nextAttemptAt: null,
    createdAt: expect.any(String),
  });
  const retried = await call('POST', `/webhook-deliveries/${data[0].id}/retry`);
  expect(retried.status).toBe(202);
  await waitFor(() => receiver.received.filter((r) => r.headers['webhook-id'] === data[0].eventId).length >= 2);
  const ping = await call('POST', `/webhook-endpoints/${endpointId}/test`);
  expect(ping.status).toBe(202);
  await waitFor(() => receiver.received.some((r) => r.headers['webhook-id'] === ping.body.eventId));
});

test('invalid input is a 400 naming each field; production sees no sandbox endpoint; a rotation answers the new secret', async () => {
  const bad = await call('POST', '/webhook-endpoints', { url: 'ftp://example.com', enabledEvents: ['subscription.exploded'] });
  expect(bad.status).toBe(400);
  expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['enabledEvents.0', 'url']);
  const production = await platform.call('GET', `/webhook-endpoints/${endpointId}`, { token });
  expect(production.status).toBe(404);
  const rotated = await call('POST', `/webhook-endpoints/${endpointId}/rotate-secret`);
  expect(rotated.status).toBe(200);
  expect(rotated.body).toEqual({ secret: expect.stringMatching(/^whsec_/), previousSecretExpiresAt: expect.any(String) });
  secret = rotated.body.secret;
});
