const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `5s,5m,30m,2h` → milliseconds. Throws naming the first step that is not `<number><ms|s|m|h|d>`. */
export function parseRetrySchedule(text: string): number[] {
  const steps = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (steps.length === 0) throw new Error('must list at least one delay, e.g. 5s,5m,30m');
  return steps.map((step) => {
    const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(step);
    if (!match) throw new Error(`"${step}" is not a delay such as 100ms, 5s, 5m, 2h or 1d`);
    return Math.round(Number(match[1]) * UNITS[match[2]!]!);
  });
}

/** The longest Retry-After honoured when the schedule has no later step to cap it. */
export const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/**
 * The delay before the next attempt after `attempts` failed ones (1 = the first
 * attempt failed), or undefined when the schedule has run out (the delivery is
 * `failed`). A receiver's `Retry-After` (429 or 503) is honoured within the
 * schedule: the delay is the larger of the scheduled one and Retry-After, but
 * never more than the schedule's following step (or, after the last step, its
 * last step) — so a receiver can slow us down, not take us off the schedule.
 */
export function nextDelay(schedule: readonly number[], attempts: number, retryAfterMs?: number): number | undefined {
  const scheduled = schedule[attempts - 1];
  if (scheduled === undefined) return undefined;
  if (retryAfterMs === undefined || retryAfterMs <= scheduled) return scheduled;
  const cap = Math.min(Math.max(schedule[attempts] ?? scheduled, scheduled), MAX_RETRY_AFTER_MS);
  return Math.max(scheduled, Math.min(retryAfterMs, cap));
}

/** A Retry-After header (seconds, or an HTTP date) in milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1_000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
