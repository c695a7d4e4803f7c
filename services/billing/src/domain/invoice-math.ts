import { discountOn, mulDivRound, parseDecimal, type DiscountTerms } from '@azotte/common';

export { discountOn, type DiscountTerms };

export interface Line {
  description: string;
  amount: number;
  quantity: number;
  periodStart?: string;
  periodEnd?: string;
  kind: 'subscription' | 'setup_fee' | 'proration' | 'credit' | 'discount' | 'tax';
}

export interface TaxSettings {
  behavior: 'inclusive' | 'exclusive';
  ratePercent: string;
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
 * inclusive tax is extracted from the total (tax = net × r / (100 + r)).
 * Each is rounded once, half away from zero.
 */
export function invoiceTotals(lines: Line[], discountable: number, terms: DiscountTerms | undefined, tax: TaxSettings | undefined): Totals {
  const subtotal = lines.reduce((sum, l) => sum + l.amount, 0);
  const discount = discountOn(Math.min(discountable, subtotal), terms);
  const net = subtotal - discount;
  if (!tax || net <= 0) return { subtotal, discount, tax: 0, total: net };
  const { numerator, denominator } = parseDecimal(tax.ratePercent);
  if (tax.behavior === 'exclusive') {
    const amount = mulDivRound(net, numerator, denominator * 100n);
    return { subtotal, discount, tax: amount, total: net + amount };
  }
  const amount = mulDivRound(net, numerator, denominator * 100n + numerator);
  return { subtotal, discount, tax: amount, total: net };
}
