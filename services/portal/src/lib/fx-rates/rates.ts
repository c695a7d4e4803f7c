import { isCurrency } from '@azotte/currencies';
import { z } from 'zod';
import { t } from '../i18n';

/**
 * A tenant's exchange rates as the API holds them: a map from currency code to
 * a decimal string, the reporting-currency value of one unit (`{ USD: "0.92" }`).
 * The form edits them as rows; the strings pass through untouched (trimmed),
 * never through a number, so `0.920` or `1.000000001` come back as typed.
 */
export type FxRates = Record<string, string>;
export interface FxRow {
  currency: string;
  rate: string;
}

/** The map as rows, by currency code, so the editor shows a stable order. */
export function ratesToRows(rates: FxRates | undefined): FxRow[] {
  return Object.entries(rates ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, rate]) => ({ currency, rate }));
}

const isBlank = (row: FxRow) => row.currency.trim() === '' && row.rate.trim() === '';

/** The rows as the API's map; a row left entirely empty is no rate. */
export function rowsToRates(rows: readonly FxRow[]): FxRates {
  const rates: FxRates = {};
  for (const row of rows) {
    if (isBlank(row)) continue;
    rates[row.currency.trim().toUpperCase()] = row.rate.trim();
  }
  return rates;
}

/** A positive decimal string as the API accepts it: digits, an optional fraction, not zero. */
export const isPositiveDecimal = (text: string) => /^\d+(\.\d+)?$/.test(text) && /[1-9]/.test(text);

/**
 * The rows' browser checks: a known currency, a positive decimal, one rate per
 * currency (a map cannot hold two, so one would be lost silently).
 */
export const fxRowsSchema = z.array(z.object({ currency: z.string(), rate: z.string() })).superRefine((rows, ctx) => {
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    if (isBlank(row)) return;
    const currency = row.currency.trim().toUpperCase();
    if (!isCurrency(currency)) ctx.addIssue({ code: 'custom', path: [index, 'currency'], message: t.settings.fx.errors.currency });
    else if (seen.has(currency)) ctx.addIssue({ code: 'custom', path: [index, 'currency'], message: t.settings.fx.errors.duplicate(currency) });
    seen.add(currency);
    if (!isPositiveDecimal(row.rate.trim())) ctx.addIssue({ code: 'custom', path: [index, 'rate'], message: t.settings.fx.errors.rate });
  });
});

/**
 * The API names a rate by its currency (`fxRates.USD`); the form names it by
 * row (`fxRates.2.rate`). Returns the renaming for applyApiErrors and the row
 * fields it may land on; a path naming no row stays as it is and is shown
 * above the form.
 */
export function fxApiErrors(rows: readonly FxRow[], base = 'fxRates') {
  const rowOf = (code: string) => rows.findIndex((row) => row.currency.trim().toUpperCase() === code.toUpperCase());
  const rename = (path: string) => {
    if (!path.startsWith(`${base}.`)) return path;
    const index = rowOf(path.slice(base.length + 1));
    return index === -1 ? path : `${base}.${index}.rate`;
  };
  return { rename, fields: rows.map((_, index) => `${base}.${index}`) };
}
