import { startPlatform, storefrontBody, type Platform } from './support/platform';

let platform: Platform;
let token: string;
const sandbox = { 'x-environment': 'sandbox' };

beforeAll(async () => {
  platform = await startPlatform('checkout');
  ({ token } = await platform.createTenant());
});
afterAll(async () => {
  await platform.stop();
});

const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  platform.call(method, path, { token, body, headers: { ...sandbox, ...headers } });

/** A hosted page's call: its secret is the only credential. */
const hosted = (secret: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  platform.call(method, `/hosted${path}`, { body, headers: { 'x-hosted-session': secret, ...headers } });

const secretOf = (url: string) => new URL(url).pathname.split('/').at(-1)!;

const CARD = { expMonth: 12, expYear: 2040, cvc: '123' };
const card = (number: string) => ({ number, ...CARD });

/** A de-DE storefront with 19 % VAT included, a bundle with two monthly prices (9.99 and 19.99 EUR) and a trial price. */
async function shop() {
  const sf = await call('POST', '/storefronts', storefrontBody());
  expect(sf.status).toBe(201);
  const bundle = await call('POST', '/bundles', { name: 'Premium', entitlements: [{ key: 'hd', value: true }, { key: 'screens', value: 4 }] });
  expect(bundle.status).toBe(201);
  const price = async (body: Record<string, unknown>) => {
    const res = await call('POST', `/bundles/${bundle.body.id}/prices`, { currency: 'EUR', interval: 'month', strategy: 'flat', ...body });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  return {
    storefrontId: sf.body.id as string,
    bundleId: bundle.body.id as string,
    basic: await price({ amount: 999 }),
    plus: await price({ amount: 1999 }),
    trial: await price({ amount: 999, trialDays: 14 }),
  };
}

async function checkout(body: Record<string, unknown>) {
  const res = await call('POST', '/checkout-sessions', { successUrl: 'https://shop.example/thanks', cancelUrl: 'https://shop.example/plans', ...body });
  expect(res.status).toBe(201);
  return { session: res.body, secret: secretOf(res.body.url) };
}

const email = () => `buyer-${Math.random().toString(36).slice(2, 10)}@example.com`;

describe('creating a checkout session', () => {
  it('answers API.md\'s fields and a url to its page holding a 256-bit secret; GET answers the same without the url', async () => {
    const { storefrontId, basic, plus } = await shop();
    const res = await call('POST', '/checkout-sessions', { storefrontId, priceIds: [basic, plus], customerEmail: 'Ann@Example.com', successUrl: 'https://shop.example/ok', cancelUrl: 'https://shop.example/no' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^cs_/),
      status: 'open',
      storefrontId,
      priceIds: [basic, plus],
      customerId: null,
      customerEmail: 'ann@example.com',
      subscriptionId: null,
      successUrl: 'https://shop.example/ok',
      cancelUrl: 'https://shop.example/no',
      allowCoupons: true,
      quantity: 1,
    });
    expect(res.body.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/checkout\/hs_[A-Za-z0-9_-]{43}$/);
    const expiresIn = Date.parse(res.body.expiresAt) - Date.parse(res.body.createdAt);
    expect(expiresIn).toBe(24 * 3600_000);
    const got = await call('GET', `/checkout-sessions/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual({ ...res.body, url: null });
  });

  it('names every invalid field at once, and refuses a customer given both ways', async () => {
    const res = await call('POST', '/checkout-sessions', { storefrontId: 'sf_x', priceIds: [], successUrl: '/relative', cancelUrl: 'ftp://x', expiresInMinutes: 2 });
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['priceIds', 'successUrl', 'cancelUrl', 'expiresInMinutes']));
    const both = await call('POST', '/checkout-sessions', { storefrontId: 'sf_x', priceIds: ['price_x'], customerId: 'cus_x', customerEmail: 'a@b.co', successUrl: 'https://a.b/', cancelUrl: 'https://a.b/' });
    expect(both.status).toBe(400);
    expect(both.body.errors).toEqual([expect.objectContaining({ path: 'customerEmail' })]);
  });

  it('refuses, with a 422 naming it, a price the storefront cannot sell: archived, or in a currency it does not offer', async () => {
    const { storefrontId, basic, bundleId } = await shop();
    const usd = await call('POST', `/bundles/${bundleId}/prices`, { currency: 'USD', amount: 999, interval: 'month', strategy: 'flat' });
    const archived = await call('POST', `/bundles/${bundleId}/prices`, { currency: 'EUR', amount: 500, interval: 'month', strategy: 'flat' });
    expect((await call('POST', `/prices/${archived.body.id}/archive`)).status).toBe(200);
    for (const [bad, index] of [[usd.body.id, 1], [archived.body.id, 1]] as const) {
      const res = await call('POST', '/checkout-sessions', { storefrontId, priceIds: [basic, bad], successUrl: 'https://a.b/', cancelUrl: 'https://a.b/' });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('price_not_sellable');
      expect(res.body.errors).toEqual([expect.objectContaining({ path: `priceIds[${index}]` })]);
    }
  });

  it('is the checkoutSessions row of the role table: a Viewer reads but cannot create', async () => {
    const { storefrontId, basic } = await shop();
    const { session } = await checkout({ storefrontId, priceIds: [basic] });
    const viewer = await platform.createUser(token, 'viewer');
    const asViewer = (method: string, path: string, body?: unknown) => platform.call(method, path, { token: viewer.token, body, headers: sandbox });
    expect((await asViewer('GET', `/checkout-sessions/${session.id}`)).status).toBe(200);
    const refused = await asViewer('POST', '/checkout-sessions', { storefrontId, priceIds: [basic], successUrl: 'https://a.b/', cancelUrl: 'https://a.b/' });
    expect(refused.status).toBe(403);
  });
});

describe('the checkout page\'s calls', () => {
  it('show the storefront\'s look, the bundle, each price with its VAT and trial, and the sandbox\'s test cards', async () => {
    const { storefrontId, basic, trial } = await shop();
    const { secret } = await checkout({ storefrontId, priceIds: [basic, trial] });
    const page = await hosted(secret, 'GET', '/checkout');
    expect(page.status).toBe(200);
    expect(page.body.storefront).toMatchObject({ id: storefrontId, theme: 'dark', primaryColor: '#112233', locale: 'de-DE', taxBehavior: 'inclusive', taxRatePercent: '19' });
    expect(page.body.environment).toEqual({ kind: 'sandbox' });
    expect(page.body.paymentMethodTypes).toEqual(['card']);
    expect(page.body.testCards.map((c: { number: string }) => c.number)).toContain('4242424242424242');
    const [first, second] = page.body.prices;
    // 9.99 with 19 % included: 1.60 of it is tax (999 × 19 / 119 = 159.5 → 160).
    expect(first).toMatchObject({ id: basic, currency: 'EUR', amount: 999, interval: 'month', trialDays: 0, tax: { behavior: 'inclusive', amount: 160 }, dueToday: 999 });
    expect(first.bundle).toMatchObject({ name: 'Premium', entitlements: [{ key: 'hd', value: 'true' }, { key: 'screens', value: '4' }] });
    expect(second).toMatchObject({ id: trial, trialDays: 14, dueToday: 0 });
  });

  it('refuse a missing or unknown secret with a 401, never another session\'s data', async () => {
    expect((await platform.call('GET', '/hosted/checkout')).status).toBe(401);
    const unknown = await hosted(`hs_${'A'.repeat(43)}`, 'GET', '/checkout');
    expect(unknown.status).toBe(401);
    expect(unknown.body.detail).toBe('This link is not valid.');
  });

  it('evaluate a coupon as it is typed: an unknown one says why, a valid one lowers what is due today', async () => {
    const { storefrontId, basic } = await shop();
    const code = `SAVE${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
    const campaign = await call('POST', '/campaigns', { name: 'Launch', offer: { type: 'percent_off', percentOff: 20 }, codes: [{ code }] });
    expect(campaign.status).toBe(201);
    expect((await call('POST', `/campaigns/${campaign.body.id}/activate`)).status).toBe(200);
    const { secret } = await checkout({ storefrontId, priceIds: [basic] });
    const unknown = await hosted(secret, 'POST', '/checkout/coupon', { code: 'NOPE', priceId: basic });
    expect(unknown.status).toBe(200);
    expect(unknown.body).toMatchObject({ code: 'NOPE', applies: false, reason: 'unknown_code', dueToday: 999 });
    const valid = await hosted(secret, 'POST', '/checkout/coupon', { code: code.toLowerCase(), priceId: basic });
    expect(valid.body).toMatchObject({ code, applies: true, reason: null, discount: { type: 'percent_off', percentOff: '20' }, dueToday: 799 });

    // And Subscribe applies it to the first invoice.
    const done = await hosted(secret, 'POST', '/checkout/complete', { priceId: basic, email: email(), card: card('4242424242424242'), couponCode: code });
    expect(done.status).toBe(200);
    const sub = await call('GET', `/subscriptions/${done.body.subscriptionId}`);
    expect(sub.body.discount).toMatchObject({ code, percentOff: '20' });
    const invoice = await call('GET', `/invoices/${sub.body.latestInvoiceId}`);
    expect(invoice.body).toMatchObject({ status: 'paid', total: 799 });
  });
});

describe('Subscribe', () => {
  it('shows a decline, keeps the session open, then another card in the same session pays: one customer, one subscription', async () => {
    const { storefrontId, basic, plus } = await shop();
    const buyer = email();
    const { session, secret } = await checkout({ storefrontId, priceIds: [basic, plus] });
    const declined = await hosted(secret, 'POST', '/checkout/complete', { priceId: plus, email: buyer, card: card('4000000000000002') });
    expect(declined.status).toBe(402);
    expect(declined.body).toMatchObject({ code: 'card_declined', errors: [expect.objectContaining({ path: 'card.number' })] });
    expect((await call('GET', `/checkout-sessions/${session.id}`)).body).toMatchObject({ status: 'open', subscriptionId: null });

    const paid = await hosted(secret, 'POST', '/checkout/complete', { priceId: plus, email: buyer, card: card('4242424242424242') });
    expect(paid.status).toBe(200);
    expect(paid.body).toEqual({ status: 'complete', subscriptionId: expect.stringMatching(/^sub_/), redirectUrl: `https://shop.example/thanks?session_id=${session.id}` });
    const done = await call('GET', `/checkout-sessions/${session.id}`);
    expect(done.body).toMatchObject({ status: 'complete', subscriptionId: paid.body.subscriptionId, priceId: plus, customerId: expect.stringMatching(/^cus_/) });
    const customers = await call('GET', `/customers?email=${encodeURIComponent(buyer)}`);
    expect(customers.body.data).toHaveLength(1);
    const subs = await call('GET', `/subscriptions?customerId=${done.body.customerId}`);
    expect(subs.body.data).toEqual([expect.objectContaining({ id: paid.body.subscriptionId, status: 'active', priceId: plus })]);

    // A refresh or a retry answers the same result; the page of a complete session says so.
    const again = await hosted(secret, 'POST', '/checkout/complete', { priceId: plus, email: buyer, card: card('4242424242424242') });
    expect(again.body.subscriptionId).toBe(paid.body.subscriptionId);
    expect((await hosted(secret, 'GET', '/checkout')).body.session.status).toBe('complete');
  });

  it('clicked many times at once makes one subscription', async () => {
    const { storefrontId, basic } = await shop();
    const buyer = email();
    const { session, secret } = await checkout({ storefrontId, priceIds: [basic] });
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => hosted(secret, 'POST', '/checkout/complete', { priceId: basic, email: buyer, card: card('4242424242424242') })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
    expect(new Set(answers.map((a) => a.body.subscriptionId)).size).toBe(1);
    const done = await call('GET', `/checkout-sessions/${session.id}`);
    const subs = await call('GET', `/subscriptions?customerId=${done.body.customerId}`);
    expect(subs.body.data).toHaveLength(1);
  });

  it('on a trial price starts trialing with nothing charged', async () => {
    const { storefrontId, trial } = await shop();
    const { secret } = await checkout({ storefrontId, priceIds: [trial] });
    const done = await hosted(secret, 'POST', '/checkout/complete', { priceId: trial, email: email(), card: card('4242424242424242') });
    expect(done.status).toBe(200);
    const sub = await call('GET', `/subscriptions/${done.body.subscriptionId}`);
    expect(sub.body.status).toBe('trialing');
    const payments = await call('GET', `/payments?customerId=${sub.body.customerId}`);
    expect(payments.body.data).toEqual([]);
  });

  it('of a session that names its customer uses that customer, and asks for no email', async () => {
    const { storefrontId, basic } = await shop();
    const customer = await call('POST', '/customers', { email: email(), storefrontId });
    const { secret } = await checkout({ storefrontId, priceIds: [basic], customerId: customer.body.id });
    const page = await hosted(secret, 'GET', '/checkout');
    expect(page.body.session).toMatchObject({ customerKnown: true, customerEmail: customer.body.email });
    const done = await hosted(secret, 'POST', '/checkout/complete', { priceId: basic, card: card('4242424242424242') });
    expect(done.status).toBe(200);
    expect((await call('GET', `/subscriptions/${done.body.subscriptionId}`)).body.customerId).toBe(customer.body.id);
  });

  it('names bad fields, and refuses a price the session does not offer', async () => {
    const { storefrontId, basic, plus } = await shop();
    const { secret } = await checkout({ storefrontId, priceIds: [basic] });
    const bad = await hosted(secret, 'POST', '/checkout/complete', { priceId: basic, email: 'not-an-email', card: { number: '42', expMonth: 13, expYear: 2040, cvc: '1' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['email', 'card.number', 'card.expMonth', 'card.cvc']));
    const other = await hosted(secret, 'POST', '/checkout/complete', { priceId: plus, email: email(), card: card('4242424242424242') });
    expect(other.status).toBe(400);
    expect(other.body.errors).toEqual([expect.objectContaining({ path: 'priceId' })]);
  });

  it('of an expired session is refused, and its page says it expired', async () => {
    const { storefrontId, basic } = await shop();
    const { session, secret } = await checkout({ storefrontId, priceIds: [basic] });
    const expired = await call('POST', `/checkout-sessions/${session.id}/expire`);
    expect(expired.status).toBe(200);
    expect(expired.body.status).toBe('expired');
    expect((await hosted(secret, 'GET', '/checkout')).body.session.status).toBe('expired');
    const refused = await hosted(secret, 'POST', '/checkout/complete', { priceId: basic, email: email(), card: card('4242424242424242') });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('session_expired');
  });
});

describe('the customer portal', () => {
  async function subscribed() {
    const s = await shop();
    const { secret } = await checkout({ storefrontId: s.storefrontId, priceIds: [s.basic] });
    const done = await hosted(secret, 'POST', '/checkout/complete', { priceId: s.basic, email: email(), card: card('4242424242424242') });
    const sub = (await call('GET', `/subscriptions/${done.body.subscriptionId}`)).body;
    const portal = await call('POST', '/customer-portal-sessions', { customerId: sub.customerId, returnUrl: 'https://shop.example/account' });
    expect(portal.status).toBe(201);
    return { ...s, sub, portal: portal.body, secret: secretOf(portal.body.url) };
  }

  it('opens for one hour on the customer\'s subscriptions, cards and invoices in the storefront\'s look', async () => {
    const { sub, portal, secret, storefrontId, plus } = await subscribed();
    expect(portal).toMatchObject({ id: expect.stringMatching(/^cps_/), customerId: sub.customerId, returnUrl: 'https://shop.example/account' });
    expect(portal.url).toMatch(/\/customer-portal\/hs_[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(portal.expiresAt) - Date.parse(portal.createdAt)).toBe(3600_000);
    const page = await hosted(secret, 'GET', '/portal');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ status: 'open', returnUrl: 'https://shop.example/account', storefront: { id: storefrontId, locale: 'de-DE' } });
    expect(page.body.subscriptions).toEqual([
      expect.objectContaining({ id: sub.id, status: 'active', bundleName: 'Premium', amount: 999, cancelAtPeriodEnd: false, nextRenewal: { at: sub.currentPeriodEnd, amount: 999 } }),
    ]);
    expect(page.body.subscriptions[0].changeOptions.map((o: { priceId: string }) => o.priceId)).toContain(plus);
    expect(page.body.paymentMethods).toEqual([expect.objectContaining({ last4: '4242', default: true })]);
    expect(page.body.invoices).toEqual([expect.objectContaining({ status: 'paid', total: 999 })]);
  });

  it('cancels at period end and undoes it, changes the price with the proration shown first, and adds a card', async () => {
    const { sub, secret, plus } = await subscribed();
    const canceled = await hosted(secret, 'POST', `/portal/subscriptions/${sub.id}/cancel`);
    expect(canceled.status).toBe(200);
    expect(canceled.body).toMatchObject({ cancelAtPeriodEnd: true, nextRenewal: null });
    const kept = await hosted(secret, 'POST', `/portal/subscriptions/${sub.id}/resume`);
    expect(kept.body).toMatchObject({ cancelAtPeriodEnd: false, status: 'active' });
    expect((await call('GET', `/subscriptions/${sub.id}`)).body.cancelAtPeriodEnd).toBe(false);

    const preview = await hosted(secret, 'POST', `/portal/subscriptions/${sub.id}/change-price/preview`, { priceId: plus });
    expect(preview.status).toBe(200);
    expect(preview.body.total).toBeGreaterThan(0);
    expect(preview.body.total).toBeLessThanOrEqual(1999 - 999);
    const changed = await hosted(secret, 'POST', `/portal/subscriptions/${sub.id}/change-price`, { priceId: plus });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ priceId: plus, amount: 1999 });

    const added = await hosted(secret, 'POST', '/portal/payment-methods', { card: card('5555555555554444') });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ brand: 'mastercard', default: true });
  });

  it('shows its invoices with seller and customer, and nothing of another customer', async () => {
    const first = await subscribed();
    const second = await subscribed();
    const page = await hosted(first.secret, 'GET', '/portal');
    const invoiceId = page.body.invoices[0].id;
    const invoice = await hosted(first.secret, 'GET', `/portal/invoices/${invoiceId}`);
    expect(invoice.status).toBe(200);
    expect(invoice.body).toMatchObject({ seller: { name: 'Main store' }, invoice: { id: invoiceId, total: 999, amountPaid: 999, tax: 160 } });
    expect(invoice.body.customer.email).toMatch(/^buyer-/);
    expect((await hosted(second.secret, 'GET', `/portal/invoices/${invoiceId}`)).status).toBe(404);
    expect((await hosted(second.secret, 'POST', `/portal/subscriptions/${first.sub.id}/cancel`)).status).toBe(404);
    // A checkout's secret opens no customer portal.
    const { secret: checkoutSecret } = await checkout({ storefrontId: first.storefrontId, priceIds: [first.basic] });
    expect((await hosted(checkoutSecret, 'GET', '/portal')).status).toBe(401);
  });
});

describe('the hosted pages themselves', () => {
  it('are served uncached, never leak their URL as a Referer, and cannot be framed', async () => {
    const { storefrontId, basic } = await shop();
    const { session } = await checkout({ storefrontId, priceIds: [basic] });
    const res = await fetch(session.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/<html/i);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('content-security-policy')).not.toContain("script-src 'self' 'unsafe-inline'");
  });

  it('are rate-limited per session', async () => {
    const gateway = await platform.startExtraGateway({ HOSTED_RATE_LIMIT_PER_SESSION: '3' });
    const { storefrontId, basic } = await shop();
    const { secret } = await checkout({ storefrontId, priceIds: [basic] });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await platform.call('GET', '/hosted/checkout', { via: gateway, headers: { 'x-hosted-session': secret } })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
