import { csvAmount, type CsvColumn } from '../../../lib/csv';
import { t } from '../../../lib/i18n';
import { netOf, type MrrPoint } from '../../../lib/reporting';

const words = t.analytics.movements;

/** The MRR report as CSV: one row per bucket (its end, UTC), every amount an exact decimal of the reporting currency. */
export function mrrCsvColumns(currency: string | null): CsvColumn<MrrPoint>[] {
  const c = currency ?? '';
  const amount = (pick: (p: MrrPoint) => number) => (p: MrrPoint) => csvAmount(pick(p), c);
  return [
    { header: t.analytics.mrr.bucketEnd, value: (p) => p.at },
    { header: t.analytics.chart.legendMrr, value: amount((p) => p.mrr) },
    { header: words.new, value: amount((p) => p.new) },
    { header: words.expansion, value: amount((p) => p.expansion) },
    { header: words.reactivation, value: amount((p) => p.reactivation) },
    { header: words.contraction, value: amount((p) => p.contraction) },
    { header: words.churn, value: amount((p) => p.churn) },
    { header: words.net, value: amount(netOf) },
    { header: t.analytics.csv.currency, value: () => c },
  ];
}
