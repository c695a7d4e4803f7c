import type { billingV1 } from '../../gen';

/** billing.v1 messages as API.md's JSON: absent optional fields become null where the contract lists them. */

export const presentPaymentMethod = (pm: billingV1.PaymentMethod) => ({
  id: pm.id,
  type: pm.type,
  brand: pm.brand,
  last4: pm.last4,
  expMonth: pm.expMonth,
  expYear: pm.expYear,
  default: pm.default,
});

const presentDiscount = (d: billingV1.Discount | undefined) =>
  d
    ? {
        campaignId: d.campaignId,
        variant: d.variant || null,
        type: d.type as 'percent_off' | 'amount_off',
        ...(d.percentOff !== undefined ? { percentOff: d.percentOff } : {}),
        ...(d.amountOff !== undefined ? { amountOff: d.amountOff } : {}),
        durationCycles: d.durationCycles ?? null,
        remainingCycles: d.remainingCycles ?? null,
        code: d.code || null,
      }
    : null;

export const presentSubscription = (s: billingV1.Subscription) => ({
  id: s.id,
  customerId: s.customerId,
  priceId: s.priceId,
  bundleId: s.bundleId,
  status: s.status as 'active',
  quantity: s.quantity,
  currentPeriodStart: s.currentPeriodStart!,
  currentPeriodEnd: s.currentPeriodEnd!,
  trialEnd: s.trialEnd ?? null,
  cancelAtPeriodEnd: s.cancelAtPeriodEnd,
  canceledAt: s.canceledAt ?? null,
  discount: presentDiscount(s.discount),
  latestInvoiceId: s.latestInvoiceId ?? null,
  storefrontId: s.storefrontId || null,
  amount: s.amount,
  currency: s.currency,
  interval: s.interval,
  intervalCount: s.intervalCount,
  createdAt: s.createdAt!,
});

const presentLine = (l: billingV1.InvoiceLine) => ({
  description: l.description,
  amount: l.amount,
  quantity: l.quantity,
  periodStart: l.periodStart ?? null,
  periodEnd: l.periodEnd ?? null,
});

export const presentInvoice = (i: billingV1.Invoice) => ({
  id: i.id,
  status: i.status as 'open',
  currency: i.currency,
  customerId: i.customerId,
  subscriptionId: i.subscriptionId,
  lines: i.lines.map(presentLine),
  subtotal: i.subtotal,
  discount: i.discount,
  tax: i.tax,
  total: i.total,
  amountPaid: i.amountPaid,
  amountRefunded: i.amountRefunded,
  paymentIds: i.paymentIds,
  createdAt: i.createdAt!,
});

export const presentPayment = (p: billingV1.Payment) => ({
  id: p.id,
  invoiceId: p.invoiceId,
  amount: p.amount,
  currency: p.currency,
  status: p.status as 'succeeded',
  ...(p.failureCode ? { failureCode: p.failureCode } : {}),
  amountRefunded: p.amountRefunded,
  createdAt: p.createdAt!,
});

export const presentRefund = (r: billingV1.Refund) => ({
  id: r.id,
  paymentId: r.paymentId,
  amount: r.amount,
  currency: r.currency,
  reason: r.reason || null,
  status: r.status as 'succeeded' | 'failed',
  createdAt: r.createdAt!,
});

export const presentChangePricePreview = (p: billingV1.ChangePricePreview) => ({
  subscriptionId: p.subscriptionId,
  priceId: p.priceId,
  quantity: p.quantity,
  currency: p.currency,
  at: p.at!,
  lines: p.lines.map(presentLine),
  subtotal: p.subtotal,
  discount: p.discount,
  tax: p.tax,
  total: p.total,
  periodStart: p.periodStart!,
  periodEnd: p.periodEnd!,
});
