import { runAllDue } from '../src/scheduler/run-due';
import { startHarness, type Harness, type TestTenant } from './support/harness';

let h: Harness;
let t: TestTenant;

beforeAll(async () => {
  h = await startHarness('billing_conc');
  t = await h.newTenant();
});
afterAll(async () => h?.close());

describe('under concurrency', () => {
  it('serializes 10 parallel refunds on one payment: together they never exceed it', async () => {
    const ctx = t.adminInSandbox;
    const { customer, price } = await h.shop(ctx, { amount: 1000 });
    await h.card(ctx, customer.id);
    const sub = await h.client.createSubscription({ customerId: customer.id, priceId: price.id, quantity: 1, paymentMethodId: '', couponCode: '', storefrontId: '' }, { context: ctx });
    const paymentId = (await h.client.getInvoice({ id: sub.latestInvoiceId! }, { context: ctx })).paymentIds[0]!;
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => h.client.createRefund({ paymentId, amount: 300, reason: 'race' }, { context: ctx })),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(ok).toHaveLength(3);
    expect(refused.every((r) => (r.reason as { code: string }).code === 'refund_exceeds_payment')).toBe(true);
    const payment = await h.client.getPayment({ id: paymentId }, { context: ctx });
    expect(payment).toMatchObject({ amountRefunded: 900, status: 'partially_refunded' });
    const [{ sum }] = await h.db('refunds').where({ payment_id: paymentId, status: 'succeeded' }).sum({ sum: 'amount' });
    expect(Number(sum)).toBe(900);
  });

  it('creates and charges more subscriptions at once than the pool has connections, every one answered', async () => {
    const tt = await h.newTenant();
    const ctx = tt.adminInSandbox;
    const { customer, price } = await h.shop(ctx, { amount: 1000 });
    await h.card(ctx, customer.id);
    // DB_POOL_MAX is 3 under NODE_ENV=test: each create holds a connection for its transaction
    // while the provider records its charge, which must not need one of the same pool.
    const created = await Promise.all(
      Array.from({ length: 8 }, () =>
        h.client.createSubscription({ customerId: customer.id, priceId: price.id, quantity: 1, paymentMethodId: '', couponCode: '', storefrontId: '' }, { context: ctx }),
      ),
    );
    expect(created.map((sub) => sub.status)).toEqual(Array(8).fill('active'));
    const [{ n }] = await h.db('sandbox_charges').whereIn('idempotency_key', created.map((sub) => `first:${sub.id}:1`)).count({ n: '*' });
    expect(Number(n)).toBe(8);
  });

  it('two schedulers running at once bill each period exactly once', async () => {
    const tt = await h.newTenant();
    const ctx = tt.adminInSandbox;
    const { customer, price } = await h.shop(ctx);
    await h.card(ctx, customer.id);
    const count = 40;
    const subs = [];
    for (let i = 0; i < count; i++) {
      subs.push(await h.client.createSubscription({ customerId: customer.id, priceId: price.id, quantity: 1, paymentMethodId: '', couponCode: '', storefrontId: '' }, { context: ctx }));
    }
    // Move the environment's clock past three period ends without running anything.
    const scope = ctx.scope!;
    await h.service.deps.clocks.setOffset(h.service.deps.db, scope.tenantId, scope.environmentId, 95 * 86_400_000);
    const replica = await h.replica();
    const [a, b] = await Promise.all([
      runAllDue(h.service.deps, { batchSize: 7 }),
      runAllDue(replica.deps, { batchSize: 7 }),
    ]);
    // 95 days after a start in any month covers exactly three period ends.
    expect(a.renewals + b.renewals).toBe(count * 3);
    expect(a.renewals).toBeGreaterThan(0);
    expect(b.renewals).toBeGreaterThan(0);
    const perPeriod = await h.db('invoices')
      .whereIn('subscription_id', subs.map((s) => s.id))
      .groupBy('subscription_id', 'period_start')
      .select('subscription_id', 'period_start')
      .count({ n: '*' });
    expect(perPeriod).toHaveLength(count * 4);
    expect(perPeriod.every((r) => Number(r.n) === 1)).toBe(true);
    const charges = await h.db('payments').whereIn('subscription_id', subs.map((s) => s.id)).count({ n: '*' });
    expect(Number(charges[0]!.n)).toBe(count * 4);
  });
});
