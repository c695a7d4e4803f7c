import { api, unwrap } from '../../../lib/api';
import { Card, Money, QueryState } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { CsvButton, csvFilename, Figure, formatCount, Rate, usePeriodChoice, useReport } from '../../../lib/reporting';
import { ReportToolbar } from '../ReportToolbar';
import { customerCsvColumns } from './customerCsv';

const text = t.analytics.customers;

/** Customers over the period: new and active customers, ARPU, LTV, and the churn rate LTV rests on. */
export function CustomerReportPage() {
  const [choice] = usePeriodChoice();
  const query = useReport(['analytics', 'customers'], choice, ({ from, to }) =>
    unwrap(api.GET('/analytics/customers', { params: { query: { from, to } } })),
  );
  const report = query.data;
  return (
    <div className="stack">
      <ReportToolbar
        covering={report?.period}
        csv={report ? <CsvButton filename={csvFilename('customers', report.period)} rows={[report]} columns={customerCsvColumns} /> : null}
      />
      <QueryState query={query}>
        {(r) => (
          <Card title={text.title} className={query.isPlaceholderData ? 'stale' : undefined}>
            <div className="report-figures">
              <Figure label={text.new} value={formatCount(r.new)} detail={t.dashboard.details.newCustomers} />
              <Figure label={text.active} value={formatCount(r.active)} />
              <Figure label={text.arpu} value={r.arpu ? <Money amount={r.arpu.amount} currency={r.arpu.currency} /> : t.common.none} detail={r.arpu ? text.arpuLong : text.noActive} />
              <Figure label={text.ltv} value={r.ltv ? <Money amount={r.ltv.amount} currency={r.ltv.currency} /> : t.common.none} detail={r.ltv ? text.ltvLong : text.noLtv} />
              <Figure label={text.churnRate} value={<Rate value={r.churnRate} />} detail={r.churnRate === null ? t.analytics.rate.noActiveAtStart : null} />
            </div>
          </Card>
        )}
      </QueryState>
    </div>
  );
}
