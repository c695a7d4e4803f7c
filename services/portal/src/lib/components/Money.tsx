import { formatMoney } from '../money';

/** An amount of integer minor units, formatted in its currency. */
export function Money({ amount, currency, locale }: { amount: number | null | undefined; currency: string | null | undefined; locale?: string }) {
  if (amount === null || amount === undefined || !currency) return <span className="muted">—</span>;
  return <span className="money">{formatMoney(amount, currency, locale)}</span>;
}
