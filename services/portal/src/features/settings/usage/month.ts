/**
 * Usage is counted per calendar month in UTC (`YYYY-MM`, as GET /usage takes
 * it), so months here are computed in UTC too, never in the browser's zone.
 */
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const isMonth = (text: string | null | undefined): text is string => typeof text === 'string' && MONTH.test(text);

export function monthOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The month `delta` months from `month` (`2026-01`, -1 → `2025-12`). */
export function shiftMonth(month: string, delta: number): string {
  const [year, m] = month.split('-').map(Number);
  return monthOf(new Date(Date.UTC(year!, m! - 1 + delta, 1)));
}

const label = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2026-12` as people read it: "December 2026". */
export function monthLabel(month: string, format: Intl.DateTimeFormat = label): string {
  const [year, m] = month.split('-').map(Number);
  return format.format(new Date(Date.UTC(year!, m! - 1, 1)));
}
