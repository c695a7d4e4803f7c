import { fieldErrors } from '@azotte/common';
import { IntervalQuery, PeriodQuery, RevenueQuery } from '../src/routes/analytics-schemas';

const problems = (schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, query: Record<string, unknown>) => {
  const result = schema.safeParse(query);
  return result.success ? [] : fieldErrors(result.error as never).map((e) => e.path);
};

test('a period is optional: the service applies its defaults', () => {
  expect(problems(PeriodQuery, {})).toEqual([]);
  expect(problems(PeriodQuery, { from: '2026-01-01T00:00:00Z' })).toEqual([]);
  expect(problems(PeriodQuery, { to: '2026-01-01T00:00:00+01:00' })).toEqual([]);
});

test('from and to are ISO 8601 date-times', () => {
  expect(problems(PeriodQuery, { from: 'yesterday', to: '2026-01-01' })).toEqual(['from', 'to']);
});

test('from must come before to, and the error names from', () => {
  expect(problems(PeriodQuery, { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).toEqual(['from']);
  expect(problems(PeriodQuery, { from: '2026-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).toEqual(['from']);
  // Offsets count: 01:00+01:00 is midnight UTC.
  expect(problems(PeriodQuery, { from: '2026-01-01T01:00:00+01:00', to: '2026-01-01T00:00:01Z' })).toEqual([]);
});

test('every invalid parameter is named at once, the order of the period included', () => {
  const query = { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z', interval: 'week', groupBy: 'country' };
  expect(problems(RevenueQuery, query).sort()).toEqual(['from', 'groupBy', 'interval']);
});

test.each(['day', 'month'])('interval %s is accepted', (interval) => {
  expect(problems(IntervalQuery, { interval })).toEqual([]);
});

test.each(['storefront', 'bundle', 'currency'])('groupBy %s is accepted', (groupBy) => {
  expect(problems(RevenueQuery, { groupBy })).toEqual([]);
});
