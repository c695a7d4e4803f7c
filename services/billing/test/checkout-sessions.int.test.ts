import { createHash, randomBytes } from 'node:crypto';
import { createGrpcClient, type CallContext } from '@azotte/common';
import { billingV1, type catalogV1 } from '@azotte/proto';
import { failureOf, startHarness, type Harness, type TestTenant } from './support/harness';

let h: Harness;
let t: TestTenant;

beforeAll(async () => {
  h = await startHarness('billing_checkout');
  t = await h.newTenant();
});
afterAll(async () => h?.close());

const CARDS = { ok: '4242424242424242', declined: '4000000000000002', declinesCharges: '4000000000000341' };
const card = (number: string): billingV1.Card => ({ number, expMonth: 12, expYear: 2040, cvc: '123' });
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const email = () => `buyer-${randomBytes(4).toString('hex')}@example.com`;

/** A storefront selling in Germany in EUR, with a customer of it and a monthly EUR price. */
async function shop(ctx: CallContext = t.adminInSandbox, price: Partial<catalogV1.CreatePriceRequest> = {}) {
  const s = await h.shop(ctx, price, {});
  return { ...s, storefrontId: s.storefrontId! };
}

function newSession(ctx: CallContext, fields: Partial<billingV1.CreateCheckoutSessionRequest> & { storefrontId: string; priceIds: string[] }) {
  return h.client.createCheckoutSession(
    {
      customerId: '',
      customerEmail: '',
      quantity: 0,
      couponCode: '',
      successUrl: 'https://shop.example/thanks',
      cancelUrl: 'https://shop.example/back',
      expiresInMinutes: 0,
      ...fields,
    },
    { context: ctx },
  );
}

/** The context the gateway calls with for a hosted page: the page's session as an operator. */
const hostedAs = (ctx: CallContext, sessionId: string): CallContext => ({ ...ctx, actor: { type: 'hosted_session', id: sessionId, role: 'operator' } });

function complete(ctx: CallContext, session: billingV1.CheckoutSession, fields: Partial<billingV1.CompleteCheckoutSessionRequest> = {}) {
  return h.client.completeCheckoutSession(
    { id: session.id, priceId: session.priceIds[0]!, email: '', card: card(CARDS.ok), couponCode: '', name: '', ...fields },
    { context: hostedAs(ctx, session.id) },
  );
}

async function customersWithEmail(ctx: CallContext, address: string) {
  return (await h.customers.listCustomers({ email: address, query: '', page: { limit: 10, cursor: '' } }, { context: ctx })).data;
}

const subscriptionsOf = (ctx: CallContext, customerId: string) => h.client.listSubscriptions({ customerId, status: '' }, { context: ctx });

describe('creating a checkout session', () => {
  it('opens a session for a named customer and answers its secret once, keeping only its hash', async () => {
    const ctx = t.adminInSandbox;
    const { customer, price, storefrontId } = await shop();
    const session = await newSession(ctx, { storefrontId, priceIds: [price.id], customerId: customer.id });
    expect(session).toMatchObject({ status: 'open', storefrontId, priceIds: [price.id], customerId: customer.id, quantity: 1, allowCoupons: true, subscriptionId: '' });
    expect(session.id).toMatch(/^cs_/);
    expect(session.secret).toMatch(/^hs_[A-Za-z0-9_-]{43}$/);

    const again = await h.client.getCheckoutSession({ id: session.id }, { context: ctx });
    expect(again).toEqual({ ...session, secret: '' });
    const row = await h.db('checkout_sessions').where({ id: session.id }).first();
    expect(row.secret_sha256).toBe(sha256(session.secret));
    expect(JSON.stringify(row)).not.toContain(session.secret);

    const [created] = await h.eventsOfType('billing.checkout_session.created.v1', (e) => e.payload.checkoutSession.id === session.id);
    expect(created!.payload.checkoutSession).toMatchObject({ id: session.id, status: 'open' });
    expect(JSON.stringify(created!.payload)).not.toContain(session.secret);
  });

  it('opens a session for an email, lower-cased, expiring after a day unless told otherwise', async () => {
    const { price, storefrontId } = await shop();
    const session = await newSession(t.adminInSandbox, { storefrontId, priceIds: [price.id], customerEmail: ' Ann@Example.COM ' });
    expect(session).toMatchObject({ customerEmail: 'ann@example.com', customerId: '' });
    expect(Date.parse(session.expiresAt!) - Date.parse(session.createdAt!)).toBe(1440 * 60_000);
    const short = await newSession(t.adminInSandbox, { storefrontId, priceIds: [price.id], expiresInMinutes: 30, allowCoupons: false });
    expect(Date.parse(short.expiresAt!) - Date.parse(short.createdAt!)).toBe(30 * 60_000);
    expect(short.allowCoupons).toBe(false);
  });

  it('names every invalid field at once', async () => {
    const { customer, storefrontId } = await shop();
    const failure = await failureOf(
      newSession(t.adminInSandbox, {
        storefrontId,
        priceIds: [],
        successUrl: 'ftp://shop.example/ok',
        cancelUrl: '/back',
        expiresInMinutes: 4,
        quantity: 2_000_000,
        customerId: customer.id,
        customerEmail: 'not-an-email',
      }),
    );
    expect(failure.kind).toBe('invalid_argument');
    expect(failure.fields.map((f) => f.path).sort()).toEqual(
      ['cancelUrl', 'customerEmail', 'customerEmail', 'expiresInMinutes', 'priceIds', 'quantity', 'successUrl'].sort(),
    );
  });

  it('refuses more than five prices, a repeated one, a too long URL, an unknown customer and storefront', async () => {
    const { price } = await shop();
    const failure = await failureOf(
      newSession(t.adminInSandbox, {
        storefrontId: 'sf_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M',
        priceIds: [price.id, price.id, 'p3', 'p4', 'p5', 'p6'],
        successUrl: `https://shop.example/${'x'.repeat(2000)}`,
        customerId: 'cus_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M',
      }),
    );
    expect(failure).toMatchObject({ kind: 'invalid_argument' });
    expect(failure.fields).toEqual(
      expect.arrayContaining([
        { path: 'priceIds', message: 'must name 1 to 5 prices' },
        { path: 'priceIds[1]', message: 'is named twice' },
        { path: 'successUrl', message: 'must be at most 2000 characters' },
        { path: 'storefrontId', message: 'is not a storefront of this environment' },
        { path: 'customerId', message: 'is not a customer of this environment' },
      ]),
    );
  });

  it('is a 422 price_not_sellable naming each price the storefront cannot sell, and why', async () => {
    const ctx = t.adminInSandbox;
    const { bundle, price, storefrontId } = await shop();
    const other = await shop();
    const archived = await h.catalog.createPrice({ ...priceOf(bundle.id), amount: 1500 }, { context: ctx });
    await h.catalog.archivePrice({ id: archived.id }, { context: ctx });
    const elsewhere = await h.catalog.createPrice({ ...priceOf(bundle.id), storefrontIds: [other.storefrontId] }, { context: ctx });
    const dollars = await h.catalog.createPrice({ ...priceOf(bundle.id), currency: 'USD' }, { context: ctx });
    const failure = await failureOf(newSession(ctx, { storefrontId, priceIds: [price.id, archived.id, elsewhere.id, dollars.id] }));
    expect(failure).toMatchObject({ kind: 'unprocessable', code: 'price_not_sellable' });
    expect(failure.fields).toEqual([
      { path: 'priceIds[1]', message: 'price_archived' },
      { path: 'priceIds[2]', message: 'storefront_not_allowed' },
      { path: 'priceIds[3]', message: 'currency USD is not offered by the storefront' },
    ]);
  });

  it('refuses a viewer and an erased customer', async () => {
    const { customer, price, storefrontId } = await shop();
    expect(await failureOf(newSession(t.as('viewer'), { storefrontId, priceIds: [price.id] }))).toMatchObject({ kind: 'permission_denied' });
    await h.customers.eraseCustomer({ id: customer.id }, { context: t.adminInSandbox });
    expect(await failureOf(newSession(t.adminInSandbox, { storefrontId, priceIds: [price.id], customerId: customer.id }))).toMatchObject({
      kind: 'unprocessable',
      code: 'customer_erased',
    });
  });
});

const priceOf = (bundleId: string): catalogV1.CreatePriceRequest => ({
  bundleId,
  currency: 'EUR',
  amount: 1000,
  strategy: 'flat',
  tiers: [],
  interval: 'month',
  intervalCount: 1,
  trialDays: 0,
  storefrontIds: [],
  countries: [],
});

describe('completing a checkout session', () => {
  it('creates the customer in the storefront, subscribes it and completes, once', async () => {
    const ctx = t.adminInSandbox;
    const { price, storefrontId } = await shop();
    const buyer = email();
    const session = await newSession(ctx, { storefrontId, priceIds: [price.id] });
    const done = await complete(ctx, session, { email: buyer, name: 'Bea Buyer' });
    expect(done).toMatchObject({ id: session.id, status: 'complete', priceId: price.id, secret: '' });
    expect(done.subscriptionId).toMatch(/^sub_/);
    expect(done.completedAt).toBeDefined();

    const [customer, ...more] = await customersWithEmail(ctx, buyer);
    expect(more).toEqual([]);
    expect(customer).toMatchObject({ id: done.customerId, name: 'Bea Buyer', storefrontId, locale: 'de-DE', country: 'DE' });
    const sub = await h.client.getSubscription({ id: done.subscriptionId }, { context: ctx });
    expect(sub).toMatchObject({ status: 'active', customerId: customer!.id, storefrontId, priceId: price.id });
    const [completed] = await h.eventsOfType('billing.checkout_session.completed.v1', (e) => e.payload.checkoutSession.id === session.id);
    expect(completed!.payload.checkoutSession).toMatchObject({ status: 'complete', subscriptionId: sub.id, customerId: customer!.id });

    // Submitted again (a refresh, a retry): answered as it is, nothing more created.
    expect(await complete(ctx, session, { email: buyer })).toEqual(done);
    expect((await subscriptionsOf(ctx, customer!.id)).data).toHaveLength(1);
  });

  it('subscribes the existing customer with the session email', async () => {
    const ctx = t.adminInSandbox;
    const { customer, price, storefrontId } = await shop();
    const session = await newSession(ctx, { storefrontId, priceIds: [price.id], customerEmail: customer.email! });
    const done = await complete(ctx, session);
    expect(done.customerId).toBe(customer.id);
    expect(await customersWithEmail(ctx, customer.email!)).toHaveLength(1);
  });

  it('completes at most once under 20 concurrent calls: one customer, one card, one subscription', async () => {
    const ctx = t.adminInSandbox;
    const { price, storefrontId } = await shop();
    const buyer = email();
    const session = await newSession(ctx, { storefrontId, priceIds: [price.id] });
    const answers = await Promise.all(Array.from({ length: 20 }, () => complete(ctx, session, { email: buyer })));
    const subscriptionIds = new Set(answers.map((a) => a.subscriptionId));
    expect(subscriptionIds.size).toBe(1);
    expect(answers.every((a) => a.id === session.id && a.status === 'complete')).toBe(true);

    const customers = await customersWithEmail(ctx, buyer);
    expect(customers).toHaveLength(1);
    expect((await subscriptionsOf(ctx, customers[0]!.id)).data.map((s) => s.id)).toEqual([...subscriptionIds]);
    expect((await h.client.listPaymentMethods({ customerId: customers[0]!.id }, { context: ctx })).data).toHaveLength(1);
    const charges = await h.db('payments').where({ customer_id: customers[0]!.id });
    expect(charges).toHaveLength(1);
    const outbox = await h.db('outbox').where({ routing_key: 'billing.checkout_session.completed.v1' }).select('payload');
    const completions = outbox.filter((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload).checkoutSession.id === session.id);
    expect(completions).toHaveLength(1);
  });

  it('completes once when two replicas take the calls: the advisory lock serializes them', async () => {
    const ctx = t.adminInSandbox;
    const { price, storefrontId } = await shop();
    const buyer = email();
    const session = await newSession(ctx, { storefrontId, priceIds: [price.id] });
    const replica = await h.replica();
    const other = createGrpcClient(billingV1.BillingServiceService, `127.0.0.1:${replica.port}`, { name: 'billing-replica' });
    try {
      const request = { id: session.id, priceId: price.id, email: buyer, card: card(CARDS.ok), couponCode: '', name: '' };
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? other : h.client).completeCheckoutSession(request, { context: hostedAs(ctx, session.id) })),
      );
      expect(new Set(answers.map((a) => a.subscriptionId)).size).toBe(1);
      const customers = await customersWithEmail(ctx, buyer);
      expect(customers).toHaveLength(1);
      expect((await subscriptionsOf(ctx, customers[0]!.id)).data).toHaveLength(1);
    } finally {
      other.close();
    }
  });

  it('leaves the session open after a card declined at attach; the next card subscribes the same customer', async () => {
    const ctx = t.adminInSandbox;
    const { price, storefrontId } = await shop();
    const buyer = email();
    const session = await newSession(ctx, { storefrontId, priceIds: [price.id] });
    const declined = await failureOf(complete(ctx, session, { email: buyer, card: card(CARDS.declined) }));
    expect(declined).toMatchObject({ kind: 'payment_required', code: 'card_declined', fields: [{ path: 'card.number', message: 'card_declined' }] });
    const open = await h.client.getCheckoutSession({ id: session.id }, { context: ctx });
    expect(open).toMatchObject({ status: 'open', subscriptionId: '' });
    const [customer] = await customersWithEmail(ctx, buyer);
    expect(open.customerId).toBe(customer!.id);
    expect((await subscriptionsOf(ctx, customer!.id)).data).toEqual([]);

    const done = await complete(ctx, session, { email: buyer });
    expect(done).toMatchObject({ status: 'complete', customerId: customer!.id });
    expect(await customersWithEmail(ctx, buyer)).toHaveLength(1);
  });

  it('pays the incomplete subscription of a declined first charge with the next card, not a second one', async () => {
    const ctx = t.adminInSandbox;
    const { price, storefrontId } = await shop();
    const buyer = email();
    const session = await newSession(ctx, { storefrontId, priceIds: [price.id] });
    const declined = await failureOf(complete(ctx, session, { email: buyer, card: card(CARDS.declinesCharges) }));
    expect(declined).toMatchObject({ kind: 'payment_required', code: 'card_declined', fields: [{ path: 'card.number', message: 'card_declined' }] });
    const row = await h.db('checkout_sessions').where({ id: session.id }).first();
    expect(row).toMatchObject({ status: 'open', subscription_id: expect.stringMatching(/^sub_/) });
    const incomplete = await h.client.getSubscription({ id: row.subscription_id }, { context: ctx });
    expect(incomplete.status).toBe('incomplete');
    expect((await h.client.getCheckoutSession({ id: session.id }, { context: ctx })).subscriptionId).toBe('');

    const done = await complete(ctx, session, { email: buyer, card: card(CARDS.ok) });
    expect(done).toMatchObject({ status: 'complete', subscriptionId: incomplete.id });
    expect((await h.client.getSubscription({ id: incomplete.id }, { context: ctx })).status).toBe('active');
    expect((await subscriptionsOf(ctx, incomplete.customerId)).data).toHaveLength(1);
    // Renewals go to the card that paid: it is the default, and the subscription names none.
    const methods = (await h.client.listPaymentMethods({ customerId: incomplete.customerId }, { context: ctx })).data;
    expect(methods.find((m) => m.default)?.last4).toBe('4242');
  });

  it('ends the unpaid subscription of a declined attempt when the next one chooses another price', async () => {
    const ctx = t.adminInSandbox;
    const { bundle, price, storefrontId } = await shop();
    const yearly = await h.catalog.createPrice({ ...priceOf(bundle.id), amount: 10_000, interval: 'year' }, { context: ctx });
    const buyer = email();
    const session = await newSession(ctx, { storefrontId, priceIds: [price.id, yearly.id] });
    await failureOf(complete(ctx, session, { email: buyer, card: card(CARDS.declinesCharges) }));
    const first = (await h.db('checkout_sessions').where({ id: session.id }).first()).subscription_id as string;

    const done = await complete(ctx, session, { email: buyer, priceId: yearly.id });
    expect(done).toMatchObject({ status: 'complete', priceId: yearly.id });
    expect(done.subscriptionId).not.toBe(first);
    expect((await h.client.getSubscription({ id: first }, { context: ctx })).status).toBe('incomplete_expired');
    expect((await h.client.getSubscription({ id: done.subscriptionId }, { context: ctx })).status).toBe('active');
  });

  it('starts a trial with no payment', async () => {
    const ctx = t.adminInSandbox;
    const { price, storefrontId } = await shop(t.adminInSandbox, { trialDays: 14 });
    const session = await newSession(ctx, { storefrontId, priceIds: [price.id] });
    const done = await complete(ctx, session, { email: email() });
    expect(done.status).toBe('complete');
    expect((await h.client.getSubscription({ id: done.subscriptionId }, { context: ctx })).status).toBe('trialing');
    expect(await h.db('payments').where({ customer_id: done.customerId })).toEqual([]);
  });

  it('uses the session coupon, and a typed one only when the session allows coupons', async () => {
    const ctx = t.adminInSandbox;
    const { price, storefrontId } = await shop();
    h.campaign.coupons.set('WELCOME', {
      applied: { campaignId: 'cmp_welcome', variant: '', code: 'WELCOME', offer: { type: 'percent_off', percentOff: '10', durationCycles: 1 } },
    });
    h.campaign.coupons.set('EXPIRED', { reason: 'expired' });
    const closed = await newSession(ctx, { storefrontId, priceIds: [price.id], couponCode: 'WELCOME', allowCoupons: false });
    const done = await complete(ctx, closed, { email: email(), couponCode: 'EXPIRED' });
    const sub = await h.client.getSubscription({ id: done.subscriptionId }, { context: ctx });
    expect(sub.discount).toMatchObject({ campaignId: 'cmp_welcome', code: 'WELCOME' });

    const open = await newSession(ctx, { storefrontId, priceIds: [price.id] });
    expect(await failureOf(complete(ctx, open, { email: email(), couponCode: 'EXPIRED' }))).toMatchObject({
      kind: 'unprocessable',
      code: 'coupon_expired',
      fields: [{ path: 'couponCode', message: 'expired' }],
    });
    expect((await h.client.getCheckoutSession({ id: open.id }, { context: ctx })).status).toBe('open');
  });

  it('names the fields of a bad completion: a price not offered, a missing email', async () => {
    const ctx = t.adminInSandbox;
    const { price, storefrontId } = await shop();
    const session = await newSession(ctx, { storefrontId, priceIds: [price.id] });
    const failure = await failureOf(complete(ctx, session, { priceId: 'price_other' }));
    expect(failure).toMatchObject({ kind: 'invalid_argument' });
    expect(failure.fields).toEqual([
      { path: 'priceId', message: "is not one of the session's prices" },
      { path: 'email', message: 'is required' },
    ]);
  });
});

describe('expiry', () => {
  it('expires by the environment clock: answered expired, completion refused', async () => {
    const tt = await h.newTenant();
    const ctx = tt.adminInSandbox;
    const { price, storefrontId } = await shop(ctx);
    const session = await newSession(ctx, { storefrontId, priceIds: [price.id], expiresInMinutes: 5 });
    await h.client.advanceTestClock({ to: new Date(Date.parse(session.expiresAt!) + 1000).toISOString() }, { context: ctx });
    expect((await h.client.getCheckoutSession({ id: session.id }, { context: ctx })).status).toBe('expired');
    expect(await failureOf(complete(ctx, session, { email: email() }))).toMatchObject({ kind: 'conflict', code: 'session_expired' });
    // Expiring it now changes nothing: it already is.
    expect((await h.client.expireCheckoutSession({ id: session.id }, { context: ctx })).status).toBe('expired');
    expect((await h.db('checkout_sessions').where({ id: session.id }).first()).status).toBe('open');
  });

  it('expires on request, once, and never a complete session', async () => {
    const ctx = t.adminInSandbox;
    const { price, storefrontId } = await shop();
    const session = await newSession(ctx, { storefrontId, priceIds: [price.id] });
    const expired = await h.client.expireCheckoutSession({ id: session.id }, { context: ctx });
    expect(expired.status).toBe('expired');
    expect(await h.client.expireCheckoutSession({ id: session.id }, { context: ctx })).toEqual(expired);
    expect(await failureOf(complete(ctx, session, { email: email() }))).toMatchObject({ kind: 'conflict', code: 'session_expired' });
    await h.eventsOfType('billing.checkout_session.expired.v1', (e) => e.payload.checkoutSession.id === session.id);

    const other = await newSession(ctx, { storefrontId, priceIds: [price.id] });
    await complete(ctx, other, { email: email() });
    expect(await failureOf(h.client.expireCheckoutSession({ id: other.id }, { context: ctx }))).toMatchObject({ kind: 'conflict', code: 'session_complete' });
  });
});

describe('resolving a hosted page secret', () => {
  const asSystem: CallContext = { actor: { type: 'system', id: 'gateway', role: 'system' } };

  it('finds a checkout session by the hash of its secret, in any tenant, as a service only', async () => {
    const ctx = t.adminInSandbox;
    const { price, storefrontId } = await shop();
    const session = await newSession(ctx, { storefrontId, priceIds: [price.id] });
    const found = await h.client.resolveHostedSession({ secretSha256: sha256(session.secret) }, { context: asSystem });
    expect(found).toMatchObject({
      kind: 'checkout',
      tenantId: t.tenant.id,
      environmentId: ctx.scope!.environmentId,
      environmentKind: 'sandbox',
      status: 'open',
      checkout: { id: session.id, secret: '' },
    });
    expect(found.portal).toBeUndefined();
    expect(await failureOf(h.client.resolveHostedSession({ secretSha256: sha256(session.secret) }, { context: ctx }))).toMatchObject({
      kind: 'permission_denied',
    });
    expect(await failureOf(h.client.resolveHostedSession({ secretSha256: sha256('hs_unknown') }, { context: asSystem }))).toMatchObject({
      kind: 'not_found',
    });

    await complete(ctx, session, { email: email() });
    expect((await h.client.resolveHostedSession({ secretSha256: sha256(session.secret) }, { context: asSystem })).status).toBe('complete');
  });

  it('opens a portal session for a customer for one hour of real time', async () => {
    const ctx = t.adminInSandbox;
    const { customer, storefrontId } = await shop();
    const before = Date.now();
    const portal = await h.client.createPortalSession({ customerId: customer.id, returnUrl: 'https://shop.example/account', storefrontId: '' }, { context: ctx });
    expect(portal).toMatchObject({ customerId: customer.id, storefrontId, returnUrl: 'https://shop.example/account' });
    expect(portal.id).toMatch(/^cps_/);
    expect(portal.secret).toMatch(/^hs_[A-Za-z0-9_-]{43}$/);
    const lifetime = Date.parse(portal.expiresAt!) - before;
    expect(lifetime).toBeGreaterThan(3_590_000);
    expect(lifetime).toBeLessThanOrEqual(3_600_000 + 5_000);

    const found = await h.client.resolveHostedSession({ secretSha256: sha256(portal.secret) }, { context: asSystem });
    expect(found).toMatchObject({ kind: 'portal', status: 'open', tenantId: t.tenant.id, environmentKind: 'sandbox', portal: { id: portal.id, secret: '' } });
    expect(found.checkout).toBeUndefined();

    await h.db('portal_sessions').where({ id: portal.id }).update({ expires_at: new Date(Date.now() - 1000) });
    expect((await h.client.resolveHostedSession({ secretSha256: sha256(portal.secret) }, { context: asSystem })).status).toBe('expired');
  });

  it('refuses a portal session for an unknown or erased customer, or with a relative return URL', async () => {
    const ctx = t.adminInSandbox;
    const { customer } = await shop();
    const bad = await failureOf(h.client.createPortalSession({ customerId: 'cus_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M', returnUrl: '/account', storefrontId: '' }, { context: ctx }));
    expect(bad).toMatchObject({ kind: 'invalid_argument' });
    expect(bad.fields.map((f) => f.path).sort()).toEqual(['customerId', 'returnUrl']);
    await h.customers.eraseCustomer({ id: customer.id }, { context: ctx });
    expect(
      await failureOf(h.client.createPortalSession({ customerId: customer.id, returnUrl: 'https://shop.example/account', storefrontId: '' }, { context: ctx })),
    ).toMatchObject({ kind: 'unprocessable', code: 'customer_erased' });
  });
});

describe('resuming a subscription', () => {
  it('undoes a cancel at period end, with an event; one not set to cancel is unchanged; an ended one is refused', async () => {
    const ctx = t.adminInSandbox;
    const { customer, price } = await shop();
    await h.card(ctx, customer.id);
    const sub = await h.client.createSubscription({ customerId: customer.id, priceId: price.id, quantity: 1, paymentMethodId: '', couponCode: '', storefrontId: '' }, { context: ctx });
    await h.client.cancelSubscription({ id: sub.id, atPeriodEnd: true }, { context: ctx });
    const resumed = await h.client.resumeSubscription({ id: sub.id }, { context: ctx });
    expect(resumed).toMatchObject({ status: 'active', cancelAtPeriodEnd: false });
    expect(resumed.canceledAt).toBeUndefined();
    const [event] = await h.eventsOfType('billing.subscription.resumed.v1', (e) => e.payload.subscription.id === sub.id);
    expect(event!.payload).toMatchObject({ previousStatus: 'active', subscription: { cancelAtPeriodEnd: false, status: 'active' } });

    expect(await h.client.resumeSubscription({ id: sub.id }, { context: ctx })).toEqual(resumed);
    await h.client.cancelSubscription({ id: sub.id, atPeriodEnd: false }, { context: ctx });
    expect(await failureOf(h.client.resumeSubscription({ id: sub.id }, { context: ctx }))).toMatchObject({ kind: 'unprocessable', code: 'subscription_ended' });
  });
});
