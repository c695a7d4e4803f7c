import { api, unwrap } from '../../../lib/api';
import { Card, EmptyState, Money, QueryState } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { CsvButton, csvFilename, Figure, formatCount, formatRate, Rate, TableScroll, Unconverted, usePeriodChoice, useReport } from '../../../lib/reporting';
import { ReportToolbar } from '../ReportToolbar';
import { FailuresChart } from './FailuresChart';
import { paymentCsvColumns, paymentMetricRows, type PaymentReport } from './paymentCsv';

const text = t.analytics.payments;

function FailuresTable({ report }: { report: PaymentReport }) {
  const rows = [...report.failuresByCode].sort((a, b) => b.count - a.count);
  return (
    <TableScroll label={text.failuresCaption}>
      <table className="table report-table">
        <caption className="sr-only">{text.failuresCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.code}</th>
            <th scope="col" className="num">{text.count}</th>
            <th scope="col" className="num">{text.share}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={f.code}>
              <th scope="row"><code>{f.code}</code></th>
              <td className="num">{formatCount(f.count)}</td>
              <td className="num">{report.failures > 0 ? formatRate(f.count / report.failures) : t.common.none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Payments over the period: attempts and their success rate, failures by decline code, refunds, what was collected. */
export function PaymentReportPage() {
  const [choice] = usePeriodChoice();
  const query = useReport(['analytics', 'payments'], choice, ({ from, to }) =>
    unwrap(api.GET('/analytics/payments', { params: { query: { from, to } } })),
  );
  const report = query.data;
  return (
    <div className="stack">
      <ReportToolbar
        covering={report?.period}
        csv={report ? <CsvButton filename={csvFilename('payments', report.period)} rows={paymentMetricRows(report)} columns={paymentCsvColumns} /> : null}
      />
      <QueryState query={query}>
        {(r) => (
          <div className={query.isPlaceholderData ? 'stack stale' : 'stack'}>
            <div className="report-figures cols-3">
              <Figure label={text.successRate} value={<Rate value={r.successRate} />} detail={r.successRate === null ? t.analytics.rate.noAttempts : text.retriesNote} />
              <Figure label={text.attempts} value={formatCount(r.attempts)} />
              <Figure label={text.successes} value={formatCount(r.successes)} />
              <Figure label={text.failures} value={formatCount(r.failures)} />
              <Figure label={text.collected} value={<Money amount={r.collected.amount} currency={r.collected.currency} />} extra={<Unconverted amounts={r.unconverted.collected} />} />
              <Figure
                label={text.refunds}
                value={<Money amount={r.refunds.amount.amount} currency={r.refunds.amount.currency} />}
                detail={text.refundCount(r.refunds.count)}
                extra={<Unconverted amounts={r.unconverted.refunded} />}
              />
            </div>
            <Card title={text.failuresTitle}>
              {r.failuresByCode.length === 0 ? (
                <EmptyState title={text.noFailures}>{text.noFailuresHint}</EmptyState>
              ) : (
                <div className="chart-with-table">
                  <FailuresChart failures={r.failuresByCode} />
                  <FailuresTable report={r} />
                </div>
              )}
            </Card>
          </div>
        )}
      </QueryState>
    </div>
  );
}
