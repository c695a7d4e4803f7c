import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../lib/csv';
import { paymentCsvColumns, paymentMetricRows, type PaymentReport } from './paymentCsv';

const report: PaymentReport = {
  asOf: '2026-12-02T10:00:00.000Z',
  currency: 'EUR',
  period: { from: '2026-11-02T10:00:00.000Z', to: '2026-12-02T10:00:00.000Z' },
  attempts: 4,
  successes: 3,
  failures: 1,
  successRate: 0.75,
  failuresByCode: [{ code: 'card_declined', count: 1 }],
  refunds: { count: 1, amount: { amount: 500, currency: 'EUR' } },
  collected: { amount: 2997, currency: 'EUR' },
  unconverted: { collected: [{ amount: 1200, currency: 'USD' }], refunded: [] },
};

describe('the payment CSV', () => {
  it('lists every figure, each failure code, and what was collected without a rate', () => {
    const lines = toCsv(paymentMetricRows(report), paymentCsvColumns).split('\r\n');
    expect(lines[0]).toBe('Metric,Value,Currency');
    expect(lines).toContain('Success rate,0.75,');
    expect(lines).toContain('Collected,29.97,EUR');
    expect(lines).toContain('Refunded,5.00,EUR');
    expect(lines).toContain('Failures: card_declined,1,');
    expect(lines).toContain('"Collected, not converted (no rate)",12.00,USD');
  });
});
