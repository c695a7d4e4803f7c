import { testServers } from '@azotte/common/testing';
import knexFactory from 'knex';
import { startPlatform, type Platform } from './support/platform';

let platform: Platform;
let token: string;
const sandbox = { 'x-environment': 'sandbox' };
const DAY = 86_400_000;

beforeAll(async () => {
  platform = await startPlatform('billing');
  ({ token } = await platform.createTenant());
});
afterAll(async () => {
  await platform.stop();
});

const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  platform.call(method, path, { token, body, headers: { ...sandbox, ...headers } });

/** A customer and a monthly price of 10.00 EUR in the sandbox environment. */
async function shop(price: Record<string, unknown> = {}) {
  const bundle = await call('POST', '/bundles', { name: 'Premium', entitlements: [{ key: 'hd', value: true }] });
  expect(bundle.status).toBe(201);
  const p = await call('POST', `/bundles/${bundle.body.id}/prices`, { currency: 'EUR', amount: 1000, interval: 'month', strategy: 'flat', ...price });
  expect(p.status).toBe(201);
  const customer = await call('POST', '/customers', { email: `c${Math.random().toString(36).slice(2, 10)}@example.com` });
  expect(customer.status).toBe(201);
  return { bundleId: bundle.body.id as string, priceId: p.body.id as string, customerId: customer.body.id as string };
}

const card = (customerId: string, number: string, extra: Record<string, unknown> = {}) =>
  call('POST', `/customers/${customerId}/payment-methods`, { type: 'card', card: { number, expMonth: 12, expYear: 2040, cvc: '123' }, ...extra });

describe('the sandbox cards', () => {
  it('4242424242424242 attaches and pays: the subscription is active with every field of API.md', async () => {
    const { customerId, priceId, bundleId } = await shop();
    const pm = await card(customerId, '4242424242424242');
    expect(pm.status).toBe(201);
    expect(pm.body).toEqual({ id: expect.stringMatching(/^pm_/), type: 'card', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2040, default: true });
    const sub = await call('POST', '/subscriptions', { customerId, priceId });
    expect(sub.status).toBe(201);
    expect(sub.body).toMatchObject({
      id: expect.stringMatching(/^sub_/),
      customerId,
      priceId,
      bundleId,
      status: 'active',
      quantity: 1,
      trialEnd: null,
      cancelAtPeriodEnd: false,
      canceledAt: null,
      discount: null,
      latestInvoiceId: expect.stringMatching(/^inv_/),
    });
    const invoice = await call('GET', `/invoices/${sub.body.latestInvoiceId}`);
    expect(invoice.body).toMatchObject({ status: 'paid', currency: 'EUR', subtotal: 1000, discount: 0, tax: 0, total: 1000, amountPaid: 1000, amountRefunded: 0 });
    const payment = await call('GET', `/payments/${invoice.body.paymentIds[0]}`);
    expect(payment.body).toMatchObject({ status: 'succeeded', amount: 1000, currency: 'EUR', amountRefunded: 0, invoiceId: invoice.body.id });
    const entitlements = await call('GET', `/customers/${customerId}/entitlements`);
    expect(entitlements.body).toEqual({ data: [{ key: 'hd', value: true, bundleId, subscriptionId: sub.body.id }] });
  });

  it.each([
    ['4000000000000002', 'card_declined'],
    ['4000000000009995', 'insufficient_funds'],
  ])('%s is declined at attach: a 402 naming %s', async (number, code) => {
    const { customerId } = await shop();
    const res = await card(customerId, number);
    expect(res.status).toBe(402);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 402, code, declineCode: code });
  });

  it('4000000000000341 attaches, but the first charge is declined: incomplete, and paying is a 402 recorded', async () => {
    const { customerId, priceId } = await shop();
    expect((await card(customerId, '4000000000000341')).status).toBe(201);
    const sub = await call('POST', '/subscriptions', { customerId, priceId });
    expect(sub.status).toBe(201);
    expect(sub.body.status).toBe('incomplete');
    const pay = await call('POST', `/invoices/${sub.body.latestInvoiceId}/pay`, {});
    expect(pay.status).toBe(402);
    expect(pay.body).toMatchObject({ code: 'card_declined', declineCode: 'card_declined' });
    const failed = await call('GET', `/payments?customerId=${customerId}&status=failed`);
    expect(failed.body.data).toHaveLength(2);
    expect(failed.body.data[0]).toMatchObject({ status: 'failed', failureCode: 'card_declined' });
  });

  it('a number failing the Luhn check is a 400 naming card.number; an expired card names the expiry', async () => {
    const { customerId } = await shop();
    const res = await card(customerId, '4242424242424241');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'card.number', message: expect.any(String) }]);
    const expired = await call('POST', `/customers/${customerId}/payment-methods`, { type: 'card', card: { number: '4242424242424242', expMonth: 1, expYear: 2021, cvc: '123' } });
    expect(expired.status).toBe(400);
    expect(expired.body.errors.map((e: { path: string }) => e.path)).toEqual(['card.expYear']);
  });
});

describe('money moves once', () => {
  it('parallel POST /subscriptions with one Idempotency-Key make one subscription and one charge', async () => {
    const { customerId, priceId } = await shop();
    await card(customerId, '4242424242424242');
    const key = `sub-${Math.random().toString(36).slice(2)}`;
    const replies = await Promise.all(Array.from({ length: 5 }, () => call('POST', '/subscriptions', { customerId, priceId }, { 'idempotency-key': key })));
    const created = replies.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(replies.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    const again = await call('POST', '/subscriptions', { customerId, priceId }, { 'idempotency-key': key });
    expect(again.body.id).toBe(created[0]!.body.id);
    const subs = await call('GET', `/subscriptions?customerId=${customerId}`);
    expect(subs.body.data).toHaveLength(1);
    const payments = await call('GET', `/payments?customerId=${customerId}`);
    expect(payments.body.data).toHaveLength(1);
  });

  it('a POST /subscriptions whose answer the gateway lost, sent again with its key, makes no second subscription or charge', async () => {
    const { customerId, priceId } = await shop();
    await card(customerId, '4242424242424242');
    const key = `sub-${Math.random().toString(36).slice(2)}`;
    const first = await call('POST', '/subscriptions', { customerId, priceId }, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    // What a gateway that crashed before saving the answer, or answered 503 past its deadline
    // while billing went on, leaves behind: no record of the key.
    const db = knexFactory({ client: 'pg', connection: testServers().databaseUrl, pool: { min: 0, max: 1 } });
    try {
      await db.withSchema(platform.schemas.gateway).table('idempotency_keys').where({ key }).delete();
    } finally {
      await db.destroy();
    }
    const again = await call('POST', '/subscriptions', { customerId, priceId }, { 'idempotency-key': key });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect((await call('GET', `/subscriptions?customerId=${customerId}`)).body.data).toHaveLength(1);
    expect((await call('GET', `/payments?customerId=${customerId}`)).body.data).toHaveLength(1);
  });

  it('refunds default to what remains, and more than remains is a 422', async () => {
    const { customerId, priceId } = await shop();
    await card(customerId, '4242424242424242');
    const sub = await call('POST', '/subscriptions', { customerId, priceId });
    const invoice = await call('GET', `/invoices/${sub.body.latestInvoiceId}`);
    const paymentId = invoice.body.paymentIds[0];
    const part = await call('POST', `/payments/${paymentId}/refunds`, { amount: 400, reason: 'goodwill' });
    expect(part.status).toBe(201);
    expect(part.body).toEqual({ id: expect.stringMatching(/^re_/), paymentId, amount: 400, currency: 'EUR', reason: 'goodwill', status: 'succeeded', createdAt: expect.any(String) });
    expect((await call('POST', `/payments/${paymentId}/refunds`, { amount: 601 })).status).toBe(422);
    const rest = await call('POST', `/payments/${paymentId}/refunds`, {});
    expect(rest.body.amount).toBe(600);
    expect((await call('GET', `/payments/${paymentId}`)).body).toMatchObject({ status: 'refunded', amountRefunded: 1000 });
  });

  it('refunds are listed newest first, by payment or by customer, and read one by one', async () => {
    const paid = async () => {
      const { customerId, priceId } = await shop();
      await card(customerId, '4242424242424242');
      const sub = await call('POST', '/subscriptions', { customerId, priceId });
      return { customerId, paymentId: (await call('GET', `/invoices/${sub.body.latestInvoiceId}`)).body.paymentIds[0] as string };
    };
    const anna = await paid();
    const ben = await paid();
    const first = (await call('POST', `/payments/${anna.paymentId}/refunds`, { amount: 100 })).body;
    const second = (await call('POST', `/payments/${anna.paymentId}/refunds`, { amount: 200, reason: 'late' })).body;
    const third = (await call('POST', `/payments/${ben.paymentId}/refunds`, {})).body;

    expect((await call('GET', `/refunds?customerId=${anna.customerId}`)).body).toEqual({ data: [second, first], nextCursor: null });
    expect((await call('GET', `/refunds?paymentId=${ben.paymentId}`)).body).toEqual({ data: [third], nextCursor: null });
    const page = await call('GET', `/refunds?customerId=${anna.customerId}&limit=1`);
    expect(page.body).toEqual({ data: [second], nextCursor: expect.any(String) });
    expect((await call('GET', `/refunds?customerId=${anna.customerId}&limit=1&cursor=${page.body.nextCursor}`)).body).toEqual({ data: [first], nextCursor: null });
    expect(await call('GET', `/refunds/${second.id}`)).toMatchObject({ status: 200, body: second });
    // Another environment's refund is unknown there.
    expect((await platform.call('GET', `/refunds/${second.id}`, { token })).status).toBe(404);
    expect((await call('GET', '/refunds?limit=0')).body.errors).toEqual([{ path: 'limit', message: expect.any(String) }]);
  });
});

describe('previewing a change of price', () => {
  it('answers the invoice the change then charges, at the same total', async () => {
    const { customerId, priceId, bundleId } = await shop();
    const dearer = (await call('POST', `/bundles/${bundleId}/prices`, { currency: 'EUR', amount: 3000, interval: 'month', strategy: 'flat' })).body;
    await card(customerId, '4242424242424242');
    const sub = (await call('POST', '/subscriptions', { customerId, priceId })).body;
    // Exactly halfway through the period: the credit (−500) and the charge (+1500) stay put
    // for minutes either side, so the preview and the change agree whatever runs between them.
    const start = new Date(sub.currentPeriodStart).getTime();
    const half = start + Math.floor((new Date(sub.currentPeriodEnd).getTime() - start) / 2000) * 1000;
    await call('POST', '/test-clock/advance', { to: new Date(half).toISOString() });

    const preview = await call('POST', `/subscriptions/${sub.id}/change-price/preview`, { priceId: dearer.id });
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      subscriptionId: sub.id,
      priceId: dearer.id,
      quantity: 1,
      currency: 'EUR',
      at: expect.any(String),
      lines: [
        { description: expect.any(String), amount: -500, quantity: 1, periodStart: expect.any(String), periodEnd: sub.currentPeriodEnd },
        { description: expect.any(String), amount: 1500, quantity: 1, periodStart: expect.any(String), periodEnd: sub.currentPeriodEnd },
      ],
      subtotal: 1000,
      discount: 0,
      tax: 0,
      total: 1000,
      periodStart: sub.currentPeriodStart,
      periodEnd: sub.currentPeriodEnd,
    });
    expect((await call('GET', `/subscriptions/${sub.id}`)).body).toMatchObject({ priceId, latestInvoiceId: sub.latestInvoiceId });

    const changed = await call('POST', `/subscriptions/${sub.id}/change-price`, { priceId: dearer.id });
    const invoice = (await call('GET', `/invoices/${changed.body.latestInvoiceId}`)).body;
    expect(invoice).toMatchObject({ status: 'paid', total: preview.body.total, subtotal: preview.body.subtotal, tax: preview.body.tax });
    expect(invoice.lines.map((l: { amount: number }) => l.amount)).toEqual(preview.body.lines.map((l: { amount: number }) => l.amount));
  });

  it('refuses what the change refuses: an archived price is a 422 naming priceId, a bad quantity a 400', async () => {
    const { customerId, priceId, bundleId } = await shop();
    const old = (await call('POST', `/bundles/${bundleId}/prices`, { currency: 'EUR', amount: 2000, interval: 'month', strategy: 'flat' })).body;
    await call('POST', `/prices/${old.id}/archive`);
    await card(customerId, '4242424242424242');
    const sub = (await call('POST', '/subscriptions', { customerId, priceId })).body;
    const refused = await call('POST', `/subscriptions/${sub.id}/change-price/preview`, { priceId: old.id });
    expect(refused).toMatchObject({ status: 422, body: { code: 'price_not_sellable', errors: [{ path: 'priceId', message: 'price_archived' }] } });
    const invalid = await call('POST', `/subscriptions/${sub.id}/change-price/preview`, { priceId: old.id, quantity: 0 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { path: string }) => e.path)).toEqual(['quantity']);
    expect((await call('POST', '/subscriptions/sub_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M/change-price/preview', { priceId })).status).toBe(404);
  });
});

describe('the test clock', () => {
  it('is a 404 in production', async () => {
    expect((await platform.call('GET', '/test-clock', { token })).status).toBe(404);
    expect((await platform.call('POST', '/test-clock/advance', { token, body: { to: new Date(Date.now() + DAY).toISOString() } })).status).toBe(404);
  });

  it('refuses a time that is not later than now', async () => {
    const now = (await call('GET', '/test-clock')).body.now;
    expect((await call('POST', '/test-clock/advance', { to: now })).status).toBe(400);
  });

  it('renews, then dunning on a declining card ends in canceled', async () => {
    const { token: own } = await platform.createTenant();
    const as = (method: string, path: string, body?: unknown) => platform.call(method, path, { token: own, body, headers: sandbox });
    const bundle = await as('POST', '/bundles', { name: 'Basic', entitlements: [] });
    const price = await as('POST', `/bundles/${bundle.body.id}/prices`, { currency: 'EUR', amount: 500, interval: 'month', strategy: 'flat', trialDays: 3 });
    const customer = await as('POST', '/customers', { email: 'dunning@example.com' });
    await as('POST', `/customers/${customer.body.id}/payment-methods`, { type: 'card', card: { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' } });
    const sub = await as('POST', '/subscriptions', { customerId: customer.body.id, priceId: price.body.id });
    expect(sub.body.status).toBe('trialing');

    const trialEnd = new Date(sub.body.trialEnd).getTime();
    const converted = await as('POST', '/test-clock/advance', { to: new Date(trialEnd + 1000).toISOString() });
    expect(converted.status).toBe(200);
    expect(converted.body.processed).toEqual({ renewals: 0, trialConversions: 1, retries: 0, cancellations: 0 });
    const active = await as('GET', `/subscriptions/${sub.body.id}`);
    expect(active.body.status).toBe('active');

    const renewed = await as('POST', '/test-clock/advance', { to: new Date(new Date(active.body.currentPeriodEnd).getTime() + 1000).toISOString() });
    expect(renewed.body.processed.renewals).toBe(1);

    // The default card now declines every charge.
    const bad = await as('POST', `/customers/${customer.body.id}/payment-methods`, {
      type: 'card',
      card: { number: '4000000000000341', expMonth: 12, expYear: 2040, cvc: '123' },
      default: true,
    });
    expect(bad.body.default).toBe(true);
    const current = await as('GET', `/subscriptions/${sub.body.id}`);
    const end = new Date(current.body.currentPeriodEnd).getTime();
    const dunning = await as('POST', '/test-clock/advance', { to: new Date(end + 8 * DAY).toISOString() });
    expect(dunning.body.processed).toEqual({ renewals: 1, trialConversions: 0, retries: 3, cancellations: 1 });
    const canceled = await as('GET', `/subscriptions/${sub.body.id}`);
    expect(canceled.body.status).toBe('canceled');
    expect((await as('GET', `/customers/${customer.body.id}/entitlements`)).body.data).toEqual([]);
    const clock = await as('GET', '/test-clock');
    expect(new Date(clock.body.now).getTime()).toBeGreaterThanOrEqual(end + 8 * DAY);
  });
});
