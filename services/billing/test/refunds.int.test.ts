import { createGrpcClient } from '@azotte/common';
import { billingV1 } from '@azotte/proto';
import type { PaymentProviderAdapter } from '../src/providers/adapter';
import { SandboxProvider } from '../src/providers/sandbox';
import { failureOf, startHarness, type Harness, type TestTenant } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('billing_refunds');
});
afterAll(async () => h?.close());

const everyRefund = { paymentId: '', customerId: '' };

/** A customer of a new shop with a paid first invoice; answers the customer and its payment. */
async function aPaidCustomer(t: TestTenant) {
  const ctx = t.adminInSandbox;
  const { customer, price } = await h.shop(ctx);
  await h.card(ctx, customer.id);
  const sub = await h.client.createSubscription({ customerId: customer.id, priceId: price.id, quantity: 1, paymentMethodId: '', couponCode: '', storefrontId: '' }, { context: ctx });
  const invoice = await h.client.getInvoice({ id: sub.latestInvoiceId! }, { context: ctx });
  return { customerId: customer.id, paymentId: invoice.paymentIds[0]! };
}

describe('listing refunds', () => {
  it('lists them newest first, by payment and by customer (through its payments), a page at a time', async () => {
    const t = await h.newTenant();
    const ctx = t.adminInSandbox;
    const anna = await aPaidCustomer(t);
    const ben = await aPaidCustomer(t);
    const refund = (paymentId: string, amount: number) => h.client.createRefund({ paymentId, amount, reason: 'goodwill' }, { context: ctx });
    const first = await refund(anna.paymentId, 100);
    const second = await refund(anna.paymentId, 200);
    const third = await refund(ben.paymentId, 300);
    const ids = async (req: Partial<billingV1.ListRefundsRequest>) =>
      (await h.client.listRefunds({ ...everyRefund, ...req }, { context: ctx })).data.map((r) => r.id);

    expect(await ids({})).toEqual([third.id, second.id, first.id]);
    expect(await ids({ customerId: anna.customerId })).toEqual([second.id, first.id]);
    expect(await ids({ paymentId: ben.paymentId })).toEqual([third.id]);
    expect(await ids({ customerId: anna.customerId, paymentId: ben.paymentId })).toEqual([]);

    const page1 = await h.client.listRefunds({ ...everyRefund, page: { limit: 2, cursor: '' } }, { context: ctx });
    expect(page1.data.map((r) => r.id)).toEqual([third.id, second.id]);
    const page2 = await h.client.listRefunds({ ...everyRefund, page: { limit: 2, cursor: page1.nextCursor } }, { context: ctx });
    expect(page2).toEqual({ data: [first], nextCursor: '' });
  });

  it('lets every role read them, as the rest of billing', async () => {
    const t = await h.newTenant();
    const { paymentId } = await aPaidCustomer(t);
    const refund = await h.client.createRefund({ paymentId, reason: '' }, { context: t.adminInSandbox });
    const viewer = t.as('viewer');
    expect((await h.client.listRefunds(everyRefund, { context: viewer })).data).toEqual([refund]);
    expect(await h.client.getRefund({ id: refund.id }, { context: viewer })).toEqual(refund);
  });
});

describe('a refund', () => {
  it("is read by id; another environment's or another tenant's is not found", async () => {
    const t = await h.newTenant();
    const { paymentId } = await aPaidCustomer(t);
    const refund = await h.client.createRefund({ paymentId, amount: 250, reason: 'late delivery' }, { context: t.adminInSandbox });
    expect(await h.client.getRefund({ id: refund.id }, { context: t.adminInSandbox })).toEqual({
      id: refund.id,
      paymentId,
      amount: 250,
      currency: 'EUR',
      reason: 'late delivery',
      status: 'succeeded',
      createdAt: refund.createdAt,
    });
    const stranger = await h.newTenant();
    for (const context of [t.admin, stranger.adminInSandbox]) {
      expect(await failureOf(h.client.getRefund({ id: refund.id }, { context }))).toMatchObject({ kind: 'not_found' });
      expect((await h.client.listRefunds(everyRefund, { context })).data).toEqual([]);
    }
  });

  it('that the provider refused is kept, and listed as failed', async () => {
    const t = await h.newTenant();
    const { paymentId } = await aPaidCustomer(t);
    const refusing: PaymentProviderAdapter = {
      name: 'sandbox',
      attachPaymentMethod: (card, key) => new SandboxProvider(h.db).attachPaymentMethod(card, key),
      charge: (request) => new SandboxProvider(h.db).charge(request),
      refund: async () => ({ status: 'failed', failureCode: 'charge_disputed' }),
    };
    const replica = await h.replica({ adapters: [refusing] });
    const client = createGrpcClient(billingV1.BillingServiceService, `127.0.0.1:${replica.port}`, { name: 'billing' });
    try {
      expect(await failureOf(client.createRefund({ paymentId, reason: '' }, { context: t.adminInSandbox }))).toMatchObject({ code: 'refund_failed' });
    } finally {
      client.close();
    }
    const [failed] = (await h.client.listRefunds({ ...everyRefund, paymentId }, { context: t.adminInSandbox })).data;
    expect(failed).toMatchObject({ paymentId, amount: 1000, status: 'failed', failureCode: 'charge_disputed' });
    expect((await h.client.getPayment({ id: paymentId }, { context: t.adminInSandbox })).amountRefunded).toBe(0);
  });
});
