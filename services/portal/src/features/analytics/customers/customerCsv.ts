import type { Schema } from '../../../lib/api';
import { csvAmount, type CsvColumn } from '../../../lib/csv';
import { t } from '../../../lib/i18n';

export type CustomerReport = Schema<'CustomerReport'>;
const text = t.analytics.customers;

const money = (m: { amount: number; currency: string | null } | null) => (m ? csvAmount(m.amount, m.currency ?? '') : '');

/** The customer report as one CSV row (ARPU and LTV exact decimals, empty when undefined). */
export const customerCsvColumns: CsvColumn<CustomerReport>[] = [
  { header: t.analytics.csv.from, value: (r) => r.period.from },
  { header: t.analytics.csv.to, value: (r) => r.period.to },
  { header: text.new, value: (r) => r.new },
  { header: text.active, value: (r) => r.active },
  { header: text.arpu, value: (r) => money(r.arpu) },
  { header: text.ltv, value: (r) => money(r.ltv) },
  { header: text.churnRate, value: (r) => r.churnRate },
  { header: t.analytics.csv.currency, value: (r) => r.currency ?? '' },
];
