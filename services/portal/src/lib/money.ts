import { isCurrency, minorUnitExponent } from '@azotte/currencies';

/**
 * Money in the browser is never a float: what a person types (`9.99`,
 * `1,234.50`, `10`) is parsed digit by digit into integer minor units with
 * the currency's ISO 4217 exponent, and shown with Intl.NumberFormat.
 */

export type ParsedMoney = { ok: true; minor: number } | { ok: false; reason: MoneyProblem };
export type MoneyProblem = 'empty' | 'not_a_number' | 'too_many_decimals' | 'negative' | 'too_large';

const MAX_MINOR = 999_999_999_999;

export function exponentOf(currency: string): number {
  return isCurrency(currency) ? minorUnitExponent(currency) : 2;
}

/**
 * Parses a decimal amount as typed in English notation: digits, an optional
 * `.` and at most the currency's number of decimals. Thousands separators
 * (`,`, spaces, `'`) are allowed between groups of three digits.
 */
export function parseMoney(text: string, currency: string, options: { allowNegative?: boolean } = {}): ParsedMoney {
  let s = text.trim();
  if (s === '') return { ok: false, reason: 'empty' };
  let negative = false;
  if (s.startsWith('-')) {
    if (!options.allowNegative) return { ok: false, reason: 'negative' };
    negative = true;
    s = s.slice(1).trim();
  }
  const match = /^(\d{1,3}(?:[,' \u00a0]\d{3})+|\d+)?(?:\.(\d*))?$/.exec(s);
  if (!match || (match[1] === undefined && !match[2])) return { ok: false, reason: 'not_a_number' };
  const whole = (match[1] ?? '0').replace(/[,' \u00a0]/g, '');
  const fraction = match[2] ?? '';
  const exponent = exponentOf(currency);
  if (fraction.length > exponent) return { ok: false, reason: 'too_many_decimals' };
  const digits = (whole + fraction.padEnd(exponent, '0')).replace(/^0+(?=\d)/, '');
  if (digits.length > 15) return { ok: false, reason: 'too_large' };
  const minor = Number(digits);
  if (minor > MAX_MINOR) return { ok: false, reason: 'too_large' };
  return { ok: true, minor: negative && minor !== 0 ? -minor : minor };
}

/** Integer minor units as the decimal text a person would type back (`999` EUR → `9.99`). */
export function minorToInput(minor: number, currency: string): string {
  const exponent = exponentOf(currency);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(Math.trunc(minor))).padStart(exponent + 1, '0');
  return exponent === 0 ? sign + digits : `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Formats integer minor units in their currency, in `locale` (default: the browser's). */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  const key = `${locale ?? ''}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const exponent = exponentOf(currency);
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: exponent, maximumFractionDigits: exponent });
    formatters.set(key, formatter);
  }
  // The decimal string keeps every digit: no float ever carries the amount.
  return formatter.format(minorToInput(minor, currency) as unknown as number);
}
