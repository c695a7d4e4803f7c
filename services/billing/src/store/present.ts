import type { billingV1 } from '@azotte/proto';
import type { CheckoutSessionRow, CheckoutSessionStatus, DiscountState, InvoiceRow, PaymentMethodRow, PaymentRow, PortalSessionRow, RefundRow, SubscriptionRow } from './tables';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : undefined);
const num = (v: string | number) => Number(v);

export function presentPaymentMethod(row: PaymentMethodRow): billingV1.PaymentMethod {
  return {
    id: row.id,
    customerId: row.customer_id,
    type: row.type,
    brand: row.brand,
    last4: row.last4,
    expMonth: row.exp_month,
    expYear: row.exp_year,
    default: row.is_default,
    provider: row.provider,
    createdAt: iso(row.created_at)!,
  };
}

export function presentDiscount(d: DiscountState | null): billingV1.Discount | undefined {
  if (!d) return undefined;
  return {
    campaignId: d.campaignId,
    variant: d.variant,
    type: d.type,
    percentOff: d.percentOff,
    amountOff: d.amountOff,
    durationCycles: d.durationCycles,
    remainingCycles: d.remainingCycles,
    code: d.code,
  };
}

export function presentSubscription(row: SubscriptionRow): billingV1.Subscription {
  return {
    id: row.id,
    customerId: row.customer_id,
    priceId: row.price_id,
    bundleId: row.bundle_id,
    status: row.status,
    quantity: num(row.quantity),
    currentPeriodStart: iso(row.current_period_start)!,
    currentPeriodEnd: iso(row.current_period_end)!,
    trialEnd: iso(row.trial_end),
    cancelAtPeriodEnd: row.cancel_at_period_end,
    canceledAt: iso(row.canceled_at),
    discount: presentDiscount(row.discount),
    latestInvoiceId: row.latest_invoice_id ?? undefined,
    storefrontId: row.storefront_id ?? '',
    paymentMethodId: row.payment_method_id ?? '',
    amount: num(row.amount),
    currency: row.currency,
    interval: row.interval,
    intervalCount: row.interval_count,
    createdAt: iso(row.created_at)!,
    endedAt: iso(row.ended_at),
  };
}

const presentLines = (row: InvoiceRow): billingV1.InvoiceLine[] =>
  row.lines.map((l) => ({
    description: l.description,
    amount: l.amount,
    quantity: l.quantity,
    periodStart: l.periodStart,
    periodEnd: l.periodEnd,
    kind: l.kind,
  }));

export function presentInvoice(row: InvoiceRow, paymentIds: string[]): billingV1.Invoice {
  return {
    id: row.id,
    status: row.status,
    currency: row.currency,
    lines: presentLines(row),
    subtotal: num(row.subtotal),
    discount: num(row.discount),
    tax: num(row.tax),
    total: num(row.total),
    amountPaid: num(row.amount_paid),
    amountRefunded: num(row.amount_refunded),
    paymentIds,
    customerId: row.customer_id,
    subscriptionId: row.subscription_id,
    billingReason: row.billing_reason,
    taxBehavior: row.tax_behavior ?? '',
    createdAt: iso(row.created_at)!,
    paidAt: iso(row.paid_at),
    dueAt: iso(row.due_at),
  };
}

export function presentPayment(row: PaymentRow): billingV1.Payment {
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    amount: num(row.amount),
    currency: row.currency,
    status: row.status,
    failureCode: row.failure_code ?? undefined,
    amountRefunded: num(row.amount_refunded),
    customerId: row.customer_id,
    subscriptionId: row.subscription_id,
    paymentMethodId: row.payment_method_id ?? '',
    provider: row.provider,
    attempt: row.attempt,
    createdAt: iso(row.created_at)!,
  };
}

export function presentRefund(row: RefundRow): billingV1.Refund {
  return {
    id: row.id,
    paymentId: row.payment_id,
    amount: num(row.amount),
    currency: row.currency,
    reason: row.reason ?? '',
    status: row.status,
    failureCode: row.failure_code ?? undefined,
    createdAt: iso(row.created_at)!,
  };
}

/** A planned change of price as its preview: the subscription after it, and the invoice it would charge (none for a trial). */
export function presentChangePricePreview(plan: { sub: SubscriptionRow; invoice: InvoiceRow | null }, at: Date): billingV1.ChangePricePreview {
  const { sub, invoice } = plan;
  return {
    subscriptionId: sub.id,
    priceId: sub.price_id,
    quantity: num(sub.quantity),
    currency: sub.currency,
    at: iso(at)!,
    lines: invoice ? presentLines(invoice) : [],
    subtotal: invoice ? num(invoice.subtotal) : 0,
    discount: invoice ? num(invoice.discount) : 0,
    tax: invoice ? num(invoice.tax) : 0,
    total: invoice ? num(invoice.total) : 0,
    periodStart: iso(sub.current_period_start)!,
    periodEnd: iso(sub.current_period_end)!,
  };
}

/** A checkout session's status at `at` (the environment's time): an open one past its expiry is expired. */
export function checkoutStatusAt(row: CheckoutSessionRow, at: Date): CheckoutSessionStatus {
  return row.status === 'open' && new Date(row.expires_at).getTime() <= at.getTime() ? 'expired' : row.status;
}

/**
 * A checkout session as answered at `at`. `secret` is given only by the
 * answer that creates it; the subscription is named once the session is
 * complete (an incomplete one of a declined attempt is not yet its outcome).
 */
export function presentCheckoutSession(row: CheckoutSessionRow, at: Date, secret = ''): billingV1.CheckoutSession {
  const status = checkoutStatusAt(row, at);
  return {
    id: row.id,
    status,
    storefrontId: row.storefront_id,
    priceIds: [...row.price_ids],
    customerId: row.customer_id ?? '',
    customerEmail: row.customer_email ?? '',
    quantity: num(row.quantity),
    couponCode: row.coupon_code ?? '',
    allowCoupons: row.allow_coupons,
    successUrl: row.success_url,
    cancelUrl: row.cancel_url,
    subscriptionId: status === 'complete' ? (row.subscription_id ?? '') : '',
    priceId: status === 'complete' ? (row.price_id ?? '') : '',
    expiresAt: iso(row.expires_at),
    createdAt: iso(row.created_at),
    completedAt: iso(row.completed_at),
    secret,
  };
}

/** A portal session's status by real time: it is a credential, and a test clock does not age it. */
export function portalStatusAt(row: PortalSessionRow, realNow: Date): 'open' | 'expired' {
  return new Date(row.expires_at).getTime() <= realNow.getTime() ? 'expired' : 'open';
}

export function presentPortalSession(row: PortalSessionRow, secret = ''): billingV1.PortalSession {
  return {
    id: row.id,
    customerId: row.customer_id,
    storefrontId: row.storefront_id ?? '',
    returnUrl: row.return_url,
    expiresAt: iso(row.expires_at),
    createdAt: iso(row.created_at),
    secret,
  };
}
