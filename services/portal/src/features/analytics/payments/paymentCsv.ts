import type { Schema } from '../../../lib/api';
import { csvAmount, type CsvColumn } from '../../../lib/csv';
import { t } from '../../../lib/i18n';

export type PaymentReport = Schema<'PaymentReport'>;

const text = t.analytics.payments.metrics;

export interface MetricRow {
  metric: string;
  value: string | number | null;
  currency: string;
}

/**
 * The payment report as CSV, one figure per line: counts, the success rate
 * (a fraction), amounts as exact decimals, each failure code, and what was
 * collected or refunded in a currency with no rate, in that currency.
 */
export function paymentMetricRows(r: PaymentReport): MetricRow[] {
  const reporting = r.currency ?? '';
  return [
    { metric: t.analytics.csv.from, value: r.period.from, currency: '' },
    { metric: t.analytics.csv.to, value: r.period.to, currency: '' },
    { metric: text.attempts, value: r.attempts, currency: '' },
    { metric: text.successes, value: r.successes, currency: '' },
    { metric: text.failures, value: r.failures, currency: '' },
    { metric: text.successRate, value: r.successRate, currency: '' },
    { metric: text.collected, value: csvAmount(r.collected.amount, r.collected.currency ?? reporting), currency: r.collected.currency ?? reporting },
    { metric: text.refundCount, value: r.refunds.count, currency: '' },
    { metric: text.refunded, value: csvAmount(r.refunds.amount.amount, r.refunds.amount.currency ?? reporting), currency: r.refunds.amount.currency ?? reporting },
    ...r.failuresByCode.map((f) => ({ metric: text.failuresOf(f.code), value: f.count, currency: '' })),
    ...r.unconverted.collected.map((u) => ({ metric: text.notConvertedCollected, value: csvAmount(u.amount, u.currency), currency: u.currency })),
    ...r.unconverted.refunded.map((u) => ({ metric: text.notConvertedRefunded, value: csvAmount(u.amount, u.currency), currency: u.currency })),
  ];
}

export const paymentCsvColumns: CsvColumn<MetricRow>[] = [
  { header: t.analytics.csv.metric, value: (r) => r.metric },
  { header: t.analytics.csv.value, value: (r) => r.value },
  { header: t.analytics.csv.currency, value: (r) => r.currency },
];
