import { claimRequestKey, conflict, earlierRequest, RepeatedRequest, type CallContext } from '@azotte/common';
import type { billingV1 } from '@azotte/proto';
import { BILLING_WRITERS, scopeFor } from '../domain/access';
import type { Deps } from '../domain/deps';
import { afterCharge } from '../domain/lifecycle';
import { emitSubscription } from '../events/emit';
import { presentSubscription } from '../store/present';
import { subscriptionOf } from '../store/queries';
import { subscriptions } from '../store/tables';
import { activateAfterPayment } from './activate-after-payment';
import { chargeInvoice } from './charge-invoice';
import { requestPart } from './charge-keys';
import { writeInvoice } from './create-invoice';
import { planPriceChange } from './price-change-plan';
import { priceChangeTerms } from './price-change-terms';

/**
 * Moves a subscription to another price (and/or quantity), prorated to the
 * second: a credit for the unused time of the old price and a charge for the
 * rest of the period at the new one, invoiced and charged at once. The billing
 * anchor stays when the interval is the same; otherwise a new period starts
 * now. A trial just changes its price. A declined charge leaves the change in
 * place and the subscription past_due, its invoice in dunning. What is
 * invoiced is `planPriceChange`'s, as PreviewChangePrice shows it.
 */
export async function changePrice(deps: Deps, ctx: CallContext, req: billingV1.ChangePriceRequest): Promise<billingV1.Subscription> {
  const scope = scopeFor(ctx, BILLING_WRITERS);
  // Sent again with its key (the first answer was lost): the subscription as the first left it, charged once.
  const earlier = await earlierRequest(deps.db, scope, req.idempotencyKey, 'change_price');
  if (earlier && earlier !== req.id) {
    throw conflict('idempotency_key_reused', `Idempotency-Key ${req.idempotencyKey} changed the price of another subscription (${earlier}).`);
  }
  if (earlier) return presentSubscription(await subscriptionOf(deps.db, scope, earlier));
  const { terms } = await priceChangeTerms(deps, scope, req);
  const at = await deps.clocks.now(scope);
  let row;
  try {
    row = await deps.db.transaction(async (trx) => {
      const current = await subscriptionOf(trx, scope, req.id, true);
      await claimRequestKey(trx, scope, req.idempotencyKey, 'change_price', current.id);
      const plan = planPriceChange(scope, current, terms, at);
      const { sub, previous } = plan;
      await subscriptions.in(trx, scope).where({ id: sub.id }).update(plan.change);
      if (!plan.invoice) {
        await emitSubscription(trx, scope, 'subscriptionPriceChanged', sub, at, previous);
        return sub;
      }
      const invoice = await writeInvoice(trx, scope, sub, plan.invoice, at);
      const outcome = invoice.status === 'paid' ? { paid: true } : await chargeInvoice(deps, trx, scope, sub, invoice.id, at, undefined, { kind: 'change', subscriptionId: sub.id, at, request: requestPart(scope, req.idempotencyKey) });
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
    });
  } catch (err) {
    // The same key's other request changed it meanwhile: the subscription as it left it is the answer.
    if (err instanceof RepeatedRequest) return presentSubscription(await subscriptionOf(deps.db, scope, err.resourceId));
    throw err;
  }
  deps.entitlements.forgetCustomer(scope, row.customer_id);
  return presentSubscription(row);
}
