import { EVENTS } from '@azotte/proto';
import type { Knex } from 'knex';
import type { StoredEvent } from '../events/stored-event';

/** One payment attempt (billing.payment.succeeded/failed.v1): each attempt counts, retries included. */
export async function applyPaymentAttempt(trx: Knex, event: StoredEvent): Promise<void> {
  const p = event.payload;
  const payment = p.payment;
  if (!payment?.id || !event.environmentId) return;
  const succeeded = event.type === EVENTS.billing.paymentSucceeded;
  await trx('payments')
    .insert({
      payment_id: payment.id,
      tenant_id: event.tenantId,
      environment_id: event.environmentId,
      at: event.occurredAt,
      succeeded,
      failure_code: succeeded ? '' : payment.failureCode || 'unknown',
      amount: Number(payment.amount ?? 0),
      currency: payment.currency,
      storefront_id: p.storefrontId ?? '',
      bundle_id: p.bundleId ?? '',
      customer_id: payment.customerId ?? '',
      subscription_id: payment.subscriptionId ?? '',
      campaign_id: p.campaignId ?? '',
      variant: p.variant ?? '',
    })
    .onConflict('payment_id')
    .ignore();
}

/** A refund (billing.refund.created.v1); only succeeded ones reduce revenue. */
export async function applyRefund(trx: Knex, event: StoredEvent): Promise<void> {
  const p = event.payload;
  const refund = p.refund;
  if (!refund?.id || !event.environmentId) return;
  await trx('refunds')
    .insert({
      refund_id: refund.id,
      tenant_id: event.tenantId,
      environment_id: event.environmentId,
      at: event.occurredAt,
      payment_id: refund.paymentId ?? '',
      succeeded: refund.status === 'succeeded',
      amount: Number(refund.amount ?? 0),
      currency: refund.currency,
      storefront_id: p.storefrontId ?? '',
      bundle_id: p.bundleId ?? '',
    })
    .onConflict('refund_id')
    .ignore();
}
