import type { Scope } from '@azotte/common';
import { planPriceChange } from '../src/operations/price-change-plan';
import type { PriceChangeTerms } from '../src/operations/price-change-terms';
import type { SubscriptionRow } from '../src/store/tables';

const scope: Scope = { tenantId: 'ten_1', environmentId: 'env_1', environmentKind: 'sandbox' };
const start = new Date('2025-04-01T00:00:00Z');
const end = new Date('2025-05-01T00:00:00Z'); // 30 days
const halfway = new Date('2025-04-16T00:00:00Z');

/** An active monthly subscription at 10.00 EUR, in its first period. */
function aSubscription(overrides: Partial<SubscriptionRow> = {}): SubscriptionRow {
  return {
    id: 'sub_1',
    tenant_id: scope.tenantId,
    environment_id: scope.environmentId,
    environment_kind: 'sandbox',
    customer_id: 'cus_1',
    price_id: 'price_old',
    bundle_id: 'bun_1',
    status: 'active',
    quantity: 1,
    amount: 1000,
    setup_fee: 0,
    currency: 'EUR',
    interval: 'month',
    interval_count: 1,
    storefront_id: null,
    payment_method_id: 'pm_1',
    tax_behavior: null,
    tax_rate_percent: null,
    billing_anchor: start,
    cycle: 0,
    current_period_start: start,
    current_period_end: end,
    trial_end: null,
    cancel_at_period_end: false,
    canceled_at: null,
    ended_at: null,
    discount: null,
    credit_balance: 0,
    latest_invoice_id: 'inv_0',
    first_failed_at: null,
    retry_count: 0,
    next_action_at: end,
    created_at: start,
    updated_at: start,
    ...overrides,
  };
}

/** A monthly price of `amount` at quantity 1, unless told otherwise. */
function termsOf(amount: number, overrides: Partial<PriceChangeTerms['quote']> = {}, quantity = 1): PriceChangeTerms {
  return {
    priceId: 'price_new',
    quantity,
    quote: {
      priceId: 'price_new',
      bundleId: 'bun_2',
      currency: 'EUR',
      quantity,
      amount,
      setupFee: 0,
      interval: 'month',
      intervalCount: 1,
      trialDays: 0,
      strategy: 'flat',
      priceStatus: 'active',
      bundleStatus: 'active',
      sellable: true,
      unsellableReason: '',
      ...overrides,
    },
  };
}

const amounts = (plan: ReturnType<typeof planPriceChange>) => plan.invoice!.lines.map((l) => [l.kind, l.amount]);

describe('planning a change of price', () => {
  it('credits the unused half of the old price and charges the new one for the same half, keeping the period', () => {
    const plan = planPriceChange(scope, aSubscription(), termsOf(3000), halfway);
    expect(amounts(plan)).toEqual([
      ['proration', -500],
      ['proration', 1500],
    ]);
    expect(plan.invoice).toMatchObject({ billing_reason: 'subscription_update', subtotal: 1000, discount: 0, tax: 0, total: 1000, status: 'open' });
    expect(plan.sub).toMatchObject({ price_id: 'price_new', bundle_id: 'bun_2', amount: 3000, current_period_start: start, current_period_end: end });
    expect(plan.previous).toEqual({ previousPriceId: 'price_old', previousQuantity: 1, previousAmount: 1000 });
  });

  it('starts a new period now when the interval changes, charging it whole', () => {
    const plan = planPriceChange(scope, aSubscription(), termsOf(12000, { interval: 'year' }), halfway);
    expect(amounts(plan)).toEqual([
      ['proration', -500],
      ['proration', 12000],
    ]);
    expect(plan.sub).toMatchObject({ billing_anchor: halfway, cycle: 0, current_period_start: halfway, current_period_end: new Date('2026-04-16T00:00:00Z') });
    expect(plan.invoice!.total).toBe(11500);
  });

  it('adds tax as the subscription was set up to, on what remains after the credit', () => {
    const plan = planPriceChange(scope, aSubscription({ tax_behavior: 'exclusive', tax_rate_percent: '19' }), termsOf(3000), halfway);
    expect(plan.invoice).toMatchObject({ subtotal: 1000, tax: 190, total: 1190 });
  });

  it('carries the excess credit of a downgrade to the next invoice instead of charging a negative amount', () => {
    const plan = planPriceChange(scope, aSubscription(), termsOf(400), halfway);
    expect(plan.invoice).toMatchObject({ total: 0, status: 'paid' });
    expect(plan.sub.credit_balance).toBe(300);
  });

  it('spends credit left by an earlier change', () => {
    const plan = planPriceChange(scope, aSubscription({ credit_balance: 300 }), termsOf(3000), halfway);
    expect(plan.invoice!.lines.map((l) => l.kind)).toEqual(['proration', 'proration', 'credit']);
    expect(plan.invoice!.total).toBe(700);
    expect(plan.sub.credit_balance).toBe(0);
  });

  it('charges a trial nothing: its price changes, its period stays', () => {
    const trialing = aSubscription({ status: 'trialing', trial_end: end, latest_invoice_id: null });
    const plan = planPriceChange(scope, trialing, termsOf(3000, {}, 2), halfway);
    expect(plan.invoice).toBeNull();
    expect(plan.sub).toMatchObject({ status: 'trialing', price_id: 'price_new', quantity: 2, current_period_end: end });
  });

  it('leaves the subscription it was given as it was', () => {
    const current = aSubscription({ credit_balance: 300 });
    const before = structuredClone(current);
    planPriceChange(scope, current, termsOf(400, { interval: 'year' }), halfway);
    expect(current).toEqual(before);
  });

  it.each(['past_due', 'incomplete', 'canceled'])('refuses a subscription that is %s', (status) => {
    expect(() => planPriceChange(scope, aSubscription({ status }), termsOf(3000), halfway)).toThrow(
      expect.objectContaining({ kind: 'unprocessable', code: 'subscription_not_active' }),
    );
  });
});
