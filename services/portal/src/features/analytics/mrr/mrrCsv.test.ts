import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../lib/csv';
import { mrrCsvColumns } from './mrrCsv';

describe('the MRR CSV', () => {
  it('writes one row per bucket with every movement and the net change, as exact decimals', () => {
    const csv = toCsv(
      [{ at: '2026-12-02T00:00:00.000Z', mrr: 123456, new: 999, expansion: 500, contraction: 100, churn: 0, reactivation: 1 }],
      mrrCsvColumns('EUR'),
    );
    const [header, row] = csv.split('\r\n');
    expect(header).toBe('At,MRR,New,Expansion,Reactivation,Contraction,Churn,Net change,Currency');
    expect(row).toBe('2026-12-02T00:00:00.000Z,1234.56,9.99,5.00,0.01,1.00,0.00,14.00,EUR');
  });

  it('follows the currency’s minor unit (JPY has none)', () => {
    const row = toCsv([{ at: '2026-12-02T00:00:00.000Z', mrr: 1500, new: 0, expansion: 0, contraction: 0, churn: 0, reactivation: 0 }], mrrCsvColumns('JPY')).split('\r\n')[1];
    expect(row).toBe('2026-12-02T00:00:00.000Z,1500,0,0,0,0,0,0,JPY');
  });
});
