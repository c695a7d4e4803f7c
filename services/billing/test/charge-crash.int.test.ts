import { randomBytes } from 'node:crypto';
import { noneProcessed, processDue } from '../src/scheduler/process-due';
import { runAllDue } from '../src/scheduler/run-due';
import { SandboxProvider } from '../src/providers/sandbox';
import type { SubscriptionRow } from '../src/store/tables';
import { crashOnceAfterCharge, startHarness, type Harness, type TestTenant } from './support/harness';

let h: Harness;
let t: TestTenant;

beforeAll(async () => {
  h = await startHarness('billing_crash');
  t = await h.newTenant();
});
afterAll(async () => h?.close());

/** A subscription paid for its first period, and the end of that period. */
async function subscribed() {
  const ctx = t.adminInSandbox;
  const { customer, price } = await h.shop(ctx);
  await h.card(ctx, customer.id);
  const sub = await h.client.createSubscription({ customerId: customer.id, priceId: price.id, quantity: 1, paymentMethodId: '', couponCode: '', storefrontId: '' }, { context: ctx });
  return { ctx, sub, end: new Date(sub.currentPeriodEnd) };
}

/** What the provider charged for the renewal of `periodStart`, and what billing recorded for it. */
async function renewalOf(subscriptionId: string, periodStart: Date) {
  const charges = await h.db('sandbox_charges').where('idempotency_key', 'like', `renewal:${subscriptionId}:%`);
  const invoices = await h.db('invoices').where({ subscription_id: subscriptionId, period_start: periodStart });
  const payments = await h.db('payments').whereIn('invoice_id', invoices.map((i) => i.id));
  return { charges, invoices, payments };
}

describe('a crash after the provider charged and before the charge is recorded', () => {
  it('in the scheduler batch: the next run charges nothing more and records the first charge once', async () => {
    const { ctx, sub, end } = await subscribed();
    const undo = await crashOnceAfterCharge(h, 'subscription_id', sub.id);
    try {
      const filter = { scope: ctx.scope!, until: new Date(end.getTime() + 1000), batchSize: 10 };
      await expect(runAllDue(h.service.deps, filter)).rejects.toThrow(/simulated crash/);
      const crashed = await renewalOf(sub.id, end);
      expect(crashed.charges).toHaveLength(1);
      expect(crashed.charges[0]!.idempotency_key).toBe(`renewal:${sub.id}:${end.toISOString()}:1`);
      expect(crashed.invoices).toHaveLength(0);

      expect((await runAllDue(h.service.deps, filter)).renewals).toBe(1);
      const after = await renewalOf(sub.id, end);
      expect(after.charges).toHaveLength(1);
      expect(after.invoices).toHaveLength(1);
      expect(after.invoices[0]).toMatchObject({ status: 'paid', attempts: 1 });
      expect(after.payments).toHaveLength(1);
      expect(after.payments[0]).toMatchObject({ status: 'succeeded', provider_charge_id: after.charges[0]!.result.chargeId });
      expect((await h.client.getSubscription({ id: sub.id }, { context: ctx })).currentPeriodStart).toBe(end.toISOString());
    } finally {
      await undo();
    }
  });

  it('one at a time (processDue): the next run charges nothing more and records the first charge once', async () => {
    const { sub, end } = await subscribed();
    await h.db('subscriptions').where({ id: sub.id }).update({ next_action_at: end });
    const undo = await crashOnceAfterCharge(h, 'subscription_id', sub.id);
    const once = () =>
      h.service.deps.db.transaction(async (trx) => {
        const row = (await trx('subscriptions').where({ id: sub.id }).forUpdate().first()) as SubscriptionRow;
        return processDue(h.service.deps, trx, row, noneProcessed());
      });
    try {
      await expect(once()).rejects.toThrow(/simulated crash/);
      expect((await renewalOf(sub.id, end)).charges).toHaveLength(1);
      expect(await once()).toBe('renew');
      const after = await renewalOf(sub.id, end);
      expect(after.charges).toHaveLength(1);
      expect(after.invoices).toHaveLength(1);
      expect(after.invoices[0]).toMatchObject({ status: 'paid', attempts: 1 });
      expect(after.payments).toHaveLength(1);
      expect(after.payments[0]).toMatchObject({ status: 'succeeded', provider_charge_id: after.charges[0]!.result.chargeId });
    } finally {
      await undo();
    }
  });
});

describe('the sandbox provider, as a real one keeps its charges', () => {
  it('answers a repeated key with the first result, and refuses the key for another amount, currency or card', async () => {
    const provider = new SandboxProvider(h.db);
    const tokenOfNewCard = async () => {
      const attached = await provider.attachPaymentMethod({ number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' }, `attach-${randomBytes(4).toString('hex')}`);
      if (!attached.ok) throw new Error(`the sandbox declined 4242: ${attached.declineCode}`);
      return attached.card.token;
    };
    const [token, otherToken] = [await tokenOfNewCard(), await tokenOfNewCard()];
    const key = `test:${randomBytes(6).toString('hex')}:1`;
    const request = { token, amount: 999, currency: 'EUR', idempotencyKey: key };
    const first = await provider.charge(request);
    expect(first).toMatchObject({ status: 'succeeded' });
    expect(await provider.charge(request)).toEqual(first);
    for (const changed of [{ amount: 1999 }, { currency: 'USD' }, { token: otherToken }]) {
      await expect(provider.charge({ ...request, ...changed })).rejects.toMatchObject({ kind: 'conflict', code: 'idempotency_key_reused' });
    }
    expect(await h.db('sandbox_charges').where({ idempotency_key: key })).toHaveLength(1);
  });
});
