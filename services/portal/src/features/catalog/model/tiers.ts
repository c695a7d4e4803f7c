import type { Schema } from '../../../lib/api';
import { minorOf } from '../../../lib/forms';
import { exponentOf, minorToInput, parseMoney } from '../../../lib/money';
import { t } from '../../../lib/i18n';

export type TierInput = Schema<'PriceTierInput'>;
export type Tier = Schema<'PriceTier'>;
export type TiersMode = NonNullable<Schema<'CreatePriceRequest'>['tiersMode']>;

/**
 * One row of the tiers editor, as typed. `upTo` is a whole quantity; the last
 * row has none, as the API's last tier is unbounded ("and above"). Amounts
 * are the text a person types in the price's currency ("0.50"), turned into
 * integer minor units only when sent.
 */
export interface TierRow {
  upTo: string;
  unitAmount: string;
  flatAmount: string;
}

export const MAX_QUANTITY = 1_000_000;
const WHOLE = /^\d+$/;

export const emptyTierRow = (): TierRow => ({ upTo: '', unitAmount: '', flatAmount: '' });

/** Two rows to start from: "1 to 10" and "11 and above". */
export const startingTierRows = (): TierRow[] => [{ ...emptyTierRow(), upTo: '10' }, emptyTierRow()];

/** The first quantity of row `index`: 1, or one more than the row before's bound (undefined while that is not a number). */
export function tierFrom(rows: readonly Pick<TierRow, 'upTo'>[], index: number): number | undefined {
  if (index === 0) return 1;
  const previous = rows[index - 1]?.upTo.trim() ?? '';
  return WHOLE.test(previous) ? Number(previous) + 1 : undefined;
}

/** The rows as the API's `tiers`: ascending bounds, the last one `null` (unbounded); empty amounts left out. */
export function rowsToTiers(rows: readonly TierRow[], currency: string): TierInput[] {
  return rows.map((row, i) => {
    const tier: TierInput = { upTo: i === rows.length - 1 ? null : Number(row.upTo.trim()) };
    const unit = row.unitAmount.trim() === '' ? undefined : minorOf(row.unitAmount, currency);
    const flat = row.flatAmount.trim() === '' ? undefined : minorOf(row.flatAmount, currency);
    if (unit !== undefined) tier.unitAmount = unit;
    if (flat !== undefined) tier.flatAmount = flat;
    return tier;
  });
}

/**
 * A decimal amount of minor units ("0.5" cent) as the text of the currency's
 * major unit ("0.005" EUR), by moving the decimal point in the digits: never
 * through a float.
 */
export function decimalMinorToInput(decimal: string, currency: string): string {
  const [whole = '0', fraction = ''] = decimal.split('.');
  const exponent = exponentOf(currency);
  const digits = whole.padStart(exponent + 1, '0');
  const major = digits.slice(0, digits.length - exponent).replace(/^0+(?=\d)/, '');
  const rest = (digits.slice(digits.length - exponent) + fraction).replace(/0+$/, '');
  return rest ? `${major}.${rest.padEnd(exponent, '0')}` : minorToInput(Number(whole), currency);
}

/** The API's tiers (of a price, or of a form being prefilled) as rows of the editor. */
export function tiersToRows(tiers: readonly (Tier | TierInput)[], currency: string): TierRow[] {
  return tiers.map((tier, i) => ({
    upTo: i === tiers.length - 1 || tier.upTo === null || tier.upTo === undefined ? '' : String(tier.upTo),
    unitAmount:
      tier.unitAmount !== null && tier.unitAmount !== undefined
        ? minorToInput(tier.unitAmount, currency)
        : tier.unitAmountDecimal
          ? decimalMinorToInput(tier.unitAmountDecimal, currency)
          : '',
    flatAmount: tier.flatAmount !== null && tier.flatAmount !== undefined ? minorToInput(tier.flatAmount, currency) : '',
  }));
}

export interface TierProblem {
  path: [number, keyof TierRow];
  message: string;
}

const v = t.catalog.validation;

function moneyProblem(text: string, currency: string): string | undefined {
  if (text.trim() === '') return undefined;
  const parsed = parseMoney(text, currency);
  if (parsed.ok) return undefined;
  if (parsed.reason === 'too_many_decimals') return v.tooManyDecimals(currency);
  if (parsed.reason === 'negative') return v.notNegative;
  if (parsed.reason === 'too_large') return v.tooLarge;
  return v.notAnAmount;
}

/**
 * The API's rules for tiers, checked in the browser: every bound but the
 * last's is a whole quantity, strictly ascending; each tier has a unit or a
 * flat amount; amounts are valid in the currency.
 */
export function tierProblems(rows: readonly TierRow[], currency: string): TierProblem[] {
  const problems: TierProblem[] = [];
  let previous: number | undefined;
  rows.forEach((row, i) => {
    const last = i === rows.length - 1;
    if (!last) {
      const text = row.upTo.trim();
      if (text === '') problems.push({ path: [i, 'upTo'], message: v.upToRequired });
      else if (!WHOLE.test(text) || Number(text) < 1) problems.push({ path: [i, 'upTo'], message: v.wholeQuantity });
      else if (Number(text) > MAX_QUANTITY) problems.push({ path: [i, 'upTo'], message: v.quantityMax(MAX_QUANTITY) });
      else {
        if (previous !== undefined && Number(text) <= previous) problems.push({ path: [i, 'upTo'], message: v.upToAscending(previous) });
        previous = Number(text);
      }
    }
    const unit = moneyProblem(row.unitAmount, currency);
    const flat = moneyProblem(row.flatAmount, currency);
    if (unit) problems.push({ path: [i, 'unitAmount'], message: unit });
    if (flat) problems.push({ path: [i, 'flatAmount'], message: flat });
    if (row.unitAmount.trim() === '' && row.flatAmount.trim() === '') problems.push({ path: [i, 'unitAmount'], message: v.tierAmountRequired });
  });
  return problems;
}
