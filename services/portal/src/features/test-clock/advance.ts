import type { Schema } from '../../lib/api';
import { t } from '../../lib/i18n';

export type Processed = Schema<'TestClockAdvance'>['processed'];
export type Shortcut = 'day' | 'week' | 'month' | 'year';

export const SHORTCUTS: readonly Shortcut[] = ['day', 'week', 'month', 'year'];

/**
 * `now` moved forward by one calendar unit in the person's time zone. A month
 * or a year from the 31st (or the 29th of February) lands on the last day of
 * the shorter month, as billing's own periods do.
 */
export function addShortcut(now: Date, shortcut: Shortcut): Date {
  const next = new Date(now.getTime());
  if (shortcut === 'day') next.setDate(next.getDate() + 1);
  else if (shortcut === 'week') next.setDate(next.getDate() + 7);
  else {
    const months = shortcut === 'month' ? 1 : 12;
    const day = next.getDate();
    next.setDate(1);
    next.setMonth(next.getMonth() + months);
    const last = new Date(next.getFullYear(), next.getMonth() + 1, 0).getDate();
    next.setDate(Math.min(day, last));
  }
  return next;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The next whole minute at or after `d`: the datetime-local input holds
 * minutes, and a shortcut must not fall a few seconds short of what is due
 * (a subscription started a moment ago renews exactly a month later).
 */
export function ceilToMinute(d: Date): Date {
  const minute = 60_000;
  return new Date(Math.ceil(d.getTime() / minute) * minute);
}

/** A moment as `<input type="datetime-local">` takes it (local time, to the minute). */
export function toLocalInput(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (local time) as an instant; undefined when it is not one. */
export function fromLocalInput(value: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const words = t.testClock.processed;

/** What an advance ran, in words: "1 renewal, 0 trial conversions, 0 retries and 0 cancellations". */
export function processedText(p: Processed): string {
  const parts = [words.renewals(p.renewals), words.trialConversions(p.trialConversions), words.retries(p.retries), words.cancellations(p.cancellations)];
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

export const nothingRan = (p: Processed) => p.renewals + p.trialConversions + p.retries + p.cancellations === 0;
