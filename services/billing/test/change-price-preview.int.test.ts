import { createGrpcClient, FrozenClock, type CallContext, type PromiseClient } from '@azotte/common';
import { billingV1, type catalogV1 } from '@azotte/proto';
import { failureOf, startHarness, type Harness, type TestTenant } from './support/harness';

let h: Harness;
let t: TestTenant;
// A replica whose real time stands still, so that a preview and the change after it happen at the same second.
const clock = new FrozenClock(new Date());
let frozen: PromiseClient<typeof billingV1.BillingServiceService>;

beforeAll(async () => {
  h = await startHarness('billing_preview');
  t = await h.newTenant();
  const replica = await h.replica({ clock });
  frozen = createGrpcClient(billingV1.BillingServiceService, `127.0.0.1:${replica.port}`, { name: 'billing' });
});
afterAll(async () => {
  frozen?.close();
  await h?.close();
});

const DAY = 86_400_000;

const aPrice = (bundleId: string, price: Partial<catalogV1.CreatePriceRequest>, context: CallContext) =>
  h.catalog.createPrice(
    { bundleId, currency: 'EUR', amount: 1000, strategy: 'flat', tiers: [], interval: 'month', intervalCount: 1, trialDays: 0, storefrontIds: [], countries: [], ...price },
    { context },
  );

/** A customer with a card, subscribed (through the frozen replica) to a monthly 10.00 EUR price, taxed 19 % on top. */
async function aSubscriber(price: Partial<catalogV1.CreatePriceRequest> = {}) {
  const ctx = t.adminInSandbox;
  const shop = await h.shop(ctx, price, { taxBehavior: 'exclusive', taxRatePercent: '19' });
  await h.card(ctx, shop.customer.id);
  const sub = await frozen.createSubscription(
    { customerId: shop.customer.id, priceId: shop.price.id, quantity: 1, paymentMethodId: '', couponCode: '', storefrontId: '' },
    { context: ctx },
  );
  return { ...shop, sub };
}

const invoiceOf = (invoice: billingV1.Invoice) => ({
  currency: invoice.currency,
  lines: invoice.lines,
  subtotal: invoice.subtotal,
  discount: invoice.discount,
  tax: invoice.tax,
  total: invoice.total,
});

describe('previewing a change of price', () => {
  it('answers exactly the invoice the change then creates and charges, and writes nothing', async () => {
    const ctx = t.adminInSandbox;
    const { sub, bundle, customer } = await aSubscriber();
    const cheaper = await aPrice(bundle.id, { amount: 400 }, ctx);
    const perSeat = await aPrice(bundle.id, { amount: 1500, strategy: 'per_unit' }, ctx);
    // A downgrade first leaves credit, which the next change's invoice spends.
    clock.advance(9 * DAY + 7_654_321);
    await frozen.changePrice({ id: sub.id, priceId: cheaper.id, quantity: 0 }, { context: ctx });
    clock.advance(3 * DAY + 1_234_567);

    const before = await h.client.getSubscription({ id: sub.id }, { context: ctx });
    const invoicesBefore = await h.client.listInvoices({ customerId: customer.id, subscriptionId: '' }, { context: ctx });
    const preview = await frozen.previewChangePrice({ id: sub.id, priceId: perSeat.id, quantity: 2 }, { context: ctx });
    expect(preview).toMatchObject({ subscriptionId: sub.id, priceId: perSeat.id, quantity: 2, currency: 'EUR', at: clock.now().toISOString() });
    expect(preview.lines.map((l) => l.kind)).toEqual(['proration', 'proration', 'credit']);
    expect(preview.tax).toBeGreaterThan(0);
    expect(await h.client.getSubscription({ id: sub.id }, { context: ctx })).toEqual(before);
    expect(await h.client.listInvoices({ customerId: customer.id, subscriptionId: '' }, { context: ctx })).toEqual(invoicesBefore);

    const changed = await frozen.changePrice({ id: sub.id, priceId: perSeat.id, quantity: 2 }, { context: ctx });
    const invoice = await h.client.getInvoice({ id: changed.latestInvoiceId! }, { context: ctx });
    expect(invoiceOf(invoice)).toEqual({ currency: preview.currency, lines: preview.lines, subtotal: preview.subtotal, discount: preview.discount, tax: preview.tax, total: preview.total });
    expect({ periodStart: changed.currentPeriodStart, periodEnd: changed.currentPeriodEnd }).toEqual({ periodStart: preview.periodStart, periodEnd: preview.periodEnd });
    const payment = await h.client.getPayment({ id: invoice.paymentIds[0]! }, { context: ctx });
    expect(payment).toMatchObject({ status: 'succeeded', amount: preview.total });
  });

  it('shows the new period that a change to another interval starts now', async () => {
    const ctx = t.adminInSandbox;
    const { sub, bundle } = await aSubscriber();
    const yearly = await aPrice(bundle.id, { amount: 10_000, interval: 'year' }, ctx);
    clock.advance(5 * DAY + 999);
    const preview = await frozen.previewChangePrice({ id: sub.id, priceId: yearly.id, quantity: 0 }, { context: ctx });
    expect(preview.periodStart).toBe(clock.now().toISOString());
    expect(new Date(preview.periodEnd).getUTCFullYear()).toBe(clock.now().getUTCFullYear() + 1);
    const changed = await frozen.changePrice({ id: sub.id, priceId: yearly.id, quantity: 0 }, { context: ctx });
    expect(changed).toMatchObject({ currentPeriodStart: preview.periodStart, currentPeriodEnd: preview.periodEnd });
    expect((await h.client.getInvoice({ id: changed.latestInvoiceId! }, { context: ctx })).total).toBe(preview.total);
  });

  it('charges a trialing subscription nothing: no lines, every total 0', async () => {
    const ctx = t.adminInSandbox;
    const { sub, bundle } = await aSubscriber({ trialDays: 14 });
    const dearer = await aPrice(bundle.id, { amount: 3000, trialDays: 14 }, ctx);
    const preview = await h.client.previewChangePrice({ id: sub.id, priceId: dearer.id, quantity: 3 }, { context: ctx });
    expect(preview).toMatchObject({ quantity: 3, lines: [], subtotal: 0, discount: 0, tax: 0, total: 0, periodStart: sub.currentPeriodStart, periodEnd: sub.trialEnd });
    const changed = await h.client.changePrice({ id: sub.id, priceId: dearer.id, quantity: 3 }, { context: ctx });
    expect(changed).toMatchObject({ status: 'trialing', latestInvoiceId: undefined, currentPeriodEnd: preview.periodEnd });
  });

  it('refuses what the change refuses, with the same errors', async () => {
    const ctx = t.adminInSandbox;
    const { sub, bundle } = await aSubscriber();
    const archived = await aPrice(bundle.id, { amount: 2000 }, ctx);
    await h.catalog.archivePrice({ id: archived.id }, { context: ctx });
    const dollars = await aPrice(bundle.id, { currency: 'USD' }, ctx);
    const ended = await aSubscriber();
    await h.client.cancelSubscription({ id: ended.sub.id, atPeriodEnd: false }, { context: ctx });

    const cases: Array<[billingV1.ChangePriceRequest, Partial<Awaited<ReturnType<typeof failureOf>>>]> = [
      [{ id: sub.id, priceId: archived.id, quantity: 0 }, { kind: 'unprocessable', code: 'price_not_sellable', fields: [{ path: 'priceId', message: 'price_archived' }] }],
      [{ id: sub.id, priceId: dollars.id, quantity: 0 }, { kind: 'unprocessable', code: 'currency_mismatch', fields: [{ path: 'priceId', message: 'has another currency' }] }],
      [{ id: ended.sub.id, priceId: ended.price.id, quantity: 2 }, { kind: 'unprocessable', code: 'subscription_not_active' }],
      [{ id: sub.id, priceId: '', quantity: 0 }, { kind: 'invalid_argument', fields: [{ path: 'priceId', message: 'is required' }] }],
      [{ id: sub.id, priceId: archived.id, quantity: 1_000_001 }, { kind: 'invalid_argument', fields: [{ path: 'quantity', message: expect.any(String) }] }],
      [{ id: 'sub_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M', priceId: archived.id, quantity: 0 }, { kind: 'not_found' }],
    ];
    for (const [request, expected] of cases) {
      const previewed = await failureOf(h.client.previewChangePrice(request, { context: ctx }));
      const changed = await failureOf(h.client.changePrice(request, { context: ctx }));
      expect(previewed).toMatchObject(expected);
      expect({ kind: previewed.kind, code: previewed.code, fields: previewed.fields }).toEqual({ kind: changed.kind, code: changed.code, fields: changed.fields });
    }
  });

  it('is open to a viewer, who may not change the price itself', async () => {
    const { sub, bundle } = await aSubscriber();
    const dearer = await aPrice(bundle.id, { amount: 3000 }, t.adminInSandbox);
    const request = { id: sub.id, priceId: dearer.id, quantity: 0 };
    expect((await h.client.previewChangePrice(request, { context: t.as('viewer') })).total).toBeGreaterThan(0);
    expect(await failureOf(h.client.changePrice(request, { context: t.as('viewer') }))).toMatchObject({ kind: 'permission_denied' });
  });
});
