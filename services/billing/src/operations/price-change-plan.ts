import { unprocessable, type Scope } from '@azotte/common';
import { periodBoundary } from '../domain/periods';
import { prorate } from '../domain/proration';
import type { InvoiceRow, SubscriptionRow } from '../store/tables';
import { draftInvoice } from './create-invoice';
import type { PriceChangeTerms } from './price-change-terms';

export interface PriceChangePlan {
  /** The subscription after the change and its invoice: a copy, the row given is left as it was. */
  sub: SubscriptionRow;
  /** The columns the change sets on the subscription row (the invoice's own are set by writing it). */
  change: Partial<SubscriptionRow>;
  /** The invoice to write and charge at once; null for a trial, which is charged nothing. */
  invoice: InvoiceRow | null;
  /** What the change replaced, for its event. */
  previous: { previousPriceId: string; previousQuantity: number; previousAmount: number };
}

/**
 * A change of price at `at`, in memory only: the new terms and period, and
 * the invoice prorated to the second (a credit for the unused time of the old
 * price, a charge for the rest of the period at the new one, or a whole new
 * period when the interval changes), with the subscription's credit and its
 * tax, each rounded once by the invoice math. ChangePrice writes and charges
 * exactly this; PreviewChangePrice shows it, so the two cannot disagree.
 */
export function planPriceChange(scope: Scope, current: SubscriptionRow, terms: PriceChangeTerms, at: Date): PriceChangePlan {
  if (current.status !== 'active' && current.status !== 'trialing') {
    throw unprocessable('subscription_not_active', `Subscription ${current.id} is ${current.status}: only active or trialing subscriptions change price.`);
  }
  const { quote, quantity, priceId } = terms;
  const previous = { previousPriceId: current.price_id, previousQuantity: Number(current.quantity), previousAmount: Number(current.amount) };
  const sameInterval = quote.interval === current.interval && quote.intervalCount === current.interval_count;
  const change: Partial<SubscriptionRow> = {
    price_id: priceId,
    bundle_id: quote.bundleId,
    quantity,
    amount: quote.amount,
    interval: quote.interval,
    interval_count: quote.intervalCount,
    updated_at: at,
  };
  // A trial just changes its price: its end is the first charge.
  if (current.status === 'trialing') return { sub: { ...current, ...change }, change, invoice: null, previous };

  const p = prorate({
    periodStart: new Date(current.current_period_start),
    periodEnd: new Date(current.current_period_end),
    at,
    oldAmount: Number(current.amount),
    newAmount: quote.amount,
    sameInterval,
  });
  if (!sameInterval) {
    const end = periodBoundary(at, quote.interval, quote.intervalCount, 1);
    Object.assign(change, { billing_anchor: at, cycle: 0, current_period_start: at, current_period_end: end, next_action_at: end });
  }
  const sub: SubscriptionRow = { ...current, ...change };
  const periodStart = at.toISOString();
  const periodEnd = new Date(sub.current_period_end).toISOString();
  const invoice = draftInvoice(scope, sub, {
    reason: 'subscription_update',
    lines: [
      ...(p.credit !== 0
        ? [{ description: `Unused time on ${previous.previousPriceId}`, amount: p.credit, quantity: previous.previousQuantity, periodStart, periodEnd, kind: 'proration' as const }]
        : []),
      {
        description: sameInterval ? `Remaining time on ${priceId}` : `${quantity} × ${quote.bundleId} (${quote.intervalCount} ${quote.interval})`,
        amount: p.charge,
        quantity,
        periodStart,
        periodEnd,
        kind: 'proration',
      },
    ],
    discountable: 0,
    applyDiscount: false,
    at,
  });
  return { sub, change, invoice, previous };
}
