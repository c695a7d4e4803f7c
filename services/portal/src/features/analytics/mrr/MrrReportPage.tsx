import { api, unwrap } from '../../../lib/api';
import { Card, EmptyState, Money, QueryState } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import {
  CsvButton,
  csvFilename,
  Figure,
  formatBucket,
  MovementTotals,
  movementTotals,
  MOVEMENTS,
  MrrChart,
  netOf,
  TableScroll,
  Unconverted,
  usePeriodChoice,
  useReport,
  type MrrReport,
} from '../../../lib/reporting';
import { ReportToolbar } from '../ReportToolbar';
import { mrrCsvColumns } from './mrrCsv';

const text = t.analytics.mrr;
const words = t.analytics.movements;

function MrrTable({ report }: { report: MrrReport }) {
  const currency = report.currency;
  return (
    <TableScroll label={text.tableCaption} tall>
      <table className="table report-table">
        <caption className="sr-only">{text.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.analytics.dayUtc}</th>
            <th scope="col" className="num">{t.analytics.chart.legendMrr}</th>
            {MOVEMENTS.map((m) => (
              <th key={m} scope="col" className="num">
                {words[m]}
              </th>
            ))}
            <th scope="col" className="num">{words.net}</th>
          </tr>
        </thead>
        <tbody>
          {[...report.data].reverse().map((p) => (
            <tr key={p.at}>
              <th scope="row" className="bucket-label">{formatBucket(p.at, report.interval, true)}</th>
              <td className="num"><Money amount={p.mrr} currency={currency} /></td>
              {MOVEMENTS.map((m) => (
                <td key={m} className="num">
                  <Money amount={p[m]} currency={currency} />
                </td>
              ))}
              <td className="num"><Money amount={netOf(p)} currency={currency} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** MRR and its movements over the period: the chart, the totals beside it, and every bucket in a table. */
export function MrrReportPage() {
  const [choice] = usePeriodChoice();
  const query = useReport(['analytics', 'mrr'], choice, ({ from, to, interval }) =>
    unwrap(api.GET('/analytics/mrr', { params: { query: { from, to, interval } } })),
  );
  const report = query.data;
  return (
    <div className="stack">
      <ReportToolbar
        covering={report?.period}
        csv={report ? <CsvButton filename={csvFilename('mrr', report.period)} rows={report.data} columns={mrrCsvColumns(report.currency)} /> : null}
      />
      <QueryState query={query}>
        {(r) => {
          const last = r.data.at(-1);
          const totals = movementTotals(r.data);
          const empty = r.data.every((p) => p.mrr === 0 && netOf(p) === 0 && p.churn === 0 && p.contraction === 0);
          return (
            <div className={query.isPlaceholderData ? 'stack stale' : 'stack'}>
              {r.currency ? null : <p className="notice notice-info">{t.analytics.noCurrency}</p>}
              <div className="report-figures">
                <Figure label={text.atEnd} value={last ? <Money amount={last.mrr} currency={r.currency} /> : t.common.none} extra={<Unconverted amounts={r.unconverted} />} />
                <Figure label={text.netChange} value={<Money amount={totals.net} currency={r.currency} />} />
                <Figure label={words.new} value={<Money amount={totals.new} currency={r.currency} />} />
                <Figure label={words.churn} value={<Money amount={totals.churn} currency={r.currency} />} />
              </div>
              <Card title={text.chartTitle}>
                {empty ? (
                  <EmptyState title={text.empty}>{text.emptyHint}</EmptyState>
                ) : (
                  <div className="chart-with-table">
                    <MrrChart report={r} />
                    <MovementTotals report={r} caption={t.dashboard.mrrChart.totalsCaption} />
                  </div>
                )}
              </Card>
              <Card title={text.tableCaption}>
                <MrrTable report={r} />
              </Card>
            </div>
          );
        }}
      </QueryState>
    </div>
  );
}
