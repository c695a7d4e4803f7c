import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../lib/csv';
import { csvRows, type RevenueReport } from './revenue';
import { revenueCsvColumns } from './revenueCsv';

const report: RevenueReport = {
  data: [{ at: '2026-11-03T00:00:00.000Z', group: 'sf_1', gross: 1998, refunds: 999, net: 999, currency: 'EUR' }],
  totals: { gross: 1998, refunds: 999, net: 999 },
  interval: 'day',
  groupBy: 'storefront',
  asOf: '2026-12-02T10:00:00.000Z',
  currency: 'EUR',
  period: { from: '2026-11-02T10:00:00.000Z', to: '2026-12-02T10:00:00.000Z' },
  unconverted: [{ at: '2026-11-04T00:00:00.000Z', group: null, gross: 1200, refunds: 0, net: 1200, currency: 'USD' }],
};

describe('the revenue CSV', () => {
  it('has a header naming every column, exact decimal amounts, and the unconverted row in its own currency', () => {
    const names = (group: string | null) => (group === 'sf_1' ? 'Germany, main' : 'No storefront');
    const lines = toCsv(csvRows(report), revenueCsvColumns(names)).split('\r\n');
    expect(lines[0]).toBe('Date,Group,Group ID,Gross,Refunds,Net,Currency,Converted');
    expect(lines[1]).toBe('2026-11-03T00:00:00.000Z,"Germany, main",sf_1,19.98,9.99,9.99,EUR,yes');
    expect(lines[2]).toBe('2026-11-04T00:00:00.000Z,No storefront,,12.00,0.00,12.00,USD,no (no rate)');
    expect(lines[3]).toBe('');
  });
});
