import { waitFor } from '@azotte/common/testing';
import { startPlatform, type Platform } from './support/platform';

/**
 * Coupons at checkout, through the gateway, with the real campaign service
 * deciding and billing applying. Every scenario that moves time has a tenant
 * of its own: the sandbox test clock is per environment.
 */

let platform: Platform;
const sandbox = { 'x-environment': 'sandbox' };
const DAY = 86_400_000;
const PRICE = 1000; // 10.00 EUR a month, no storefront: no tax.
const GOOD_CARD = '4242424242424242';
const DECLINING_CARD = '4000000000000341';

beforeAll(async () => {
  platform = await startPlatform('coupons');
});
afterAll(async () => {
  await platform.stop();
});

const suffix = () => Math.random().toString(36).slice(2, 8).toUpperCase();

/** A sandbox tenant of its own, a monthly price of PRICE and helpers speaking as its owner. */
async function aShop() {
  const { token } = await platform.createTenant();
  const call = (method: string, path: string, body?: unknown) => platform.call(method, path, { token, body, headers: sandbox });
  const bundle = await call('POST', '/bundles', { name: 'Premium', entitlements: [] });
  const price = await call('POST', `/bundles/${bundle.body.id}/prices`, { currency: 'EUR', amount: PRICE, interval: 'month', strategy: 'flat' });
  expect([bundle.status, price.status]).toEqual([201, 201]);
  const priceId = price.body.id as string;

  /** A customer with `cardNumber` attached as the default method. */
  async function aCustomer(cardNumber = GOOD_CARD) {
    const customer = await call('POST', '/customers', { email: `c-${suffix().toLowerCase()}@example.com` });
    expect(customer.status).toBe(201);
    const pm = await call('POST', `/customers/${customer.body.id}/payment-methods`, {
      type: 'card',
      card: { number: cardNumber, expMonth: 12, expYear: 2040, cvc: '123' },
    });
    expect(pm.status).toBe(201);
    return customer.body.id as string;
  }

  /** An activated campaign with one coupon code; answers its id and the code. */
  async function aCouponCampaign(overrides: Record<string, unknown> = {}, code = `SAVE-${suffix()}`) {
    const created = await call('POST', '/campaigns', {
      name: 'Coupon campaign',
      offer: { type: 'percent_off', percentOff: 20, durationCycles: 2 },
      codes: [{ code, maxRedemptions: 1 }],
      ...overrides,
    });
    expect(created.status).toBe(201);
    const activated = await call('POST', `/campaigns/${created.body.id}/activate`);
    expect(activated).toMatchObject({ status: 200, body: { status: 'active' } });
    return { campaignId: created.body.id as string, code };
  }

  const subscribe = (customerId: string, couponCode?: string) => call('POST', '/subscriptions', { customerId, priceId, ...(couponCode ? { couponCode } : {}) });

  const advanceTo = async (at: number) => {
    const res = await call('POST', '/test-clock/advance', { to: new Date(at).toISOString() });
    expect(res.status).toBe(200);
    return res.body as { now: string; processed: Record<string, number> };
  };
  const clockNow = async () => new Date((await call('GET', '/test-clock')).body.now).getTime();

  /** Nothing exists for this customer: no subscription, no invoice, no payment. */
  async function expectNothingCreatedFor(customerId: string) {
    expect((await call('GET', `/subscriptions?customerId=${customerId}`)).body.data).toEqual([]);
    expect((await call('GET', `/invoices?customerId=${customerId}`)).body.data).toEqual([]);
    expect((await call('GET', `/payments?customerId=${customerId}`)).body.data).toEqual([]);
  }

  return { call, priceId, aCustomer, aCouponCampaign, subscribe, advanceTo, clockNow, expectNothingCreatedFor };
}

/** The 422 billing answers for a coupon it refuses: `code` and `errors` name `reason`, `detail` the code presented. */
function expectCouponRefused(res: { status: number; headers: Headers; body: any }, couponCode: string, reason: string) {
  expect(res.status).toBe(422);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.body).toMatchObject({
    status: 422,
    code: `coupon_${reason}`,
    detail: expect.stringContaining(`Coupon ${couponCode} cannot be used: `),
    errors: [{ path: 'couponCode', message: reason }],
  });
  // One sentence, one full stop, however the campaign service ends its own message.
  expect(res.body.detail).toMatch(/[^.]\.$/);
}

describe('a percent_off coupon at checkout', () => {
  it('discounts the first invoice by 20 %, and exactly durationCycles invoices in all', async () => {
    const shop = await aShop();
    const { campaignId, code } = await shop.aCouponCampaign();
    const customerId = await shop.aCustomer();

    const sub = await shop.subscribe(customerId, code.toLowerCase());
    expect(sub.status).toBe(201);
    expect(sub.body).toMatchObject({
      status: 'active',
      discount: { campaignId, type: 'percent_off', durationCycles: 2 },
    });
    expect(Number(sub.body.discount.percentOff)).toBe(20);

    const invoiceOf = async (id: string) => (await shop.call('GET', `/invoices/${id}`)).body;
    const discounted = { subtotal: PRICE, discount: PRICE * 0.2, tax: 0, total: PRICE * 0.8 };
    const full = { subtotal: PRICE, discount: 0, tax: 0, total: PRICE };
    const invoices = [await invoiceOf(sub.body.latestInvoiceId)];

    // Three renewals, one period at a time.
    for (let renewal = 1; renewal <= 3; renewal += 1) {
      const current = (await shop.call('GET', `/subscriptions/${sub.body.id}`)).body;
      const ran = await shop.advanceTo(new Date(current.currentPeriodEnd).getTime() + 1000);
      expect(ran.processed.renewals).toBe(1);
      const renewed = (await shop.call('GET', `/subscriptions/${sub.body.id}`)).body;
      expect(renewed.latestInvoiceId).not.toBe(current.latestInvoiceId);
      invoices.push(await invoiceOf(renewed.latestInvoiceId));
    }

    // "Each discounted invoice uses one of the offer's durationCycles" (billing README): the first two are discounted.
    expect(invoices.map(({ subtotal, discount, tax, total, status }) => ({ subtotal, discount, tax, total, status }))).toEqual([
      { ...discounted, status: 'paid' },
      { ...discounted, status: 'paid' },
      { ...full, status: 'paid' },
      { ...full, status: 'paid' },
    ]);
  });

  it('shows in POST /campaigns/evaluate the very offer that POST /subscriptions then applies', async () => {
    const shop = await aShop();
    const { campaignId, code } = await shop.aCouponCampaign();
    const customerId = await shop.aCustomer();

    const evaluated = await shop.call('POST', '/campaigns/evaluate', { customerId, priceId: shop.priceId, couponCode: code });
    expect(evaluated.status).toBe(200);
    expect(evaluated.body.data).toEqual([{ campaignId, offer: { type: 'percent_off', percentOff: 20, durationCycles: 2 } }]);

    const sub = await shop.subscribe(customerId, code);
    expect(sub.status).toBe(201);
    expect(sub.body.discount).toMatchObject({ campaignId, type: 'percent_off', durationCycles: 2, remainingCycles: 1 });
    expect(Number(sub.body.discount.percentOff)).toBe(20);
  });
});

describe('a coupon that cannot be used', () => {
  it('is a 422 naming exhausted once its only redemption is taken, and nothing is created', async () => {
    const shop = await aShop();
    const { campaignId, code } = await shop.aCouponCampaign();
    expect((await shop.subscribe(await shop.aCustomer(), code)).status).toBe(201);

    const second = await shop.aCustomer();
    expectCouponRefused(await shop.subscribe(second, code), code, 'exhausted');
    await shop.expectNothingCreatedFor(second);
    expect((await shop.call('GET', `/campaigns/${campaignId}`)).body).toMatchObject({ redemptions: 1, codes: [{ code, redemptions: 1 }] });
  });

  it('is a 422 naming unknown_code for a code no campaign has', async () => {
    const shop = await aShop();
    const customerId = await shop.aCustomer();
    const unknown = `NOPE-${suffix()}`;
    expectCouponRefused(await shop.subscribe(customerId, unknown), unknown, 'unknown_code');
    await shop.expectNothingCreatedFor(customerId);
  });

  it('is a 422 naming not_active for a code of a paused campaign', async () => {
    const shop = await aShop();
    const { campaignId, code } = await shop.aCouponCampaign();
    expect((await shop.call('POST', `/campaigns/${campaignId}/pause`)).status).toBe(200);
    const customerId = await shop.aCustomer();
    expectCouponRefused(await shop.subscribe(customerId, code), code, 'not_active');
    await shop.expectNothingCreatedFor(customerId);
  });

  it('is a 422 naming expired once the sandbox clock is past the campaign endsAt', async () => {
    const shop = await aShop();
    const now = await shop.clockNow();
    const { code } = await shop.aCouponCampaign({ endsAt: new Date(now + 5 * 60_000).toISOString() });
    const customerId = await shop.aCustomer();
    await shop.advanceTo(now + 10 * 60_000);
    expectCouponRefused(await shop.subscribe(customerId, code), code, 'expired');
    await shop.expectNothingCreatedFor(customerId);
  });
});

describe('a redemption', () => {
  it('is released when the subscription that took it expires incomplete, and the code serves another customer', async () => {
    const shop = await aShop();
    const { campaignId, code } = await shop.aCouponCampaign();
    const declining = await shop.aCustomer(DECLINING_CARD);

    const sub = await shop.subscribe(declining, code);
    expect(sub.status).toBe(201);
    expect(sub.body.status).toBe('incomplete');
    expect((await shop.call('GET', `/campaigns/${campaignId}`)).body).toMatchObject({ redemptions: 1, codes: [{ code, redemptions: 1 }] });

    const ran = await shop.advanceTo((await shop.clockNow()) + DAY + 60_000);
    expect(ran.processed.cancellations).toBe(1);
    expect((await shop.call('GET', `/subscriptions/${sub.body.id}`)).body.status).toBe('incomplete_expired');

    await waitFor(
      async () => {
        const campaign = (await shop.call('GET', `/campaigns/${campaignId}`)).body;
        return campaign.redemptions === 0 && campaign.codes[0].redemptions === 0;
      },
      { what: 'the campaign service to release the redemption' },
    );
    const next = await shop.subscribe(await shop.aCustomer(), code);
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ status: 'active', discount: { campaignId } });
  });
});
