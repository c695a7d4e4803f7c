import type { Schema } from '../../../lib/api';
import { t } from '../../../lib/i18n';
import { formatMoney } from '../../../lib/money';

/** "€19.99 / month × 2": what a subscription costs each period. */
export function subscriptionPrice(s: Pick<Schema<'Subscription'>, 'amount' | 'currency' | 'interval' | 'intervalCount' | 'quantity'>): string {
  const each = t.billing.perInterval(formatMoney(s.amount, s.currency), s.intervalCount, s.interval);
  return s.quantity === 1 ? each : `${each} ${t.billing.times(s.quantity)}`;
}

export const subscriptionStatus = (status: string) => t.billing.subscriptionStatuses[status] ?? status;
export const paymentStatus = (status: string) => t.billing.paymentStatuses[status] ?? status;
export const invoiceStatus = (status: string) => t.billing.invoiceStatuses[status] ?? status;
