import type { CheckoutPrice, CouponEvaluation } from '../api/client';
import type { Localized } from '../i18n';

/** A price's radio label: its amount per interval (`9,99 € / Monat`). */
export const priceLabel = (price: CheckoutPrice, l: Localized) => l.perInterval(price.amount, price.currency, price.intervalCount, price.interval);

/** What else a price says: quantity, trial, setup fee, tax, in the order a buyer asks. */
export function priceDetails(price: CheckoutPrice, quantity: number, l: Localized): string[] {
  const { t } = l;
  const details: string[] = [];
  if (quantity > 1) details.push(t.checkout.quantity(quantity, l.money(price.unitAmount, price.currency)));
  if (price.trialDays > 0) details.push(t.checkout.trial(price.trialDays));
  if (price.setupFee > 0) details.push(t.checkout.setupFee(l.money(price.setupFee, price.currency)));
  const rate = price.tax.ratePercent;
  if (rate !== null) details.push(price.tax.behavior === 'inclusive' ? t.checkout.taxIncluded(l.percent(rate)) : t.checkout.taxExcluded(l.percent(rate)));
  return details;
}

/** An evaluated coupon in words: what it takes off and for how long, or why it does not apply. */
export function couponText(result: CouponEvaluation, currency: string, l: Localized): string {
  const { t } = l;
  if (!result.applies) return (result.reason && t.checkout.couponReasons[result.reason]) || result.message;
  const parts = [t.checkout.couponApplied(result.code)];
  const d = result.discount;
  if (d) {
    const off =
      d.type === 'percent_off' && d.percentOff !== null
        ? t.checkout.discount.percent(l.percent(d.percentOff))
        : t.checkout.discount.amount(l.money(d.amountOff ?? 0, d.currency ?? currency));
    parts.push(`${d.durationCycles === null ? t.checkout.discount.forever(off) : t.checkout.discount.cycles(off, d.durationCycles)}.`);
  }
  if (result.trialDays > 0) parts.push(`${t.checkout.discount.trial(result.trialDays)}.`);
  parts.push(t.checkout.couponDueToday(l.money(result.dueToday, currency)));
  return parts.join(' ');
}

/** `max_seats` → `Max seats: 5`; a `true` flag is its name alone; a `false` one is not shown. */
export function entitlementText({ key, value }: { key: string; value: string }): string | undefined {
  if (value === 'false') return undefined;
  const name = key.replace(/[_.-]+/g, ' ').trim();
  const readable = name.charAt(0).toUpperCase() + name.slice(1);
  return value === 'true' || value === '' ? readable : `${readable}: ${value}`;
}
