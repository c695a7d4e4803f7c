import { localDateInput, startOfLocalDay } from '../time';

/**
 * The period a report covers, as a person chooses it: a rolling preset, or a
 * custom range of local calendar days (both ends included). A preset is
 * turned into from/to at the moment a figure is asked for, so a page that
 * refreshes itself keeps ending at "now".
 */
export const PRESETS = ['7d', '30d', '90d', 'month'] as const;
export type Preset = (typeof PRESETS)[number];

export type PeriodChoice = { kind: 'preset'; preset: Preset } | { kind: 'custom'; from: string; to: string };

/** [from, to) as the API takes it: ISO 8601 instants. */
export interface Range {
  from: string;
  to: string;
}

export type Interval = 'day' | 'month';

const DAY_MS = 86_400_000;
const PRESET_DAYS: Record<Exclude<Preset, 'month'>, number> = { '7d': 7, '30d': 30, '90d': 90 };

export const DEFAULT_CHOICE: PeriodChoice = { kind: 'preset', preset: '30d' };

/** The range of a preset ending at `now` (the environment's now: a sandbox's test clock). */
export function presetRange(preset: Preset, now: Date): Range {
  const from =
    preset === 'month' ? new Date(now.getFullYear(), now.getMonth(), 1) : new Date(now.getTime() - PRESET_DAYS[preset] * DAY_MS);
  // The first instant of a month is an empty "this month": the API wants from < to.
  const safeFrom = from.getTime() < now.getTime() ? from : new Date(now.getTime() - 1);
  return { from: safeFrom.toISOString(), to: now.toISOString() };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const isDay = (text: string | null | undefined): text is string => !!text && DAY.test(text) && !Number.isNaN(Date.parse(text));

/** The day after a `YYYY-MM-DD` local day, as `YYYY-MM-DD`. */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return localDateInput(new Date(y!, m! - 1, d! + 1));
}

/** A custom range of local days, `to` included: it ends at the start of the day after. */
export function customRange(from: string, to: string): Range {
  return { from: startOfLocalDay(from), to: startOfLocalDay(nextDay(to)) };
}

export function rangeOf(choice: PeriodChoice, now: Date): Range {
  return choice.kind === 'preset' ? presetRange(choice.preset, now) : customRange(choice.from, choice.to);
}

/** Daily buckets up to about a quarter; months beyond (the API answers at most 1,000 buckets). */
export function intervalFor(range: Range): Interval {
  return Date.parse(range.to) - Date.parse(range.from) > 92 * DAY_MS ? 'month' : 'day';
}

/** The choice kept in the page's URL (`?period=7d`, `?period=custom&from=…&to=…`); anything else is the default. */
export function choiceFromSearch(params: URLSearchParams): PeriodChoice {
  const period = params.get('period');
  if (period === 'custom') {
    const from = params.get('from');
    const to = params.get('to');
    if (isDay(from) && isDay(to) && from <= to) return { kind: 'custom', from, to };
    return DEFAULT_CHOICE;
  }
  return (PRESETS as readonly string[]).includes(period ?? '') ? { kind: 'preset', preset: period as Preset } : DEFAULT_CHOICE;
}

/** `params` with the choice written in (other parameters kept). */
export function choiceToSearch(choice: PeriodChoice, params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('from');
  next.delete('to');
  if (choice.kind === 'preset') next.set('period', choice.preset);
  else {
    next.set('period', 'custom');
    next.set('from', choice.from);
    next.set('to', choice.to);
  }
  return next;
}

/** The starts of the range's buckets as the API counts them: `from`, then every UTC day or month start before `to`. */
export function bucketStarts(range: Range, interval: Interval): string[] {
  const from = new Date(range.from);
  const to = Date.parse(range.to);
  const starts = [from.toISOString()];
  const next = (at: Date) =>
    interval === 'day'
      ? new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + 1))
      : new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
  for (let at = next(from); at.getTime() < to && starts.length <= 1000; at = next(at)) starts.push(at.toISOString());
  return starts;
}

/** A range's local days for the custom-range inputs (the end day included). */
export function rangeDays(range: Range): { from: string; to: string } {
  return { from: localDateInput(new Date(range.from)), to: localDateInput(new Date(Date.parse(range.to) - 1)) };
}
