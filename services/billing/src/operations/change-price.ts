import { invalidArgument, unprocessable, type CallContext } from '@azotte/common';
import type { billingV1 } from '@azotte/proto';
import { BILLING_WRITERS, scopeFor } from '../domain/access';
import type { Deps } from '../domain/deps';
import { isInterval, periodBoundary, type Interval } from '../domain/periods';
import { prorate } from '../domain/proration';
import { afterCharge } from '../domain/lifecycle';
import { emitSubscription } from '../events/emit';
import { presentSubscription } from '../store/present';
import { subscriptionOf } from '../store/queries';
import { subscriptions, type SubscriptionRow } from '../store/tables';
import { activateAfterPayment } from './activate-after-payment';
import { chargeInvoice } from './charge-invoice';
import { createInvoice } from './create-invoice';

/**
 * Moves a subscription to another price (and/or quantity), prorated to the
 * second: a credit for the unused time of the old price and a charge for the
 * rest of the period at the new one, invoiced and charged at once. The billing
 * anchor stays when the interval is the same; otherwise a new period starts
 * now. A trial just changes its price. A declined charge leaves the change in
 * place and the subscription past_due, its invoice in dunning.
 */
export async function changePrice(deps: Deps, ctx: CallContext, req: billingV1.ChangePriceRequest): Promise<billingV1.Subscription> {
  const scope = scopeFor(ctx, BILLING_WRITERS);
  if (!req.priceId) throw invalidArgument([{ path: 'priceId', message: 'is required' }]);
  if (req.quantity < 0 || req.quantity > 1_000_000) throw invalidArgument([{ path: 'quantity', message: 'must be between 1 and 1000000' }]);
  const current = await subscriptionOf(deps.db, scope, req.id);
  const quantity = req.quantity || Number(current.quantity);
  const quote = await deps.remote.quote(scope, { priceId: req.priceId, quantity, storefrontId: current.storefront_id ?? '', country: '' });
  if (!quote.sellable) {
    throw unprocessable('price_not_sellable', `Price ${req.priceId} cannot be subscribed to: ${quote.unsellableReason}.`, [
      { path: 'priceId', message: quote.unsellableReason },
    ]);
  }
  if (quote.currency !== current.currency) {
    throw unprocessable('currency_mismatch', `The new price is in ${quote.currency}, the subscription in ${current.currency}.`, [
      { path: 'priceId', message: 'has another currency' },
    ]);
  }
  if (!isInterval(quote.interval)) throw unprocessable('price_not_sellable', `Price ${req.priceId} has an unknown interval.`);
  const at = await deps.clocks.now(scope);
  const row = await deps.db.transaction(async (trx) => {
    const sub = await subscriptionOf(trx, scope, req.id, true);
    if (sub.status !== 'active' && sub.status !== 'trialing') {
      throw unprocessable('subscription_not_active', `Subscription ${sub.id} is ${sub.status}: only active or trialing subscriptions change price.`);
    }
    const previous = { previousPriceId: sub.price_id, previousQuantity: Number(sub.quantity), previousAmount: Number(sub.amount) };
    const sameInterval = quote.interval === sub.interval && quote.intervalCount === sub.interval_count;
    const change: Partial<SubscriptionRow> = {
      price_id: req.priceId,
      bundle_id: quote.bundleId,
      quantity,
      amount: quote.amount,
      interval: quote.interval,
      interval_count: quote.intervalCount,
      updated_at: at,
    };
    if (sub.status === 'active') {
      const p = prorate({
        periodStart: new Date(sub.current_period_start),
        periodEnd: new Date(sub.current_period_end),
        at,
        oldAmount: Number(sub.amount),
        newAmount: quote.amount,
        sameInterval,
      });
      if (!sameInterval) {
        const end = periodBoundary(at, quote.interval as Interval, quote.intervalCount, 1);
        Object.assign(change, { billing_anchor: at, cycle: 0, current_period_start: at, current_period_end: end, next_action_at: end });
      }
      Object.assign(sub, change);
      await subscriptions.in(trx, scope).where({ id: sub.id }).update(change);
      const periodEnd = new Date(sub.current_period_end).toISOString();
      const invoice = await createInvoice(trx, scope, sub, {
        reason: 'subscription_update',
        lines: [
          ...(p.credit !== 0
            ? [{ description: `Unused time on ${previous.previousPriceId}`, amount: p.credit, quantity: previous.previousQuantity, periodStart: at.toISOString(), periodEnd, kind: 'proration' as const }]
            : []),
          {
            description: sameInterval ? `Remaining time on ${req.priceId}` : `${quantity} × ${quote.bundleId} (${quote.intervalCount} ${quote.interval})`,
            amount: p.charge,
            quantity,
            periodStart: at.toISOString(),
            periodEnd,
            kind: 'proration',
          },
        ],
        discountable: 0,
        applyDiscount: false,
        at,
      });
      const outcome = invoice.status === 'paid' ? { paid: true } : await chargeInvoice(deps, trx, scope, sub, invoice.id, at, undefined, { kind: 'change', subscriptionId: sub.id, at });
      if (!outcome.paid) {
        const next = afterCharge('price_change', false, { status: 'active', periodEnd: new Date(sub.current_period_end), firstFailedAt: null, retryCount: 0 }, at);
        const dunning = { status: next.status, first_failed_at: next.firstFailedAt, retry_count: next.retryCount, next_action_at: next.nextActionAt };
        Object.assign(sub, dunning);
        await subscriptions.in(trx, scope).where({ id: sub.id }).update(dunning);
        await emitSubscription(trx, scope, 'subscriptionPriceChanged', sub, at, { ...previous, invoiceId: invoice.id });
        await emitSubscription(trx, scope, 'subscriptionPastDue', sub, at, { previousStatus: 'active', invoiceId: invoice.id });
        return sub;
      }
      await emitSubscription(trx, scope, 'subscriptionPriceChanged', sub, at, { ...previous, invoiceId: invoice.id });
      await activateAfterPayment(trx, scope, sub, invoice.id, at);
      return sub;
    }
    Object.assign(sub, change);
    await subscriptions.in(trx, scope).where({ id: sub.id }).update(change);
    await emitSubscription(trx, scope, 'subscriptionPriceChanged', sub, at, previous);
    return sub;
  });
  deps.entitlements.forgetCustomer(scope, row.customer_id);
  return presentSubscription(row);
}
