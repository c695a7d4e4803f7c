import { describe, expect, it } from 'vitest';
import { bucketStarts, choiceFromSearch, choiceToSearch, customRange, intervalFor, presetRange, rangeOf } from './period';

// Tests run in the machine's zone; local midnights are built with the Date constructor to stay zone-independent.
const now = new Date(2026, 11, 15, 10, 30, 0); // 15 Dec 2026, 10:30 local

describe('period presets', () => {
  it('Last 7 days is the 7 × 24 hours before now', () => {
    expect(presetRange('7d', now)).toEqual({ from: new Date(now.getTime() - 7 * 86_400_000).toISOString(), to: now.toISOString() });
  });

  it('Last 30 and 90 days end now too', () => {
    expect(presetRange('30d', now).from).toBe(new Date(now.getTime() - 30 * 86_400_000).toISOString());
    expect(presetRange('90d', now).from).toBe(new Date(now.getTime() - 90 * 86_400_000).toISOString());
    expect(presetRange('90d', now).to).toBe(now.toISOString());
  });

  it('This month starts at the first local midnight of the month', () => {
    expect(presetRange('month', now)).toEqual({ from: new Date(2026, 11, 1).toISOString(), to: now.toISOString() });
  });

  it('This month at its very first instant is still a period (from before to)', () => {
    const first = new Date(2026, 11, 1);
    const range = presetRange('month', first);
    expect(Date.parse(range.from)).toBeLessThan(Date.parse(range.to));
  });

  it('a custom range includes its last day: it ends at the next local midnight', () => {
    expect(customRange('2026-11-01', '2026-11-30')).toEqual({ from: new Date(2026, 10, 1).toISOString(), to: new Date(2026, 11, 1).toISOString() });
    expect(customRange('2026-12-31', '2026-12-31').to).toBe(new Date(2027, 0, 1).toISOString());
  });

  it('rangeOf follows the choice', () => {
    expect(rangeOf({ kind: 'preset', preset: '7d' }, now)).toEqual(presetRange('7d', now));
    expect(rangeOf({ kind: 'custom', from: '2026-01-01', to: '2026-01-31' }, now)).toEqual(customRange('2026-01-01', '2026-01-31'));
  });
});

describe('the period in the URL', () => {
  it('reads presets and custom ranges, and falls back to the last 30 days', () => {
    expect(choiceFromSearch(new URLSearchParams('period=7d'))).toEqual({ kind: 'preset', preset: '7d' });
    expect(choiceFromSearch(new URLSearchParams('period=month'))).toEqual({ kind: 'preset', preset: 'month' });
    expect(choiceFromSearch(new URLSearchParams('period=custom&from=2026-11-01&to=2026-11-30'))).toEqual({ kind: 'custom', from: '2026-11-01', to: '2026-11-30' });
    expect(choiceFromSearch(new URLSearchParams(''))).toEqual({ kind: 'preset', preset: '30d' });
    expect(choiceFromSearch(new URLSearchParams('period=weekly'))).toEqual({ kind: 'preset', preset: '30d' });
    // A range that ends before it starts, or a date that is not one, is not taken.
    expect(choiceFromSearch(new URLSearchParams('period=custom&from=2026-11-30&to=2026-11-01'))).toEqual({ kind: 'preset', preset: '30d' });
    expect(choiceFromSearch(new URLSearchParams('period=custom&from=yesterday&to=2026-11-01'))).toEqual({ kind: 'preset', preset: '30d' });
  });

  it('writes the choice and keeps the page’s other parameters', () => {
    const custom = choiceToSearch({ kind: 'custom', from: '2026-11-01', to: '2026-11-30' }, new URLSearchParams('groupBy=bundle'));
    expect(custom.toString()).toBe('groupBy=bundle&period=custom&from=2026-11-01&to=2026-11-30');
    expect(choiceToSearch({ kind: 'preset', preset: '90d' }, custom).toString()).toBe('groupBy=bundle&period=90d');
  });
});

describe('buckets', () => {
  it('are days up to about a quarter, months beyond', () => {
    expect(intervalFor(presetRange('90d', now))).toBe('day');
    expect(intervalFor(customRange('2026-01-01', '2026-12-31'))).toBe('month');
  });

  it('start at from, then at every UTC day boundary before to, as the API counts them', () => {
    expect(bucketStarts({ from: '2026-11-01T10:00:00.000Z', to: '2026-11-03T09:00:00.000Z' }, 'day')).toEqual([
      '2026-11-01T10:00:00.000Z',
      '2026-11-02T00:00:00.000Z',
      '2026-11-03T00:00:00.000Z',
    ]);
    expect(bucketStarts({ from: '2026-01-15T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' }, 'month')).toEqual(['2026-01-15T00:00:00.000Z', '2026-02-01T00:00:00.000Z']);
  });
});
