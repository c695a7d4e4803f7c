import { invalidArgument, newId, unprocessable, type CallContext } from '@azotte/common';
import type { billingV1 } from '@azotte/proto';
import { REFUNDERS, scopeFor } from '../domain/access';
import type { Deps } from '../domain/deps';
import { emitRefund } from '../events/emit';
import { presentRefund } from '../store/present';
import { paymentOf } from '../store/queries';
import { invoices, payments, refunds, subscriptions, type RefundRow, type SubscriptionRow } from '../store/tables';

/**
 * Refunds part or all of what remains of a succeeded payment. The payment row
 * is locked (`SELECT … FOR UPDATE`) for the whole operation, so concurrent
 * refunds are serialized and their sum never exceeds the payment. A refund the
 * provider refuses is recorded as failed, and answered as a 422.
 */
export async function createRefund(deps: Deps, ctx: CallContext, req: billingV1.CreateRefundRequest): Promise<billingV1.Refund> {
  const scope = scopeFor(ctx, REFUNDERS);
  if (req.amount !== undefined && (!Number.isSafeInteger(req.amount) || req.amount <= 0)) {
    throw invalidArgument([{ path: 'amount', message: 'must be a positive integer in minor units' }]);
  }
  if (req.reason.length > 500) throw invalidArgument([{ path: 'reason', message: 'is at most 500 characters' }]);
  const at = await deps.clocks.now(scope);
  const refund = await deps.db.transaction(async (trx) => {
    const payment = await paymentOf(trx, scope, req.paymentId, true);
    if (payment.status === 'failed' || !payment.provider_charge_id) {
      throw unprocessable('payment_not_refundable', `Payment ${payment.id} did not succeed: there is nothing to refund.`);
    }
    const remaining = Number(payment.amount) - Number(payment.amount_refunded);
    if (remaining <= 0) throw unprocessable('payment_fully_refunded', `Payment ${payment.id} is already fully refunded.`);
    const amount = req.amount ?? remaining;
    if (amount > remaining) {
      throw unprocessable('refund_exceeds_payment', `At most ${remaining} ${payment.currency} of payment ${payment.id} remains to refund.`, [
        { path: 'amount', message: `must be at most ${remaining}` },
      ]);
    }
    const id = newId('re');
    const adapter = deps.providers.byName(payment.provider);
    const result = adapter
      ? await adapter.refund({ chargeId: payment.provider_charge_id, amount, currency: payment.currency, idempotencyKey: id })
      : ({ status: 'failed', failureCode: 'provider_unavailable' } as const);
    const row: RefundRow = {
      id,
      payment_id: payment.id,
      amount,
      currency: payment.currency,
      reason: req.reason || null,
      status: result.status,
      failure_code: result.status === 'failed' ? result.failureCode : null,
      created_at: at,
    };
    await refunds.insert(trx, scope, { ...row, provider_refund_id: result.status === 'succeeded' ? result.refundId : null });
    if (result.status === 'succeeded') {
      const refunded = Number(payment.amount_refunded) + amount;
      payment.amount_refunded = refunded;
      payment.status = refunded >= Number(payment.amount) ? 'refunded' : 'partially_refunded';
      await payments.in(trx, scope).where({ id: payment.id }).update({ amount_refunded: refunded, status: payment.status });
      await invoices.in(trx, scope).where({ id: payment.invoice_id }).increment('amount_refunded', amount);
    }
    const sub = (await subscriptions.in(trx, scope).where({ id: payment.subscription_id }).first('storefront_id', 'bundle_id')) as
      | Pick<SubscriptionRow, 'storefront_id' | 'bundle_id'>
      | undefined;
    await emitRefund(trx, scope, row, payment, sub, at);
    return row;
  });
  if (refund.status === 'failed') {
    throw unprocessable('refund_failed', `The provider refused the refund (${refund.failure_code}); it is recorded as ${refund.id}.`);
  }
  return presentRefund(refund);
}
