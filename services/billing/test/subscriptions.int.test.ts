import { createGrpcClient, unavailable } from '@azotte/common';
import { waitFor } from '@azotte/common/testing';
import { billingV1 } from '@azotte/proto';
import type { PaymentProviderAdapter } from '../src/providers/adapter';
import { SandboxProvider } from '../src/providers/sandbox';
import { failureOf, startHarness, type Harness, type TestTenant } from './support/harness';

let h: Harness;
let t: TestTenant;

beforeAll(async () => {
  h = await startHarness('billing_subs');
  t = await h.newTenant();
});
afterAll(async () => h?.close());

const DAY = 86_400_000;

describe('payment methods', () => {
  it('attaches a card, keeps only its token, and makes the first one the default', async () => {
    const ctx = t.adminInSandbox;
    const { customer } = await h.shop(ctx);
    const first = await h.card(ctx, customer.id);
    const second = await h.card(ctx, customer.id, '5555555555554444');
    expect(first).toMatchObject({ type: 'card', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2040, default: true });
    expect(second).toMatchObject({ brand: 'mastercard', last4: '4444', default: false });
    await h.client.setDefaultPaymentMethod({ customerId: customer.id, paymentMethodId: second.id }, { context: ctx });
    const list = await h.client.listPaymentMethods({ customerId: customer.id }, { context: ctx });
    expect(list.data.map((m) => [m.id, m.default])).toEqual([
      [second.id, true],
      [first.id, false],
    ]);
  });

  it.each([
    ['4000000000000002', 'card_declined'],
    ['4000000000009995', 'insufficient_funds'],
  ])('declines %s at attach: payment_required %s', async (number, code) => {
    const { customer } = await h.shop(t.adminInSandbox);
    const failure = await failureOf(h.card(t.adminInSandbox, customer.id, number));
    expect(failure).toMatchObject({ kind: 'payment_required', code });
  });

  it('refuses a number failing Luhn and an expired card, naming the fields', async () => {
    const { customer } = await h.shop(t.adminInSandbox);
    expect(await failureOf(h.card(t.adminInSandbox, customer.id, '4242424242424241'))).toMatchObject({
      kind: 'invalid_argument',
      fields: [{ path: 'card.number', message: expect.any(String) }],
    });
    const expired = await failureOf(
      h.client.attachPaymentMethod(
        { customerId: customer.id, type: 'card', card: { number: '4242424242424242', expMonth: 1, expYear: 2020, cvc: '123' }, makeDefault: false },
        { context: t.adminInSandbox },
      ),
    );
    expect(expired.fields).toEqual([{ path: 'card.expYear', message: 'the card has expired' }]);
  });

  it('is a 422 no_payment_provider in production until the tenant enables one', async () => {
    const { customer } = await h.shop(t.admin);
    expect(await failureOf(h.card(t.admin, customer.id))).toMatchObject({ kind: 'unprocessable', code: 'no_payment_provider' });
  });
});

describe('subscribing', () => {
  it('charges the first invoice at once: paid → active, with tax added on top', async () => {
    const ctx = t.adminInSandbox;
    const { customer, price, storefrontId } = await h.shop(ctx, { setupFee: 500 }, { taxBehavior: 'exclusive', taxRatePercent: '19' });
    await h.card(ctx, customer.id);
    const sub = await h.client.createSubscription({ customerId: customer.id, priceId: price.id, quantity: 0, paymentMethodId: '', couponCode: '', storefrontId: '' }, { context: ctx });
    expect(sub).toMatchObject({ status: 'active', quantity: 1, storefrontId, cancelAtPeriodEnd: false });
    const invoice = await h.client.getInvoice({ id: sub.latestInvoiceId! }, { context: ctx });
    expect(invoice).toMatchObject({ status: 'paid', subtotal: 1500, discount: 0, tax: 285, total: 1785, amountPaid: 1785 });
    expect(invoice.lines.map((l) => l.kind)).toEqual(['subscription', 'setup_fee']);
    expect(invoice.paymentIds).toHaveLength(1);
    const payment = await h.client.getPayment({ id: invoice.paymentIds[0]! }, { context: ctx });
    expect(payment).toMatchObject({ status: 'succeeded', amount: 1785, currency: 'EUR', amountRefunded: 0 });
    const created = await h.eventsOfType('billing.subscription.activated.v1', (e) => e.payload.subscription.id === sub.id);
    expect(created[0]!.payload.subscription).toMatchObject({ amount: 1000, currency: 'EUR', interval: 'month', intervalCount: 1 });
  });

  it('extracts inclusive tax from the total', async () => {
    const ctx = t.adminInSandbox;
    const { customer, price } = await h.shop(ctx, { amount: 1190 }, { taxBehavior: 'inclusive', taxRatePercent: '19' });
    await h.card(ctx, customer.id);
    const sub = await h.client.createSubscription({ customerId: customer.id, priceId: price.id, quantity: 1, paymentMethodId: '', couponCode: '', storefrontId: '' }, { context: ctx });
    const invoice = await h.client.getInvoice({ id: sub.latestInvoiceId! }, { context: ctx });
    expect(invoice).toMatchObject({ subtotal: 1190, tax: 190, total: 1190, taxBehavior: 'inclusive' });
  });

  it('starts a trial with no charge', async () => {
    const ctx = t.adminInSandbox;
    const { customer, price } = await h.shop(ctx, { trialDays: 14 });
    const sub = await h.client.createSubscription({ customerId: customer.id, priceId: price.id, quantity: 1, paymentMethodId: '', couponCode: '', storefrontId: '' }, { context: ctx });
    expect(sub.status).toBe('trialing');
    expect(new Date(sub.trialEnd!).getTime() - new Date(sub.currentPeriodStart).getTime()).toBe(14 * DAY);
    expect(sub.latestInvoiceId).toBeUndefined();
  });

  it('leaves a declined first charge incomplete; paying it is a 402 naming the code, recorded', async () => {
    const ctx = t.adminInSandbox;
    const { customer, price } = await h.shop(ctx);
    await h.card(ctx, customer.id, '4000000000000341');
    const sub = await h.client.createSubscription({ customerId: customer.id, priceId: price.id, quantity: 1, paymentMethodId: '', couponCode: '', storefrontId: '' }, { context: ctx });
    expect(sub.status).toBe('incomplete');
    const failure = await failureOf(h.client.payInvoice({ id: sub.latestInvoiceId!, paymentMethodId: '' }, { context: ctx }));
    expect(failure).toMatchObject({ kind: 'payment_required', code: 'card_declined' });
    const payments = await h.client.listPayments({ customerId: customer.id, status: 'failed' }, { context: ctx });
    expect(payments.data).toHaveLength(2);
    expect(payments.data.every((p) => p.failureCode === 'card_declined')).toBe(true);

    // A good card pays it: the subscription becomes active.
    const good = await h.card(ctx, customer.id, '4242424242424242', true);
    const paid = await h.client.payInvoice({ id: sub.latestInvoiceId!, paymentMethodId: good.id }, { context: ctx });
    expect(paid.status).toBe('paid');
    expect((await h.client.getSubscription({ id: sub.id }, { context: ctx })).status).toBe('active');
  });

  it('refuses an archived price with a 422 naming why', async () => {
    const ctx = t.adminInSandbox;
    const { customer, price } = await h.shop(ctx);
    await h.catalog.archivePrice({ id: price.id }, { context: ctx });
    const failure = await failureOf(
      h.client.createSubscription({ customerId: customer.id, priceId: price.id, quantity: 1, paymentMethodId: '', couponCode: '', storefrontId: '' }, { context: ctx }),
    );
    expect(failure).toMatchObject({ kind: 'unprocessable', code: 'price_not_sellable', message: expect.stringContaining('price_archived') });
  });
});

describe('coupons', () => {
  it('a rejected code is a 422 naming the reason, and nothing is created', async () => {
    const ctx = t.adminInSandbox;
    const { customer, price } = await h.shop(ctx);
    await h.card(ctx, customer.id);
    h.campaign.coupons.set('OLD', { reason: 'expired' });
    const failure = await failureOf(
      h.client.createSubscription({ customerId: customer.id, priceId: price.id, quantity: 1, paymentMethodId: '', couponCode: 'old', storefrontId: '' }, { context: ctx }),
    );
    expect(failure).toMatchObject({ kind: 'unprocessable', code: 'coupon_expired', fields: [{ path: 'couponCode', message: 'expired' }] });
    const subs = await h.client.listSubscriptions({ customerId: customer.id, status: '' }, { context: ctx });
    expect(subs.data).toEqual([]);
  });

  it('applies a percent-off offer for its cycles, redeemed with <subscription>:<campaign>', async () => {
    const ctx = t.adminInSandbox;
    const { customer, price } = await h.shop(ctx);
    await h.card(ctx, customer.id);
    h.campaign.coupons.set('HALF', {
      applied: { campaignId: 'cmp_half', variant: 'b', code: 'HALF', offer: { type: 'percent_off', percentOff: '50', durationCycles: 2 } },
    });
    const sub = await h.client.createSubscription({ customerId: customer.id, priceId: price.id, quantity: 1, paymentMethodId: '', couponCode: 'half', storefrontId: '' }, { context: ctx });
    expect(sub.discount).toMatchObject({ campaignId: 'cmp_half', variant: 'b', percentOff: '50', durationCycles: 2, remainingCycles: 1 });
    expect(h.campaign.redeemed.at(-1)).toMatchObject({ campaignId: 'cmp_half', idempotencyKey: `${sub.id}:cmp_half`, subscriptionId: sub.id });
    const invoice = await h.client.getInvoice({ id: sub.latestInvoiceId! }, { context: ctx });
    expect(invoice).toMatchObject({ subtotal: 1000, discount: 500, total: 500 });
  });

  it('reserves nothing when the subscription cannot be created for want of a payment method', async () => {
    const ctx = t.adminInSandbox;
    const { customer, price } = await h.shop(ctx);
    // No payment method: the creation fails after the reservation.
    h.campaign.coupons.set('TEN', { applied: { campaignId: 'cmp_ten', variant: '', code: 'TEN', offer: { type: 'amount_off', amountOff: 100, currency: 'EUR' } } });
    const failure = await failureOf(
      h.client.createSubscription({ customerId: customer.id, priceId: price.id, quantity: 1, paymentMethodId: '', couponCode: 'TEN', storefrontId: '' }, { context: ctx }),
    );
    expect(failure.code).toBe('payment_method_required');
    expect(h.campaign.redeemed.filter((r) => r.campaignId === 'cmp_ten')).toEqual([]);
  });
});

describe('refunds', () => {
  it('defaults to what remains, refuses more, and marks payment and invoice', async () => {
    const ctx = t.adminInSandbox;
    const { customer, price } = await h.shop(ctx);
    await h.card(ctx, customer.id);
    const sub = await h.client.createSubscription({ customerId: customer.id, priceId: price.id, quantity: 1, paymentMethodId: '', couponCode: '', storefrontId: '' }, { context: ctx });
    const invoice = await h.client.getInvoice({ id: sub.latestInvoiceId! }, { context: ctx });
    const paymentId = invoice.paymentIds[0]!;
    const part = await h.client.createRefund({ paymentId, amount: 300, reason: 'goodwill' }, { context: ctx });
    expect(part).toMatchObject({ amount: 300, currency: 'EUR', reason: 'goodwill', status: 'succeeded' });
    expect((await h.client.getPayment({ id: paymentId }, { context: ctx })).status).toBe('partially_refunded');
    expect(await failureOf(h.client.createRefund({ paymentId, amount: 701, reason: '' }, { context: ctx }))).toMatchObject({ code: 'refund_exceeds_payment' });
    const rest = await h.client.createRefund({ paymentId, reason: '' }, { context: ctx });
    expect(rest.amount).toBe(700);
    expect(await h.client.getPayment({ id: paymentId }, { context: ctx })).toMatchObject({ status: 'refunded', amountRefunded: 1000 });
    expect((await h.client.getInvoice({ id: invoice.id }, { context: ctx })).amountRefunded).toBe(1000);
  });

  it('refuses operators', async () => {
    expect(await failureOf(h.client.createRefund({ paymentId: 'pay_x', reason: '' }, { context: t.as('operator') }))).toMatchObject({ kind: 'permission_denied' });
  });
});

describe('the test clock', () => {
  it('is not found in production', async () => {
    expect(await failureOf(h.client.getTestClock({}, { context: t.admin }))).toMatchObject({ kind: 'not_found' });
  });

  it('renews at period end, then dunning ends in canceled after retries on days 3, 5 and 7', async () => {
    const tt = await h.newTenant();
    const ctx = tt.adminInSandbox;
    const { customer, price } = await h.shop(ctx);
    const pm = await h.card(ctx, customer.id);
    const sub = await h.client.createSubscription({ customerId: customer.id, priceId: price.id, quantity: 1, paymentMethodId: pm.id, couponCode: '', storefrontId: '' }, { context: ctx });
    const end = new Date(sub.currentPeriodEnd);

    const first = await h.client.advanceTestClock({ to: new Date(end.getTime() + 1000).toISOString() }, { context: ctx });
    expect(first.processed).toEqual({ renewals: 1, trialConversions: 0, retries: 0, cancellations: 0 });
    const renewed = await h.client.getSubscription({ id: sub.id }, { context: ctx });
    expect(renewed).toMatchObject({ status: 'active', currentPeriodStart: end.toISOString() });

    // The card now declines: the next renewal goes past_due, then three retries, then canceled.
    const bad = await h.card(ctx, customer.id, '4000000000000341', true);
    await h.db('subscriptions').where({ id: sub.id }).update({ payment_method_id: bad.id });
    const secondEnd = new Date(renewed.currentPeriodEnd);
    const second = await h.client.advanceTestClock({ to: new Date(secondEnd.getTime() + 1000).toISOString() }, { context: ctx });
    expect(second.processed.renewals).toBe(1);
    expect((await h.client.getSubscription({ id: sub.id }, { context: ctx })).status).toBe('past_due');
    const third = await h.client.advanceTestClock({ to: new Date(secondEnd.getTime() + 8 * DAY).toISOString() }, { context: ctx });
    expect(third.processed).toEqual({ renewals: 0, trialConversions: 0, retries: 3, cancellations: 1 });
    const canceled = await h.client.getSubscription({ id: sub.id }, { context: ctx });
    expect(canceled.status).toBe('canceled');
    const failed = await h.client.listPayments({ customerId: customer.id, status: 'failed' }, { context: ctx });
    expect(failed.data.map((p) => p.createdAt).sort()).toEqual(
      [0, 3, 5, 7].map((d) => new Date(secondEnd.getTime() + d * DAY).toISOString()),
    );
    await h.eventsOfType('billing.test_clock.advanced.v1', (e) => e.environmentId === ctx.scope!.environmentId, 3);
  });

  it('converts a trial at its end, and expires an unpaid incomplete subscription after a day', async () => {
    const tt = await h.newTenant();
    const ctx = tt.adminInSandbox;
    const trial = await h.shop(ctx, { trialDays: 7 });
    await h.card(ctx, trial.customer.id);
    const trialing = await h.client.createSubscription({ customerId: trial.customer.id, priceId: trial.price.id, quantity: 1, paymentMethodId: '', couponCode: '', storefrontId: '' }, { context: ctx });
    const declining = await h.shop(ctx);
    await h.card(ctx, declining.customer.id, '4000000000000341');
    const incomplete = await h.client.createSubscription({ customerId: declining.customer.id, priceId: declining.price.id, quantity: 1, paymentMethodId: '', couponCode: '', storefrontId: '' }, { context: ctx });
    const now = new Date((await h.client.getTestClock({}, { context: ctx })).now!);
    const res = await h.client.advanceTestClock({ to: new Date(now.getTime() + 8 * DAY).toISOString() }, { context: ctx });
    expect(res.processed).toEqual({ renewals: 0, trialConversions: 1, retries: 0, cancellations: 1 });
    expect((await h.client.getSubscription({ id: trialing.id }, { context: ctx })).status).toBe('active');
    expect((await h.client.getSubscription({ id: incomplete.id }, { context: ctx })).status).toBe('incomplete_expired');
    await h.eventsOfType('billing.subscription.expired.v1', (e) => e.payload.subscription.id === incomplete.id);
    expect(await failureOf(h.client.advanceTestClock({ to: now.toISOString() }, { context: ctx }))).toMatchObject({ kind: 'invalid_argument' });
  });
});

describe('cancel and change price', () => {
  it('cancels at period end, then ends when the period does', async () => {
    const tt = await h.newTenant();
    const ctx = tt.adminInSandbox;
    const { customer, price } = await h.shop(ctx);
    await h.card(ctx, customer.id);
    const sub = await h.client.createSubscription({ customerId: customer.id, priceId: price.id, quantity: 1, paymentMethodId: '', couponCode: '', storefrontId: '' }, { context: ctx });
    const pending = await h.client.cancelSubscription({ id: sub.id, atPeriodEnd: true }, { context: ctx });
    expect(pending).toMatchObject({ status: 'active', cancelAtPeriodEnd: true });
    const res = await h.client.advanceTestClock({ to: new Date(new Date(sub.currentPeriodEnd).getTime() + 1000).toISOString() }, { context: ctx });
    expect(res.processed.cancellations).toBe(1);
    expect((await h.client.getSubscription({ id: sub.id }, { context: ctx })).status).toBe('canceled');
  });

  it('cancels now', async () => {
    const ctx = t.adminInSandbox;
    const { customer, price } = await h.shop(ctx);
    await h.card(ctx, customer.id);
    const sub = await h.client.createSubscription({ customerId: customer.id, priceId: price.id, quantity: 1, paymentMethodId: '', couponCode: '', storefrontId: '' }, { context: ctx });
    const canceled = await h.client.cancelSubscription({ id: sub.id, atPeriodEnd: false }, { context: ctx });
    expect(canceled.status).toBe('canceled');
    expect(canceled.canceledAt).toBeDefined();
  });

  it('prorates a change of price and keeps the anchor on the same interval', async () => {
    const tt = await h.newTenant();
    const ctx = tt.adminInSandbox;
    const { customer, price, bundle } = await h.shop(ctx);
    const dearer = await h.catalog.createPrice(
      { bundleId: bundle.id, currency: 'EUR', amount: 3000, strategy: 'flat', tiers: [], interval: 'month', intervalCount: 1, trialDays: 0, storefrontIds: [], countries: [] },
      { context: ctx },
    );
    await h.card(ctx, customer.id);
    const sub = await h.client.createSubscription({ customerId: customer.id, priceId: price.id, quantity: 1, paymentMethodId: '', couponCode: '', storefrontId: '' }, { context: ctx });
    const start = new Date(sub.currentPeriodStart).getTime();
    const end = new Date(sub.currentPeriodEnd).getTime();
    const half = start + Math.floor((end - start) / 2000) * 1000;
    await h.client.advanceTestClock({ to: new Date(half).toISOString() }, { context: ctx });
    const changed = await h.client.changePrice({ id: sub.id, priceId: dearer.id, quantity: 0 }, { context: ctx });
    expect(changed).toMatchObject({ status: 'active', priceId: dearer.id, currentPeriodEnd: sub.currentPeriodEnd, amount: 3000 });
    const invoice = await h.client.getInvoice({ id: changed.latestInvoiceId! }, { context: ctx });
    expect(invoice.status).toBe('paid');
    // About half of each: credit −500, charge +1500 (to the second; the test clock moved a little since).
    const [credit, charge] = invoice.lines.map((l) => l.amount);
    expect(credit).toBeGreaterThanOrEqual(-500);
    expect(credit).toBeLessThan(-495);
    expect(charge).toBeLessThanOrEqual(1500);
    expect(charge).toBeGreaterThan(1485);
    await h.eventsOfType('billing.subscription.price_changed.v1', (e) => e.payload.subscription.id === sub.id && e.payload.previousPriceId === price.id);
  });
});

describe('entitlements', () => {
  it('lists what trialing, active and past_due subscriptions grant, and forgets canceled ones', async () => {
    const ctx = t.adminInSandbox;
    const { customer, price, bundle } = await h.shop(ctx);
    expect((await h.client.getEntitlements({ customerId: customer.id }, { context: ctx })).data).toEqual([]);
    await h.card(ctx, customer.id);
    const sub = await h.client.createSubscription({ customerId: customer.id, priceId: price.id, quantity: 1, paymentMethodId: '', couponCode: '', storefrontId: '' }, { context: ctx });
    const granted = await h.client.getEntitlements({ customerId: customer.id }, { context: ctx });
    expect(granted.data).toEqual([
      { key: 'hd', value: true, bundleId: bundle.id, subscriptionId: sub.id },
      { key: 'max_streams', value: 4, bundleId: bundle.id, subscriptionId: sub.id },
    ]);
    await h.client.cancelSubscription({ id: sub.id, atPeriodEnd: false }, { context: ctx });
    expect((await h.client.getEntitlements({ customerId: customer.id }, { context: ctx })).data).toEqual([]);
  });

  it('follows a change of the bundle: catalog.bundle.updated.v1 drops what was cached', async () => {
    const ctx = t.adminInSandbox;
    const { customer, price, bundle } = await h.shop(ctx);
    await h.card(ctx, customer.id);
    await h.client.createSubscription({ customerId: customer.id, priceId: price.id, quantity: 1, paymentMethodId: '', couponCode: '', storefrontId: '' }, { context: ctx });
    expect((await h.client.getEntitlements({ customerId: customer.id }, { context: ctx })).data.map((e) => e.key)).toEqual(['hd', 'max_streams']);
    await h.catalog.updateBundle({ id: bundle.id, entitlements: [{ key: 'uhd', value: true }], replaceEntitlements: true, status: '' }, { context: ctx });
    await waitFor(async () => (await h.client.getEntitlements({ customerId: customer.id }, { context: ctx })).data.map((e) => e.key).join() === 'uhd', {
      what: 'the new entitlements',
    });
  });

  it('is a 404 for an unknown customer', async () => {
    expect(await failureOf(h.client.getEntitlements({ customerId: 'cus_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M' }, { context: t.adminInSandbox }))).toMatchObject({ kind: 'not_found' });
  });
});

describe('compensation', () => {
  it('releases the reserved redemption when the subscription could not be created after it', async () => {
    const failing: PaymentProviderAdapter = {
      name: 'sandbox',
      attachPaymentMethod: (card, key) => new SandboxProvider().attachPaymentMethod(card, key),
      charge: async () => {
        throw unavailable('the payment provider');
      },
      refund: async () => ({ status: 'failed', failureCode: 'unavailable' }),
    };
    const replica = await h.replica({ adapters: [failing] });
    const client = createGrpcClient(billingV1.BillingServiceService, `127.0.0.1:${replica.port}`, { name: 'billing' });
    try {
      const ctx = t.adminInSandbox;
      const { customer, price } = await h.shop(ctx);
      await h.card(ctx, customer.id);
      h.campaign.coupons.set('GONE', { applied: { campaignId: 'cmp_gone', variant: '', code: 'GONE', offer: { type: 'percent_off', percentOff: '10' } } });
      const failure = await failureOf(
        client.createSubscription({ customerId: customer.id, priceId: price.id, quantity: 1, paymentMethodId: '', couponCode: 'GONE', storefrontId: '' }, { context: ctx }),
      );
      expect(failure.kind).toBe('unavailable');
      const reservation = h.campaign.redeemed.find((r) => r.campaignId === 'cmp_gone')!;
      expect(h.campaign.released).toContain(reservation.idempotencyKey);
      expect((await h.client.listSubscriptions({ customerId: customer.id, status: '' }, { context: ctx })).data).toEqual([]);
    } finally {
      client.close();
    }
  });
});
