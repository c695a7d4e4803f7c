/** "day", "week", "month" or "year", as the catalog names a price's interval. */
export type Interval = 'day' | 'week' | 'month' | 'year';

const DAY_MS = 86_400_000;

function addMonthsClamped(anchor: Date, months: number): Date {
  const y = anchor.getUTCFullYear();
  const m = anchor.getUTCMonth() + months;
  const targetYear = y + Math.floor(m / 12);
  const targetMonth = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const day = Math.min(anchor.getUTCDate(), lastDay);
  return new Date(
    Date.UTC(
      targetYear,
      targetMonth,
      day,
      anchor.getUTCHours(),
      anchor.getUTCMinutes(),
      anchor.getUTCSeconds(),
      anchor.getUTCMilliseconds(),
    ),
  );
}

/**
 * The end of billing period number `cycle` (0-based) of a subscription
 * anchored at `anchor`, on the UTC calendar. Periods are always counted from
 * the anchor, never from the previous end: a subscription started on the 31st
 * renews on the last day of shorter months and returns to the 31st, and one
 * started on 29 February renews on 28 February and on 29 February again in
 * a leap year.
 */
export function periodBoundary(anchor: Date, interval: Interval, intervalCount: number, periods: number): Date {
  const n = intervalCount * periods;
  switch (interval) {
    case 'day':
      return new Date(anchor.getTime() + n * DAY_MS);
    case 'week':
      return new Date(anchor.getTime() + n * 7 * DAY_MS);
    case 'month':
      return addMonthsClamped(anchor, n);
    case 'year':
      return addMonthsClamped(anchor, n * 12);
  }
}

/** Adds whole days (trial lengths, dunning delays). */
export const addDays = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);

export function isInterval(value: string): value is Interval {
  return value === 'day' || value === 'week' || value === 'month' || value === 'year';
}
