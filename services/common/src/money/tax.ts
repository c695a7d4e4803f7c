import { discountOn, mulDivRound, parseDecimal, type DiscountTerms } from './money';

/** A storefront's tax: added on top (`exclusive`) or contained in the price (`inclusive`), at a decimal rate. */
export interface TaxSettings {
  behavior: 'inclusive' | 'exclusive';
  ratePercent: string;
}

/**
 * The tax of `net` minor units, rounded once, half away from zero: exclusive
 * tax is added on top (net × r / 100), inclusive tax is extracted from it
 * (net × r / (100 + r)). What billing invoices and what a hosted checkout
 * shows before it come from this one function.
 */
export function taxOn(net: number, tax: TaxSettings | undefined): number {
  if (!tax || net <= 0) return 0;
  const { numerator, denominator } = parseDecimal(tax.ratePercent);
  return tax.behavior === 'exclusive'
    ? mulDivRound(net, numerator, denominator * 100n)
    : mulDivRound(net, numerator, denominator * 100n + numerator);
}

export interface Totals {
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
}

/**
 * An invoice's totals. Discounts apply to the recurring lines (`discountable`);
 * tax to what remains after the discount: exclusive tax is added on top,
 * inclusive tax is extracted from the total. Each is rounded once, half away
 * from zero. Billing's invoices and a hosted checkout's "due today" both come
 * from here.
 */
export function invoiceTotals(lines: ReadonlyArray<{ amount: number }>, discountable: number, terms: DiscountTerms | undefined, tax: TaxSettings | undefined): Totals {
  const subtotal = lines.reduce((sum, l) => sum + l.amount, 0);
  const discount = discountOn(Math.min(discountable, subtotal), terms);
  const net = subtotal - discount;
  const amount = taxOn(net, tax);
  return { subtotal, discount, tax: amount, total: tax?.behavior === 'exclusive' ? net + amount : net };
}
