import { describe, expect, it } from 'vitest';
import { attemptSucceeded, chronological, durationLabel, responseLabel } from './attempts';

describe('a delivery attempt, in words', () => {
  it('is a success only with a 2xx answer: a redirect, an error or no answer is a failure', () => {
    expect(attemptSucceeded({ responseStatus: 200, durationMs: 12 })).toBe(true);
    expect(attemptSucceeded({ responseStatus: 204, durationMs: 12 })).toBe(true);
    expect(attemptSucceeded({ responseStatus: 302, durationMs: 12 })).toBe(false);
    expect(attemptSucceeded({ responseStatus: 500, durationMs: 12 })).toBe(false);
    expect(attemptSucceeded({ responseStatus: null, durationMs: 10_000, error: 'timed out' })).toBe(false);
  });

  it('names the HTTP answer, or says there was none', () => {
    expect(responseLabel({ responseStatus: 503, durationMs: 40 })).toBe('HTTP 503');
    expect(responseLabel({ responseStatus: null, durationMs: null, error: 'connection refused' })).toBe('No response');
  });

  it.each([
    [0, '0 ms'],
    [85, '85 ms'],
    [85.6, '86 ms'],
    [999, '999 ms'],
    [1000, '1.0 s'],
    [1234, '1.2 s'],
    [9949, '9.9 s'],
    [9950, '10 s'],
    [10_000, '10 s'],
    [61_400, '61 s'],
  ])('takes %d ms as "%s"', (ms, label) => {
    expect(durationLabel(ms)).toBe(label);
  });

  it('shows no duration when there is none', () => {
    expect(durationLabel(null)).toBe('');
    expect(durationLabel(undefined)).toBe('');
    expect(durationLabel(-1)).toBe('');
  });

  it('lists the attempts in the order they were made', () => {
    const attempts = [{ at: '2026-12-02T10:05:00Z' }, { at: '2026-12-02T10:00:00Z' }, { at: '2026-12-02T10:00:05Z' }];
    expect(chronological(attempts).map((a) => a.at)).toEqual(['2026-12-02T10:00:00Z', '2026-12-02T10:00:05Z', '2026-12-02T10:05:00Z']);
    expect(attempts[0]!.at).toBe('2026-12-02T10:05:00Z');
  });
});
