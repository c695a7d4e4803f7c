import { isCurrency } from './currencies';

/**
 * An amount in the minor unit of a currency: { amount: 1999, currency: "EUR" } is €19.99.
 * Amounts are safe integers; arithmetic that could leave the integers goes
 * through `mulDivRound`, the one place where rounding happens.
 */
export interface Money {
  amount: number;
  currency: string;
}

export function money(amount: number, currency: string): Money {
  assertAmount(amount);
  if (!isCurrency(currency)) throw new RangeError(`Unknown currency ${currency}`);
  return { amount, currency };
}

export function assertAmount(amount: number): void {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Amount ${amount} is not a safe integer`);
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`Cannot combine ${a.currency} with ${b.currency}`);
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

/**
 * round(value × numerator ÷ denominator), half away from zero, computed exactly
 * with big integers so no intermediate product loses precision. This is the
 * rounding rule of ARCHITECTURE.md rule 5.
 */
export function mulDivRound(value: number, numerator: number | bigint, denominator: number | bigint): number {
  const den = BigInt(denominator);
  if (den === 0n) throw new RangeError('Division by zero');
  const product = BigInt(value) * BigInt(numerator);
  const negative = product < 0n !== den < 0n;
  const p = product < 0n ? -product : product;
  const d = den < 0n ? -den : den;
  const quotient = (p * 2n + d) / (d * 2n); // floor((p + d/2) / d): half rounds up in magnitude
  const result = Number(negative ? -quotient : quotient);
  assertAmount(result);
  return result;
}

/**
 * Splits a decimal string ("19", "7.5", "0.92") into an exact fraction, so that
 * rates and percentages never pass through a float.
 */
export function parseDecimal(text: string): { numerator: bigint; denominator: bigint } {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new RangeError(`Not a decimal number: ${text}`);
  const [, sign, whole, fraction = ''] = match;
  const numerator = BigInt(`${whole}${fraction}`) * (sign ? -1n : 1n);
  return { numerator, denominator: 10n ** BigInt(fraction.length) };
}

/** True for a non-negative decimal string such as "19" or "0.92". */
export function isDecimalString(text: string): boolean {
  return /^\d+(\.\d+)?$/.test(text);
}

/** The terms of a percent or amount discount on one invoice (billing's and analytics' shared rule). */
export interface DiscountTerms {
  type: 'percent_off' | 'amount_off' | string;
  percentOff?: string;
  amountOff?: number;
}

/** The discount on `base` minor units (never more than it), rounded once. */
export function discountOn(base: number, terms: DiscountTerms | undefined): number {
  if (!terms || base <= 0) return 0;
  if (terms.type === 'amount_off') return Math.min(base, terms.amountOff ?? 0);
  if (terms.type !== 'percent_off') return 0;
  const { numerator, denominator } = parseDecimal(terms.percentOff ?? '0');
  return Math.min(base, mulDivRound(base, numerator, denominator * 100n));
}
