import { MAX_RETRY_AFTER_MS, nextDelay, parseRetryAfter, parseRetrySchedule } from '../src/domain/retry-schedule';

const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const DEFAULT = parseRetrySchedule('5s,5m,30m,2h,5h,10h,10h');

test("the default schedule is API.md's: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h", () => {
  expect(DEFAULT).toEqual([5 * S, 5 * M, 30 * M, 2 * H, 5 * H, 10 * H, 10 * H]);
  expect(parseRetrySchedule('100ms, 200ms,1d')).toEqual([100, 200, 86_400_000]);
});

test.each(['', 'soon', '5x', '5s,,oops'])('"%s" is not a schedule', (text) => {
  expect(() => parseRetrySchedule(text)).toThrow();
});

test('after each failed attempt the next step, and after the last one the delivery is failed', () => {
  expect([1, 2, 3, 4, 5, 6, 7].map((n) => nextDelay(DEFAULT, n))).toEqual(DEFAULT);
  expect(nextDelay(DEFAULT, 8)).toBeUndefined();
});

test.each([
  // [attempts failed, Retry-After, delay]
  [1, 60 * S, 60 * S], // longer than 5 s: honoured
  [1, 2 * S, 5 * S], // shorter than the schedule: the schedule
  [1, 1 * H, 5 * M], // capped by the next step (5 min)
  [7, 20 * H, 10 * H], // the last step: capped by itself
])('after %i failed attempts, Retry-After %i ms waits %i ms', (attempts, retryAfter, delay) => {
  expect(nextDelay(DEFAULT, attempts, retryAfter)).toBe(delay);
});

test('a Retry-After is never followed past a day, even with a schedule of longer steps', () => {
  expect(nextDelay([1_000, 3 * 86_400_000], 1, 2 * 86_400_000)).toBe(MAX_RETRY_AFTER_MS);
});

test('Retry-After in seconds or as an HTTP date', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  expect(parseRetryAfter('120', now)).toBe(120_000);
  expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:00 GMT', now)).toBe(60_000);
  expect(parseRetryAfter('whenever', now)).toBeUndefined();
  expect(parseRetryAfter(undefined, now)).toBeUndefined();
});
