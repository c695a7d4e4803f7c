import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { z } from 'zod';
import { isApiError } from './api';
import { parseMoney, type MoneyProblem } from './money';
import { t } from './i18n';

/**
 * Puts the API's problem `errors[]` beside the fields they name (forms name
 * their fields as the API does, so `regional.currencies` or `card.number`
 * lands on its input), and returns what belongs above the form: the
 * problem's detail, and any named field the form does not have.
 */
export function applyApiErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
  rename: (apiPath: string) => string = (p) => p,
): string {
  if (!isApiError(error)) return error instanceof Error ? error.message : String(error);
  const unplaced: string[] = [];
  for (const { path, message } of error.fieldErrors) {
    const name = rename(path);
    const field = fields.find((f) => name === f || name.startsWith(`${f}.`));
    if (field) setError(name as Path<T>, { type: 'server', message });
    else unplaced.push(`${path}: ${message}`);
  }
  if (error.fieldErrors.length > 0 && unplaced.length === 0) return t.common.fixFields;
  return [error.message, ...unplaced].join(' ');
}

const MONEY_MESSAGES: Record<MoneyProblem, (currency: string) => string> = {
  empty: () => 'is required',
  not_a_number: () => 'must be an amount such as 9.99',
  too_many_decimals: (c) => `has more decimals than ${c} has`,
  negative: () => 'must not be negative',
  too_large: () => 'is too large',
};

/**
 * A money field typed as text and sent as integer minor units of `currency()`
 * (read at validation time, as it may be another field of the form).
 */
export function moneyText(currency: () => string, options: { optional?: boolean; positive?: boolean } = {}) {
  return z.string().superRefine((text, ctx) => {
    if (options.optional && text.trim() === '') return;
    const parsed = parseMoney(text, currency());
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: MONEY_MESSAGES[parsed.reason](currency()) });
    else if (options.positive && parsed.minor <= 0) ctx.addIssue({ code: 'custom', message: 'must be more than 0' });
  });
}

/** The minor units of a field `moneyText` accepted (undefined for an empty optional one). */
export function minorOf(text: string, currency: string): number | undefined {
  const parsed = parseMoney(text, currency);
  return parsed.ok ? parsed.minor : undefined;
}
