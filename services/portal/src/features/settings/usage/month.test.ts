import { describe, expect, it } from 'vitest';
import { isMonth, monthLabel, monthOf, shiftMonth } from './month';

describe('usage months (UTC)', () => {
  it('names the UTC month of a moment, whatever the browser’s zone', () => {
    expect(monthOf(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12');
    expect(monthOf(new Date('2027-01-01T00:00:00Z'))).toBe('2027-01');
  });

  it('moves across years', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-03', -14)).toBe('2025-01');
  });

  it('accepts only YYYY-MM', () => {
    expect(isMonth('2026-12')).toBe(true);
    for (const bad of ['2026-13', '2026-1', '26-12', '', null, undefined]) expect(isMonth(bad)).toBe(false);
  });

  it('reads as a month and year', () => {
    const format = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    expect(monthLabel('2026-12', format)).toBe('December 2026');
  });
});
