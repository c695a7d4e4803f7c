import { enqueueEvent, type Db, type NewEvent, type Scope } from '@azotte/common';
import { EVENTS, type eventsV1 } from '@azotte/proto';
import { presentCheckoutSession, presentDiscount, presentInvoice, presentPayment, presentPaymentMethod, presentRefund, presentSubscription } from '../store/present';
import type { CheckoutSessionRow, InvoiceRow, PaymentMethodRow, PaymentRow, RefundRow, SubscriptionRow } from '../store/tables';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : undefined);

export function snapshotOf(row: SubscriptionRow, at: Date): eventsV1.SubscriptionSnapshot {
  return {
    id: row.id,
    customerId: row.customer_id,
    status: row.status,
    priceId: row.price_id,
    bundleId: row.bundle_id,
    quantity: Number(row.quantity),
    storefrontId: row.storefront_id ?? '',
    campaignId: row.discount?.campaignId ?? '',
    variant: row.discount?.variant ?? '',
    amount: Number(row.amount),
    currency: row.currency,
    interval: row.interval,
    intervalCount: row.interval_count,
    discount: presentDiscount(row.discount),
    currentPeriodStart: iso(row.current_period_start)!,
    currentPeriodEnd: iso(row.current_period_end)!,
    trialEnd: iso(row.trial_end),
    cancelAtPeriodEnd: row.cancel_at_period_end,
    canceledAt: iso(row.canceled_at),
    occurredAt: at.toISOString(),
  };
}

type SubscriptionEvent = keyof Pick<
  typeof EVENTS.billing,
  | 'subscriptionCreated'
  | 'subscriptionActivated'
  | 'subscriptionRenewed'
  | 'subscriptionPriceChanged'
  | 'subscriptionPastDue'
  | 'subscriptionCancelScheduled'
  | 'subscriptionResumed'
  | 'subscriptionCanceled'
  | 'subscriptionExpired'
>;

type SubscriptionExtra = { previousStatus?: string; previousPriceId?: string; previousQuantity?: number; previousAmount?: number; invoiceId?: string };

export async function emitSubscription(trx: Db, scope: Scope, event: SubscriptionEvent, row: SubscriptionRow, at: Date, extra: SubscriptionExtra = {}): Promise<void> {
  await enqueueEvent(trx, subscriptionEvent(scope, event, row, at, extra));
}

/** The outbox event of a subscription change (built apart so that a batch can write many at once). */
export function subscriptionEvent(scope: Scope, event: SubscriptionEvent, row: SubscriptionRow, at: Date, extra: SubscriptionExtra = {}): NewEvent {
  const payload: eventsV1.SubscriptionChanged = {
    subscription: snapshotOf(row, at),
    previousStatus: extra.previousStatus ?? '',
    previousPriceId: extra.previousPriceId ?? '',
    previousQuantity: extra.previousQuantity ?? 0,
    previousAmount: extra.previousAmount ?? 0,
    invoiceId: extra.invoiceId ?? '',
    // What GetSubscription answers now: the webhook service's public events carry it.
    resource: presentSubscription(row),
  };
  return { type: EVENTS.billing[event], payload: toJson(payload), scope };
}

type InvoiceEvent = 'invoiceCreated' | 'invoicePaid' | 'invoiceVoided';

export async function emitInvoice(trx: Db, scope: Scope, event: InvoiceEvent, invoice: InvoiceRow, paymentIds: string[], sub: SubscriptionRow, at: Date): Promise<void> {
  await enqueueEvent(trx, invoiceEvent(scope, event, invoice, paymentIds, sub, at));
}

export function invoiceEvent(scope: Scope, event: InvoiceEvent, invoice: InvoiceRow, paymentIds: string[], sub: SubscriptionRow, at: Date): NewEvent {
  const payload: eventsV1.InvoiceChanged = {
    invoice: presentInvoice(invoice, paymentIds),
    storefrontId: sub.storefront_id ?? '',
    bundleId: sub.bundle_id,
    priceId: sub.price_id,
    campaignId: sub.discount?.campaignId ?? '',
    variant: sub.discount?.variant ?? '',
    interval: sub.interval,
    intervalCount: sub.interval_count,
    occurredAt: at.toISOString(),
  };
  return { type: EVENTS.billing[event], payload: toJson(payload), scope };
}

/** The invoice after a payment attempt, with the ids of every payment of it (this one included). */
export interface InvoiceAfterAttempt {
  row: InvoiceRow;
  paymentIds: string[];
}

export async function emitPayment(trx: Db, scope: Scope, payment: PaymentRow, sub: SubscriptionRow, at: Date, invoice?: InvoiceAfterAttempt): Promise<void> {
  await enqueueEvent(trx, paymentEvent(scope, payment, sub, at, invoice));
}

export function paymentEvent(scope: Scope, payment: PaymentRow, sub: SubscriptionRow, at: Date, invoice?: InvoiceAfterAttempt): NewEvent {
  const payload: eventsV1.PaymentAttempted = {
    payment: presentPayment(payment),
    storefrontId: sub.storefront_id ?? '',
    bundleId: sub.bundle_id,
    campaignId: sub.discount?.campaignId ?? '',
    variant: sub.discount?.variant ?? '',
    occurredAt: at.toISOString(),
    // The public `invoice.payment_failed` event carries the invoice as GetInvoice answers it.
    invoice: invoice ? presentInvoice(invoice.row, invoice.paymentIds) : undefined,
  };
  const type = payment.status === 'failed' ? EVENTS.billing.paymentFailed : EVENTS.billing.paymentSucceeded;
  return { type, payload: toJson(payload), scope };
}

export async function emitRefund(
  trx: Db,
  scope: Scope,
  refund: RefundRow,
  payment: PaymentRow,
  sub: Pick<SubscriptionRow, 'storefront_id' | 'bundle_id'> | undefined,
  at: Date,
): Promise<void> {
  const payload: eventsV1.RefundCreated = {
    refund: presentRefund(refund),
    customerId: payment.customer_id,
    subscriptionId: payment.subscription_id,
    invoiceId: payment.invoice_id,
    storefrontId: sub?.storefront_id ?? '',
    bundleId: sub?.bundle_id ?? '',
    paymentAmountRefunded: Number(payment.amount_refunded),
    occurredAt: at.toISOString(),
  };
  await enqueueEvent(trx, { type: EVENTS.billing.refundCreated, payload: toJson(payload), scope });
}

export async function emitPaymentMethodAttached(trx: Db, scope: Scope, row: PaymentMethodRow): Promise<void> {
  const payload: eventsV1.PaymentMethodAttached = { paymentMethod: presentPaymentMethod(row) };
  await enqueueEvent(trx, { type: EVENTS.billing.paymentMethodAttached, payload: toJson(payload), scope });
}

type CheckoutSessionEvent = 'checkoutSessionCreated' | 'checkoutSessionCompleted' | 'checkoutSessionExpired';

/** A checkout session's change, the session as its Get answers at `at` (never with its secret). */
export async function emitCheckoutSession(trx: Db, scope: Scope, event: CheckoutSessionEvent, row: CheckoutSessionRow, at: Date): Promise<void> {
  const payload: eventsV1.CheckoutSessionChanged = { checkoutSession: presentCheckoutSession(row, at), occurredAt: at.toISOString() };
  await enqueueEvent(trx, { type: EVENTS.billing[event], payload: toJson(payload), scope });
}

// The JSON form of a proto message: undefined optional fields are left out.
const toJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
