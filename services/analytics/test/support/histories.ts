import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { isDomainError } from '@azotte/common';
import { MENU, type Platform, type Shop } from './platform';

/**
 * Random histories of one sandbox shop, as steps a property test draws and
 * then does through billing's gRPC. A step names what it acts on by a number
 * taken modulo what exists when it runs, so every drawn history is valid and
 * shrinks to shorter valid ones.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
const CARDS = { good: '4242424242424242', failing: '4000000000000341' } as const;

export type Card = 'good' | 'failing' | 'none';

export type Step =
  | { kind: 'subscribe'; customer: number | undefined; card: Card; storefront: boolean; price: number; quantity: number; coupon: boolean }
  | { kind: 'cancel'; pick: number; atPeriodEnd: boolean }
  | { kind: 'changePrice'; pick: number; price: number; quantity: number }
  | { kind: 'refund'; pick: number; percent: number }
  | { kind: 'swapCard'; pick: number; card: 'good' | 'failing' }
  | { kind: 'payInvoice'; pick: number }
  | { kind: 'advance'; days: number; hours: number };

const subscribeArbitrary: fc.Arbitrary<Step> = fc.record({
  kind: fc.constant('subscribe' as const),
  customer: fc.option(fc.nat(9), { nil: undefined, freq: 2 }),
  card: fc.constantFrom<Card>('good', 'good', 'failing', 'none'),
  storefront: fc.boolean(),
  price: fc.nat(MENU.length - 1),
  quantity: fc.integer({ min: 1, max: 3 }),
  coupon: fc.boolean(),
});

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: subscribeArbitrary },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat(9), atPeriodEnd: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('changePrice' as const), pick: fc.nat(9), price: fc.nat(MENU.length - 1), quantity: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('refund' as const), pick: fc.nat(9), percent: fc.integer({ min: 1, max: 100 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('swapCard' as const), pick: fc.nat(9), card: fc.constantFrom<'good' | 'failing'>('failing', 'failing', 'good') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('payInvoice' as const), pick: fc.nat(9) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      days: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 11, max: 100 })),
      hours: fc.nat(23),
    }),
  },
);

/** A history of `length` steps at most (3 at least), starting with a subscription. */
export const historyArbitrary = (length: number): fc.Arbitrary<Step[]> =>
  fc.tuple(subscribeArbitrary, fc.array(stepArbitrary, { minLength: 2, maxLength: Math.max(2, length - 1) })).map(([first, rest]) => [first, ...rest]);

/** One history in its own tenant: the shop, its customers and the cards they hold. */
export interface Run {
  shop: Shop;
  customers: Array<{ id: string; card: Card }>;
  /** Before anything happened: the start of every period asked. */
  start: Date;
}

const pickOf = <T>(items: T[], pick: number): T | undefined => (items.length === 0 ? undefined : items[pick % items.length]);

export async function now(p: Platform, run: Run): Promise<Date> {
  return new Date((await p.billing.getTestClock({}, { context: run.shop.ctx })).now!);
}

async function newCustomer(p: Platform, run: Run, card: Card, storefront: boolean) {
  const { ctx } = run.shop;
  const customer = await p.customers.createCustomer(
    { email: `c-${randomBytes(4).toString('hex')}@example.com`, country: 'DE', metadata: {}, storefrontId: storefront ? run.shop.storefrontId : undefined },
    { context: ctx },
  );
  const entry = { id: customer.id, card: 'none' as Card };
  run.customers.push(entry);
  if (card !== 'none') await attachCard(p, run, entry, card);
  return entry;
}

async function attachCard(p: Platform, run: Run, customer: { id: string; card: Card }, card: 'good' | 'failing') {
  await p.billing.attachPaymentMethod(
    { customerId: customer.id, type: 'card', card: { number: CARDS[card], expMonth: 12, expYear: 2040, cvc: '123' }, makeDefault: true },
    { context: run.shop.ctx },
  );
  customer.card = card;
}

const billingTable = (p: Platform, run: Run, table: string) =>
  p.sql(`${p.schemas.billing}.${table}`).where({ tenant_id: run.shop.scope.tenantId, environment_id: run.shop.scope.environmentId }).orderBy(['created_at', 'id']);

/** Does one step through billing's gRPC; a step with nothing to act on does nothing. */
export async function perform(p: Platform, run: Run, step: Step): Promise<void> {
  const { ctx, prices } = run.shop;
  switch (step.kind) {
    case 'subscribe': {
      const price = prices[step.price]!;
      let customer = step.customer === undefined ? undefined : pickOf(run.customers, step.customer);
      customer ??= await newCustomer(p, run, step.card, step.storefront);
      // Without a trial, the first invoice is charged at once: it needs a card.
      if (customer.card === 'none' && price.trialDays === 0) await attachCard(p, run, customer, 'good');
      await p.billing.createSubscription(
        { customerId: customer.id, priceId: price.id, quantity: step.quantity, paymentMethodId: '', couponCode: step.coupon ? run.shop.couponCode : '', storefrontId: '' },
        { context: ctx },
      );
      return;
    }
    case 'cancel': {
      const open = (await billingTable(p, run, 'subscriptions')).filter((s) => s.status !== 'canceled' && s.status !== 'incomplete_expired');
      const sub = pickOf(open, step.pick);
      if (sub) await p.billing.cancelSubscription({ id: sub.id, atPeriodEnd: step.atPeriodEnd }, { context: ctx });
      return;
    }
    case 'changePrice': {
      const changeable = (await billingTable(p, run, 'subscriptions')).filter((s) => s.status === 'active' || s.status === 'trialing');
      const sub = pickOf(changeable, step.pick);
      if (!sub) return;
      const price = pickOf(prices.filter((x) => x.currency === sub.currency), step.price)!;
      await p.billing.changePrice({ id: sub.id, priceId: price.id, quantity: step.quantity }, { context: ctx });
      return;
    }
    case 'refund': {
      const refundable = (await billingTable(p, run, 'payments')).filter((x) => x.status !== 'failed' && Number(x.amount) > Number(x.amount_refunded));
      const payment = pickOf(refundable, step.pick);
      if (!payment) return;
      const remaining = Number(payment.amount) - Number(payment.amount_refunded);
      const amount = step.percent === 100 ? undefined : Math.max(1, Math.floor((remaining * step.percent) / 100));
      await p.billing.createRefund({ paymentId: payment.id, amount, reason: 'requested_by_customer' }, { context: ctx });
      return;
    }
    case 'swapCard': {
      const customer = pickOf(run.customers, step.pick);
      if (customer) await attachCard(p, run, customer, step.card);
      return;
    }
    case 'payInvoice': {
      const subs = await billingTable(p, run, 'subscriptions').whereIn('status', ['incomplete', 'past_due']);
      const sub = pickOf(subs, step.pick);
      if (!sub?.latest_invoice_id) return;
      try {
        await p.billing.payInvoice({ id: sub.latest_invoice_id, paymentMethodId: '' }, { context: ctx });
      } catch (err) {
        // A card that declines is an answer too: the failed attempt is recorded.
        if (!(isDomainError(err) && err.kind === 'payment_required')) throw err;
      }
      return;
    }
    case 'advance': {
      const to = new Date((await now(p, run)).getTime() + step.days * DAY + step.hours * HOUR);
      await p.billing.advanceTestClock({ to: to.toISOString() }, { context: ctx });
      return;
    }
  }
}

