import { mulDivRound, parseDecimal } from '@azotte/common';

export interface Line {
  description: string;
  amount: number;
  quantity: number;
  periodStart?: string;
  periodEnd?: string;
  kind: 'subscription' | 'setup_fee' | 'proration' | 'credit' | 'discount' | 'tax';
}

export interface DiscountTerms {
  type: 'percent_off' | 'amount_off';
  percentOff?: string;
  amountOff?: number;
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

/** The discount on `base` (never more than it), rounded once. */
export function discountOn(base: number, terms: DiscountTerms | undefined): number {
  if (!terms || base <= 0) return 0;
  if (terms.type === 'amount_off') return Math.min(base, terms.amountOff ?? 0);
  const { numerator, denominator } = parseDecimal(terms.percentOff ?? '0');
  return Math.min(base, mulDivRound(base, numerator, denominator * 100n));
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
