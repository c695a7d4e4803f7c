import type { Schema } from '../../../lib/api';
import { formatMoney } from '../../../lib/money';
import { t } from '../../../lib/i18n';
import { decimalMinorToInput } from './tiers';

export type Price = Schema<'Price'>;
export type Interval = Price['interval'];

/** "per month", "every 3 months". */
export const perInterval = (interval: Interval, count: number) => t.catalog.interval.per(interval, count);

/** A unit amount in minor units with decimals ("0.5"), shown in the currency with every digit it has. */
function decimalAmountText(decimal: string, currency: string): string {
  return `${decimalMinorToInput(decimal, currency)} ${currency}`;
}

/** What a price charges, in a line: "€9.99 per month", "€2.00 per unit per month", "Tiered (graduated) per month". */
export function priceSummary(price: Price): string {
  const period = perInterval(price.interval, price.intervalCount);
  if (price.strategy === 'tiered') return t.catalog.price.tieredSummary(t.catalog.tiersModes[price.tiersMode ?? 'graduated'].label, period);
  const amount =
    price.amount !== null
      ? formatMoney(price.amount, price.currency)
      : price.unitAmountDecimal
        ? decimalAmountText(price.unitAmountDecimal, price.currency)
        : '—';
  return price.strategy === 'per_unit' ? t.catalog.price.perUnitSummary(amount, period) : `${amount} ${period}`;
}
