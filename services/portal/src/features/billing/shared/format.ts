import type { Schema } from '../../../lib/api';
import { t } from '../../../lib/i18n';
import { formatMoney } from '../../../lib/money';

type Price = Schema<'Price'>;

/** "€19.99 / month × 2": what a subscription costs each period. */
export function subscriptionPrice(s: Pick<Schema<'Subscription'>, 'amount' | 'currency' | 'interval' | 'intervalCount' | 'quantity'>): string {
  const each = t.billing.perInterval(formatMoney(s.amount, s.currency), s.intervalCount, s.interval);
  return s.quantity === 1 ? each : `${each} ${t.billing.times(s.quantity)}`;
}

/** A price as a person chooses it: "€19.99 / month", "Tiered / year" (a per-unit price says so in its extras). */
export function priceLabel(p: Pick<Price, 'amount' | 'currency' | 'interval' | 'intervalCount' | 'strategy'>): string {
  if (p.strategy === 'tiered' || p.amount === null) return t.billing.perInterval(t.billing.tiered, p.intervalCount, p.interval);
  return t.billing.perInterval(formatMoney(p.amount, p.currency), p.intervalCount, p.interval);
}

/** What else a price has: per unit, a trial, a setup fee. */
export function priceExtras(p: Pick<Price, 'trialDays' | 'setupFee' | 'currency' | 'strategy'>): string[] {
  const extras: string[] = [];
  if (p.strategy === 'per_unit') extras.push(t.billing.perUnit);
  if (p.trialDays > 0) extras.push(t.billing.trialDays(p.trialDays));
  if (p.setupFee) extras.push(t.billing.setupFee(formatMoney(p.setupFee, p.currency)));
  return extras;
}

export const subscriptionStatus = (status: string) => t.billing.subscriptionStatuses[status] ?? status;
export const paymentStatus = (status: string) => t.billing.paymentStatuses[status] ?? status;
export const invoiceStatus = (status: string) => t.billing.invoiceStatuses[status] ?? status;

/** What remains refundable of a payment, in minor units (never below zero). */
export const remainingOf = (p: Pick<Schema<'Payment'>, 'amount' | 'amountRefunded'>) => Math.max(0, p.amount - p.amountRefunded);

/** Only money that was taken can be given back, and only what remains of it. */
export const isRefundable = (p: Pick<Schema<'Payment'>, 'status' | 'amount' | 'amountRefunded'>) =>
  (p.status === 'succeeded' || p.status === 'partially_refunded') && remainingOf(p) > 0;

/** A card as people read it: "Visa •••• 4242". */
export const cardName = (pm: Pick<Schema<'PaymentMethod'>, 'brand' | 'last4'>) =>
  t.billing.create.card(pm.brand.charAt(0).toUpperCase() + pm.brand.slice(1), pm.last4);
