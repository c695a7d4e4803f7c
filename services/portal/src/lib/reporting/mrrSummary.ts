import { formatMoney } from '../money';
import { t } from '../i18n';
import { formatBucket } from './format';
import { MOVEMENTS, movementTotals, type MrrReport } from './mrr';

const words = t.analytics.movements;

const money = (minor: number, currency: string | null) => (currency ? formatMoney(minor, currency) : String(minor));

/** The chart's name in words: where MRR started and ended, and what moved it. */
export function mrrSummary(report: MrrReport): string {
  const first = report.data[0];
  const last = report.data.at(-1);
  if (!first || !last) return t.analytics.chart.noPoints;
  const totals = movementTotals(report.data);
  const moves = MOVEMENTS.map((m) => `${words[m]} ${money(totals[m], report.currency)}`).join(', ');
  return t.analytics.chart.mrrSummary(
    formatBucket(report.period.from, 'day'),
    formatBucket(report.period.to, 'day', true),
    money(first.mrr, report.currency),
    money(last.mrr, report.currency),
    moves,
  );
}

