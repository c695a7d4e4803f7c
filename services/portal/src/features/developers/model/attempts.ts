import { t } from '../../../lib/i18n';

const copy = t.developers.attempt;

/** What one attempt of a delivery says: its HTTP answer (none when it timed out or could not connect), duration, error. */
export interface AttemptLike {
  responseStatus: number | null | undefined;
  durationMs: number | null | undefined;
  error?: string | null | undefined;
}

/** Only a 2xx is a success (API.md): a redirect, a 4xx, a 5xx or no answer at all is a failure. */
export const attemptSucceeded = (attempt: AttemptLike) =>
  typeof attempt.responseStatus === 'number' && attempt.responseStatus >= 200 && attempt.responseStatus < 300;

/** `HTTP 200`, or "No response" when the receiver never answered. */
export const responseLabel = (attempt: AttemptLike) =>
  typeof attempt.responseStatus === 'number' ? copy.status(attempt.responseStatus) : copy.noResponse;

const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const tenths = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * A duration as people read it: milliseconds below a second (`85 ms`),
 * seconds with a tenth below ten (`1.2 s`), whole seconds above (`10 s`, the
 * time-out). Empty when the attempt has no duration.
 */
export function durationLabel(ms: number | null | undefined): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return copy.ms(whole.format(Math.round(ms)));
  if (ms < 9950) return copy.seconds(tenths.format(ms / 1000));
  return copy.seconds(whole.format(ms / 1000));
}

/** The attempts in the order they were made (numbered 1, 2, … on the page), whatever order the API lists them in. */
export function chronological<T extends { at: string }>(attempts: readonly T[]): T[] {
  return [...attempts].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
