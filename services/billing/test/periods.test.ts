import { periodBoundary, type Interval } from '../src/domain/periods';

describe('billing periods follow the UTC calendar', () => {
  const cases: Array<[string, string, Interval, number, number, string]> = [
    ['the 31st renews on the last day of February', '2025-01-31T10:00:00Z', 'month', 1, 1, '2025-02-28T10:00:00.000Z'],
    ['and returns to the 31st in March', '2025-01-31T10:00:00Z', 'month', 1, 2, '2025-03-31T10:00:00.000Z'],
    ['the 31st renews on 30 April', '2025-03-31T00:00:00Z', 'month', 1, 1, '2025-04-30T00:00:00.000Z'],
    ['the 31st renews on 29 February in a leap year', '2024-01-31T00:00:00Z', 'month', 1, 1, '2024-02-29T00:00:00.000Z'],
    ['29 February renews on 28 February a year later', '2024-02-29T12:00:00Z', 'year', 1, 1, '2025-02-28T12:00:00.000Z'],
    ['and on 29 February again four years later', '2024-02-29T12:00:00Z', 'year', 1, 4, '2028-02-29T12:00:00.000Z'],
    ['29 February monthly comes back to the 29th in March', '2024-02-29T00:00:00Z', 'month', 1, 1, '2024-03-29T00:00:00.000Z'],
    ['every 3 months from the 31st', '2025-01-31T00:00:00Z', 'month', 3, 1, '2025-04-30T00:00:00.000Z'],
    ['every 3 months, second period', '2025-01-31T00:00:00Z', 'month', 3, 2, '2025-07-31T00:00:00.000Z'],
    ['a month across the year end', '2025-12-31T23:59:59Z', 'month', 1, 2, '2026-02-28T23:59:59.000Z'],
    ['every 2 years', '2025-06-15T00:00:00Z', 'year', 2, 1, '2027-06-15T00:00:00.000Z'],
    ['weekly', '2025-01-01T00:00:00Z', 'week', 1, 3, '2025-01-22T00:00:00.000Z'],
    ['every 2 weeks', '2025-01-01T00:00:00Z', 'week', 2, 1, '2025-01-15T00:00:00.000Z'],
    ['daily', '2025-02-27T08:00:00Z', 'day', 1, 2, '2025-03-01T08:00:00.000Z'],
    ['every 10 days', '2025-02-27T08:00:00Z', 'day', 10, 1, '2025-03-09T08:00:00.000Z'],
  ];

  it.each(cases)('%s', (_name, anchor, interval, count, periods, expected) => {
    expect(periodBoundary(new Date(anchor), interval, count, periods).toISOString()).toBe(expected);
  });

  it('period 0 ends where it starts: at the anchor', () => {
    expect(periodBoundary(new Date('2025-01-31T00:00:00Z'), 'month', 1, 0).toISOString()).toBe('2025-01-31T00:00:00.000Z');
  });
});
