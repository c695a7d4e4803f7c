import { exponentOf, formatMoney, minorToInput } from '../money';
import { formatDate } from '../time';
import { t } from '../i18n';

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const count = new Intl.NumberFormat();

/** A fraction from 0 to 1 as a percentage (`0.125` → `12.5%`). */
export const formatRate = (rate: number) => percent.format(rate);

export const formatCount = (n: number) => count.format(n);

const compact = new Map<string, Intl.NumberFormat>();

/**
 * Minor units as a short axis label (`€1.2K`). The decimal string goes to
 * Intl as text, so no float ever carries the amount.
 */
export function formatMoneyShort(minor: number, currency: string | null | undefined): string {
  if (!currency) return count.format(minor);
  // Below a thousand units the full amount is short enough (€7.50, not €7.5).
  if (Math.abs(minor) < 1000 * 10 ** exponentOf(currency)) return formatMoney(minor, currency);
  let formatter = compact.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat(undefined, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: exponentOf(currency) === 0 ? 0 : 2 });
    compact.set(currency, formatter);
  }
  return formatter.format(minorToInput(minor, currency) as unknown as number);
}

/** An amount in its own currency by its code (`12.00 USD`): exact digits, and no symbol to mistake for another currency. */
export const formatCodeAmount = (minor: number, currency: string) => `${minorToInput(minor, currency)} ${currency}`;

/** The period a report covers, for a caption: its last day is the one before `to`. */
export const formatPeriod = (period: { from: string; to: string }) =>
  t.analytics.period.covering(formatDate(period.from), formatDate(new Date(Date.parse(period.to) - 1).toISOString()));

const utcDay = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const utcMonth = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/**
 * A bucket's label. Buckets are UTC days or months (the API's), so they are
 * named in UTC: `end` marks an instant that closes its bucket (MRR's `at`),
 * which belongs to the day before it.
 */
export function formatBucket(iso: string, interval: 'day' | 'month', end = false): string {
  const at = new Date(Date.parse(iso) - (end ? 1 : 0));
  return interval === 'month' ? utcMonth.format(at) : utcDay.format(at);
}
