import { api, unwrap } from '../../../lib/api';
import { Card, Money, QueryState } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { CsvButton, csvFilename, Figure, formatCount, Rate, usePeriodChoice, useReport } from '../../../lib/reporting';
import { ReportToolbar } from '../ReportToolbar';
import { churnCsvColumns } from './churnCsv';

const text = t.analytics.churn;

/** Churn over the period: subscriptions active at its start, those that churned, the rate and the MRR lost. */
export function ChurnReportPage() {
  const [choice] = usePeriodChoice();
  const query = useReport(['analytics', 'churn'], choice, ({ from, to }) => unwrap(api.GET('/analytics/churn', { params: { query: { from, to } } })));
  const report = query.data;
  return (
    <div className="stack">
      <ReportToolbar
        covering={report?.period}
        csv={report ? <CsvButton filename={csvFilename('churn', report.period)} rows={[report]} columns={churnCsvColumns} /> : null}
      />
      <QueryState query={query}>
        {(r) => (
          <Card title={text.title} className={query.isPlaceholderData ? 'stale' : undefined}>
            <div className="report-figures">
              <Figure label={text.activeAtStart} value={formatCount(r.activeAtStart)} />
              <Figure label={text.churned} value={formatCount(r.churned)} />
              <Figure label={text.rate} value={<Rate value={r.churnRate} />} detail={r.churnRate === null ? t.analytics.rate.noActiveAtStart : null} />
              <Figure label={text.churnedMrr} value={<Money amount={r.churnedMrr.amount} currency={r.churnedMrr.currency} />} />
            </div>
            <p className="muted report-note report-definition">
              {text.definition}
            </p>
          </Card>
        )}
      </QueryState>
    </div>
  );
}
