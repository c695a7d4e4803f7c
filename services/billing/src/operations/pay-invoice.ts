import { DomainError, unprocessable, type CallContext } from '@azotte/common';
import type { billingV1 } from '@azotte/proto';
import { BILLING_WRITERS, scopeFor } from '../domain/access';
import type { Deps } from '../domain/deps';
import { presentInvoice } from '../store/present';
import { invoiceOf, paymentIdsOf, subscriptionOf } from '../store/queries';
import { activateAfterPayment } from './activate-after-payment';
import { chargeInvoice } from './charge-invoice';

/**
 * Pays an open invoice now. A decline is a 402 naming the decline code; the
 * failed attempt is committed before the error leaves.
 */
export async function payInvoice(deps: Deps, ctx: CallContext, req: billingV1.PayInvoiceRequest): Promise<billingV1.Invoice> {
  const scope = scopeFor(ctx, BILLING_WRITERS);
  const at = await deps.clocks.now(scope);
  const current = await invoiceOf(deps.db, scope, req.id);
  if (current.status !== 'open') throw unprocessable('invoice_not_open', `Invoice ${req.id} is ${current.status}, not open.`);
  if (current.due_at && new Date(current.due_at) < at && current.billing_reason === 'subscription_create') {
    throw unprocessable('invoice_expired', `Invoice ${req.id} was payable until ${new Date(current.due_at).toISOString()}.`);
  }
  await deps.providers.forEnvironment(scope);
  const outcome = await deps.db.transaction(async (trx) => {
    const sub = await subscriptionOf(trx, scope, current.subscription_id, true);
    const result = await chargeInvoice(deps, trx, scope, sub, req.id, at, req.paymentMethodId || undefined);
    if (result.paid) await activateAfterPayment(trx, scope, sub, req.id, at);
    return result;
  });
  deps.entitlements.forgetCustomer(scope, current.customer_id);
  if (!outcome.paid && outcome.invoice.status === 'open') {
    const code = outcome.failureCode ?? 'card_declined';
    throw new DomainError('payment_required', code, `The payment was declined (${code}); the attempt is recorded as ${outcome.payment?.id}.`);
  }
  return presentInvoice(outcome.invoice, (await paymentIdsOf(deps.db, [req.id])).get(req.id)!);
}
