import { z } from 'zod';
import type { paths, Schema } from '../../../lib/api';
import { minorOf, moneyText } from '../../../lib/forms';
import { t } from '../../../lib/i18n';
import { formatMoney, minorToInput } from '../../../lib/money';
import { remainingOf } from '../shared/format';

type Payment = Pick<Schema<'Payment'>, 'amount' | 'amountRefunded' | 'currency'>;
type RefundBody = NonNullable<paths['/payments/{id}/refunds']['post']['requestBody']>['content']['application/json'];
const text = t.billing.refund;

/**
 * The refund form of one payment: an amount typed as text in the payment's
 * currency, more than 0 and never more than what remains (the browser refuses
 * it before the API would), and an optional reason.
 */
export function refundSchema(payment: Payment) {
  const remaining = remainingOf(payment);
  return z.object({
    amount: moneyText(() => payment.currency, { positive: true }).refine((typed) => {
      const minor = minorOf(typed, payment.currency);
      // Text that is not an amount is moneyText's to report.
      return minor === undefined || minor <= remaining;
    }, text.tooMuch(formatMoney(remaining, payment.currency))),
    reason: z.string().trim().max(500, text.reasonTooLong),
  });
}

export type RefundValues = z.infer<ReturnType<typeof refundSchema>>;

/** The form starts at what remains: amount − amountRefunded, as the person would type it. */
export const refundDefaults = (payment: Payment): RefundValues => ({ amount: minorToInput(remainingOf(payment), payment.currency), reason: '' });

/** Integer minor units, parsed digit by digit (never through a float). */
export function toRefundBody(values: RefundValues, payment: Payment): RefundBody {
  const amount = minorOf(values.amount, payment.currency);
  if (amount === undefined) throw new Error('refund amount not validated');
  const reason = values.reason.trim();
  return { amount, ...(reason ? { reason } : {}) };
}
