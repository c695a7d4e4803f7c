import { Link, useLocation } from 'react-router';
import { api, unwrap } from '../../lib/api';
import { Card, QueryState } from '../../lib/components';
import { t } from '../../lib/i18n';
import { MovementTotals, MrrChart, Unconverted, useReport, type PeriodChoice } from '../../lib/reporting';
import { REFRESH_MS } from './useDashboard';

const text = t.dashboard.mrrChart;

/** The dashboard's MRR chart and its movements (new, expansion, contraction, churn, reactivation), refreshing with the figures. */
export function DashboardMrr({ choice }: { choice: PeriodChoice }) {
  const location = useLocation();
  const query = useReport(
    ['analytics', 'mrr'],
    choice,
    ({ from, to, interval }) => unwrap(api.GET('/analytics/mrr', { params: { query: { from, to, interval } } })),
    { refetchInterval: REFRESH_MS },
  );
  return (
    <Card
      title={text.title}
      className="dashboard-mrr"
      actions={
        <Link to={{ pathname: '/analytics/mrr', search: location.search }} className="btn btn-small btn-ghost">
          {text.openReport}
        </Link>
      }
    >
      <QueryState query={query}>
        {(report) => (
          <div className="chart-with-table">
            <MrrChart report={report} height={280} />
            <div>
              <MovementTotals report={report} caption={text.totalsCaption} />
              <Unconverted amounts={report.unconverted} />
            </div>
          </div>
        )}
      </QueryState>
    </Card>
  );
}
