import type { Schema } from '../../../lib/api';
import { csvAmount, type CsvColumn } from '../../../lib/csv';
import { t } from '../../../lib/i18n';

export type ChurnReport = Schema<'ChurnReport'>;
const text = t.analytics.churn;

/** The churn report as one CSV row; the rate a fraction (empty when undefined), MRR an exact decimal. */
export const churnCsvColumns: CsvColumn<ChurnReport>[] = [
  { header: t.analytics.csv.from, value: (r) => r.period.from },
  { header: t.analytics.csv.to, value: (r) => r.period.to },
  { header: text.activeAtStart, value: (r) => r.activeAtStart },
  { header: text.churned, value: (r) => r.churned },
  { header: text.rate, value: (r) => r.churnRate },
  { header: text.churnedMrr, value: (r) => csvAmount(r.churnedMrr.amount, r.churnedMrr.currency ?? '') },
  { header: t.analytics.csv.currency, value: (r) => r.churnedMrr.currency ?? '' },
];
