import { t } from '../i18n';
import { formatCodeAmount } from './format';

interface Amount {
  amount: number;
  currency: string;
}

/**
 * Amounts in a currency the tenant has no exchange rate for: listed on their
 * own line in their own currency, never dropped from sight nor added in.
 */
export function Unconverted({ amounts, label }: { amounts: readonly Amount[] | null | undefined; label?: string }) {
  if (!amounts || amounts.length === 0) return null;
  return (
    <ul className="unconverted" aria-label={label ?? t.analytics.notConvertedLabel}>
      {amounts.map((a) => (
        <li key={a.currency}>
          {t.analytics.notConverted} <span className="money">{formatCodeAmount(a.amount, a.currency)}</span>
        </li>
      ))}
    </ul>
  );
}

/** Sums amounts per currency (rows of several buckets or groups become one line per currency). */
export function sumByCurrency<T>(rows: readonly T[], amount: (row: T) => number, currency: (row: T) => string): Amount[] {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(currency(row), (sums.get(currency(row)) ?? 0) + amount(row));
  return [...sums].map(([c, a]) => ({ currency: c, amount: a })).sort((x, y) => x.currency.localeCompare(y.currency));
}
