import { describe, expect, it } from 'vitest';
import { addShortcut, ceilToMinute, fromLocalInput, nothingRan, processedText, toLocalInput } from './advance';

describe('advance shortcuts', () => {
  const now = new Date(2026, 0, 31, 9, 15); // 31 Jan 2026, 09:15 local

  it('move one calendar unit forward in local time', () => {
    expect(addShortcut(now, 'day')).toEqual(new Date(2026, 1, 1, 9, 15));
    expect(addShortcut(now, 'week')).toEqual(new Date(2026, 1, 7, 9, 15));
    expect(addShortcut(new Date(2026, 2, 15, 9, 15), 'month')).toEqual(new Date(2026, 3, 15, 9, 15));
    expect(addShortcut(new Date(2026, 2, 15, 9, 15), 'year')).toEqual(new Date(2027, 2, 15, 9, 15));
  });

  it('land on the last day of a shorter month', () => {
    expect(addShortcut(now, 'month')).toEqual(new Date(2026, 1, 28, 9, 15));
    expect(addShortcut(new Date(2028, 1, 29, 8, 0), 'year')).toEqual(new Date(2029, 1, 28, 8, 0));
  });

  it('round up to the whole minute the input can hold, never short of the moment', () => {
    expect(ceilToMinute(new Date(2026, 0, 31, 9, 15, 20))).toEqual(new Date(2026, 0, 31, 9, 16));
    expect(ceilToMinute(new Date(2026, 0, 31, 9, 15))).toEqual(new Date(2026, 0, 31, 9, 15));
  });

  it('round-trip through the datetime-local input', () => {
    expect(toLocalInput(now)).toBe('2026-01-31T09:15');
    expect(fromLocalInput('2026-01-31T09:15')).toEqual(now);
    expect(fromLocalInput('31/01/2026')).toBeUndefined();
    expect(fromLocalInput('')).toBeUndefined();
  });
});

describe('what ran', () => {
  it('is said in words, singular and plural', () => {
    expect(processedText({ renewals: 1, trialConversions: 0, retries: 2, cancellations: 1 })).toBe(
      '1 renewal, 0 trial conversions, 2 retries and 1 cancellation',
    );
    expect(processedText({ renewals: 3, trialConversions: 1, retries: 1, cancellations: 0 })).toBe(
      '3 renewals, 1 trial conversion, 1 retry and 0 cancellations',
    );
  });

  it('knows when nothing was due', () => {
    expect(nothingRan({ renewals: 0, trialConversions: 0, retries: 0, cancellations: 0 })).toBe(true);
    expect(nothingRan({ renewals: 1, trialConversions: 0, retries: 0, cancellations: 0 })).toBe(false);
  });
});
