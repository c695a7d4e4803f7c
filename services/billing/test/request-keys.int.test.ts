import { crashOnceAfterCharge, startHarness, type Harness, type TestTenant } from './support/harness';

// A request that charges, sent again with its Idempotency-Key after the first answer was lost
// (the gateway's deadline, a gateway that crashed): billing finds what the first did.
let h: Harness;
let t: TestTenant;
beforeAll(async () => {
  h = await startHarness('billing_request_keys');
  t = await h.newTenant();
});
afterAll(async () => h?.close());

const subscribe = (customerId: string, priceId: string, idempotencyKey: string) =>
  h.client.createSubscription({ customerId, priceId, quantity: 1, paymentMethodId: '', couponCode: '', storefrontId: '', idempotencyKey }, { context: t.adminInSandbox });

async function chargesOf(customerId: string) {
  const subs = await h.db('subscriptions').where({ customer_id: customerId }).select('id');
  const invoices = await h.db('invoices').whereIn('subscription_id', subs.map((s) => s.id)).select('id');
  const payments = await h.db('payments').whereIn('invoice_id', invoices.map((i) => i.id)).select('id');
  return { subscriptions: subs.length, invoices: invoices.length, payments: payments.length };
}

describe('a create-subscription sent again with its key', () => {
  it('answers the subscription the first made, and charges nothing more', async () => {
    const { customer, price } = await h.shop(t.adminInSandbox, { amount: 1500 });
    await h.card(t.adminInSandbox, customer.id);
    const first = await subscribe(customer.id, price.id, 'order-1');
    const again = await subscribe(customer.id, price.id, 'order-1');
    expect(again).toMatchObject({ id: first.id, status: 'active', latestInvoiceId: first.latestInvoiceId });
    expect(await chargesOf(customer.id)).toEqual({ subscriptions: 1, invoices: 1, payments: 1 });
    // Another key is another subscription.
    const other = await subscribe(customer.id, price.id, 'order-2');
    expect(other.id).not.toBe(first.id);
    expect(await chargesOf(customer.id)).toEqual({ subscriptions: 2, invoices: 2, payments: 2 });
  });

  it('sent five times at once makes one subscription and one charge', async () => {
    const { customer, price } = await h.shop(t.adminInSandbox, { amount: 1500 });
    await h.card(t.adminInSandbox, customer.id);
    const answers = await Promise.all(Array.from({ length: 5 }, () => subscribe(customer.id, price.id, 'order-at-once')));
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(await chargesOf(customer.id)).toEqual({ subscriptions: 1, invoices: 1, payments: 1 });
  });
});

describe('a create-subscription that crashed after the provider charged, sent again with its key', () => {
  it('is charged at the provider once: the retry, a subscription of another id, finds the first charge', async () => {
    const { customer, price } = await h.shop(t.adminInSandbox, { amount: 1777 });
    await h.card(t.adminInSandbox, customer.id);
    // The first payment insert for the customer raises: the provider has charged, billing's
    // transaction (the subscription, its invoice) rolls back, as in a crash (a sequence is not rolled back).
    const undo = await crashOnceAfterCharge(h, 'customer_id', customer.id);
    try {
      await expect(subscribe(customer.id, price.id, 'order-crash')).rejects.toThrow();
      expect(await chargesOf(customer.id)).toEqual({ subscriptions: 0, invoices: 0, payments: 0 });
      const retried = await subscribe(customer.id, price.id, 'order-crash');
      expect(retried.status).toBe('active');
      expect(await chargesOf(customer.id)).toEqual({ subscriptions: 1, invoices: 1, payments: 1 });
      // Every charge of this test's amount at the provider: one.
      const [{ n: charges }] = await h.db('sandbox_charges').where({ amount: 1777 }).count({ n: '*' });
      expect(Number(charges)).toBe(1);
    } finally {
      await undo();
    }
  });
});

describe('a change of price sent again with its key', () => {
  it('is applied and charged once', async () => {
    const ctx = t.adminInSandbox;
    const { customer, price, bundle } = await h.shop(ctx, { amount: 1000 });
    await h.card(ctx, customer.id);
    const dearer = await h.catalog.createPrice({ bundleId: bundle.id, currency: 'EUR', amount: 3000, strategy: 'flat', interval: 'month', intervalCount: 1 }, { context: ctx });
    const sub = await subscribe(customer.id, price.id, '');
    const change = { id: sub.id, priceId: dearer.id, quantity: 0, idempotencyKey: 'upgrade-1' };
    const answers = await Promise.all([h.client.changePrice(change, { context: ctx }), h.client.changePrice(change, { context: ctx })]);
    const again = await h.client.changePrice(change, { context: ctx });
    expect([...answers, again].map((a) => a.priceId)).toEqual([dearer.id, dearer.id, dearer.id]);
    // The first invoice and one proration invoice.
    expect(await chargesOf(customer.id)).toEqual({ subscriptions: 1, invoices: 2, payments: 2 });
  });

  it('with the key of another subscription’s change is refused, naming the key', async () => {
    const ctx = t.adminInSandbox;
    const { customer, price, bundle } = await h.shop(ctx, { amount: 1000 });
    await h.card(ctx, customer.id);
    const dearer = await h.catalog.createPrice({ bundleId: bundle.id, currency: 'EUR', amount: 2000, strategy: 'flat', interval: 'month', intervalCount: 1 }, { context: ctx });
    const [a, b] = [await subscribe(customer.id, price.id, ''), await subscribe(customer.id, price.id, '')];
    await h.client.changePrice({ id: a.id, priceId: dearer.id, quantity: 0, idempotencyKey: 'shared-key' }, { context: ctx });
    await expect(h.client.changePrice({ id: b.id, priceId: dearer.id, quantity: 0, idempotencyKey: 'shared-key' }, { context: ctx })).rejects.toMatchObject({
      kind: 'conflict',
      code: 'idempotency_key_reused',
    });
  });
});
