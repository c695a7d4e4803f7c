import { csvAmount, type CsvColumn } from '../../../lib/csv';
import { t } from '../../../lib/i18n';
import type { RevenueCsvRow } from './revenue';

const text = t.analytics;

/**
 * The revenue report as CSV: one row per bucket (and group), converted rows
 * in the reporting currency, then any row in a currency without a rate, in
 * its own currency and marked so — nothing dropped.
 */
export function revenueCsvColumns(groupName: (group: string | null) => string): CsvColumn<RevenueCsvRow>[] {
  return [
    { header: text.csv.date, value: (r) => r.at },
    { header: text.revenue.group, value: (r) => groupName(r.group) },
    { header: text.revenue.groupId, value: (r) => r.group ?? '' },
    { header: text.revenue.gross, value: (r) => csvAmount(r.gross, r.currency) },
    { header: text.revenue.refunds, value: (r) => csvAmount(r.refunds, r.currency) },
    { header: text.revenue.net, value: (r) => csvAmount(r.net, r.currency) },
    { header: text.csv.currency, value: (r) => r.currency },
    { header: text.csv.converted, value: (r) => (r.converted ? text.csv.yes : text.csv.noRate) },
  ];
}
