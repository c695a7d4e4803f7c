import { invalidArgument, type FieldError } from '@azotte/common';

export type Interval = 'day' | 'month';
export type GroupBy = 'storefront' | 'bundle' | 'currency' | '';

export interface Period {
  from: Date;
  to: Date;
  interval: Interval;
  groupBy: GroupBy;
}

export interface PeriodInput {
  from?: string;
  to?: string;
  interval?: string;
  groupBy?: string;
}

const DAY_MS = 86_400_000;
/** The most buckets one report answers (a year of days is 366). */
export const MAX_BUCKETS = 1_000;

/** The period asked, `to` defaulting to the environment's now and `from` to 30 days before `to`. */
export function resolvePeriod(input: PeriodInput, now: Date): Period {
  const errors: FieldError[] = [];
  const parse = (field: 'from' | 'to', text: string | undefined): Date | undefined => {
    if (!text) return undefined;
    const at = new Date(text);
    if (Number.isNaN(at.getTime())) errors.push({ path: field, message: 'must be an ISO 8601 date-time' });
    return at;
  };
  const to = parse('to', input.to) ?? now;
  const from = parse('from', input.from) ?? new Date(to.getTime() - 30 * DAY_MS);
  const interval = (input.interval || 'day') as Interval;
  const groupBy = (input.groupBy || '') as GroupBy;
  if (interval !== 'day' && interval !== 'month') errors.push({ path: 'interval', message: 'must be day or month' });
  if (!['', 'storefront', 'bundle', 'currency'].includes(groupBy)) errors.push({ path: 'groupBy', message: 'must be storefront, bundle or currency' });
  if (errors.length === 0 && from.getTime() >= to.getTime()) errors.push({ path: 'from', message: 'must be before to' });
  if (errors.length === 0 && bucketStarts({ from, to, interval, groupBy }).length > MAX_BUCKETS) {
    errors.push({ path: 'interval', message: `the period holds more than ${MAX_BUCKETS} buckets of this interval` });
  }
  if (errors.length > 0) throw invalidArgument(errors);
  return { from, to, interval, groupBy };
}

export const startOfDay = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
const startOfMonth = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
const nextBoundary = (at: Date, interval: Interval) =>
  interval === 'day'
    ? new Date(startOfDay(at).getTime() + DAY_MS)
    : new Date(Date.UTC(startOfMonth(at).getUTCFullYear(), startOfMonth(at).getUTCMonth() + 1, 1));

/** The starts of the period's buckets: `from`, then every UTC day or month start before `to`. */
export function bucketStarts(period: Period): Date[] {
  const starts = [period.from];
  for (let at = nextBoundary(period.from, period.interval); at < period.to; at = nextBoundary(at, period.interval)) {
    starts.push(at);
    if (starts.length > MAX_BUCKETS + 1) break;
  }
  return starts;
}

/** The index of the bucket a UTC day ('YYYY-MM-DD') falls in. */
export function bucketOfDay(starts: Date[], day: string): number {
  const at = new Date(`${day}T00:00:00.000Z`).getTime();
  let index = 0;
  for (let i = 0; i < starts.length; i++) if (startOfDay(starts[i]!).getTime() <= at) index = i;
  return index;
}

export const dayOf = (at: Date) => at.toISOString().slice(0, 10);
