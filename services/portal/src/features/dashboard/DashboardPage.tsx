import { ErrorNotice, PageHeader, Time } from '../../lib/components';
import { t } from '../../lib/i18n';
import { useCan, useMe } from '../../lib/session';
import { PeriodPicker, usePeriodChoice } from '../../lib/reporting';
import { DashboardMrr } from './DashboardMrr';
import { GettingStarted } from './getting-started/GettingStarted';
import { KeyMetrics } from './KeyMetrics';
import { QuickActions } from './QuickActions';
import { useDashboard } from './useDashboard';
import './dashboard.css';

const text = t.dashboard;

/**
 * The dashboard: Getting started, the key metrics for a chosen period
 * (refreshing themselves while the page is open), the MRR chart with its
 * movements, and the quick actions.
 */
export function DashboardPage() {
  const me = useMe().data;
  const [choice, setChoice] = usePeriodChoice();
  const query = useDashboard(choice);
  const showMrr = useCan('analytics', 'read');
  const data = query.data;
  const failed = query.isError;
  return (
    <>
      <PageHeader
        title={text.title}
        description={
          <>
            {text.description(me?.environment?.name ?? '')}{' '}
            {query.dataUpdatedAt ? (
              <span className="dashboard-updated">
                {text.updatedAt} <Time value={new Date(query.dataUpdatedAt).toISOString()} />. {text.refreshing}
              </span>
            ) : null}
          </>
        }
        actions={<PeriodPicker choice={choice} onChange={setChoice} covering={data?.period} />}
      />
      <div className="stack">
        {failed ? <ErrorNotice error={query.error} onRetry={() => void query.refetch()} /> : null}
        {!failed && data && data.currency === null ? <p className="notice notice-info">{t.analytics.noCurrency}</p> : null}
        <GettingStarted />
        <div className={query.isPlaceholderData ? 'stack stale' : 'stack'} aria-busy={query.isFetching || undefined}>
          <KeyMetrics data={failed ? undefined : data} failed={failed} loading={query.isPending && !failed} />
        </div>
        <div className={['dashboard-lower', showMrr ? '' : 'dashboard-lower-single'].join(' ').trim()}>
          {showMrr ? <DashboardMrr choice={choice} /> : null}
          <QuickActions />
        </div>
      </div>
    </>
  );
}
