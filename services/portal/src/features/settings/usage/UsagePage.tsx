import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { api, scopeKey, unwrap } from '../../../lib/api';
import { Button, PageHeader, QueryState, Stat } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { isMonth, monthLabel, monthOf, shiftMonth } from './month';

const copy = t.settings.usage;
const count = new Intl.NumberFormat();

/** /settings/usage?month=YYYY-MM: API calls, events, active subscriptions and customers of one month. */
export function UsagePage() {
  const [params, setParams] = useSearchParams();
  const current = monthOf(new Date());
  const month = isMonth(params.get('month')) ? params.get('month')! : current;
  const inputId = useId();
  const usage = useQuery({
    queryKey: [scopeKey(), 'usage', month],
    queryFn: () => unwrap(api.GET('/usage', { params: { query: { month } } })),
  });
  const go = (next: string) => setParams(next === current ? {} : { month: next }, { replace: true });

  return (
    <>
      <PageHeader title={copy.title} description={copy.description} />
      <div className="settings-month">
        <label htmlFor={inputId}>{copy.month}</label>
        <div className="settings-month-controls">
          <Button onClick={() => go(shiftMonth(month, -1))} aria-label={copy.previous}>
            {copy.previousShort}
          </Button>
          <input id={inputId} type="month" value={month} max={current} onChange={(e) => isMonth(e.target.value) && go(e.target.value)} />
          <Button onClick={() => go(shiftMonth(month, 1))} disabled={month >= current} aria-label={copy.next}>
            {copy.nextShort}
          </Button>
        </div>
      </div>
      <QueryState query={usage}>
        {(data) => (
          <section aria-label={copy.of(monthLabel(data.month))}>
            <h2 className="settings-month-title">{monthLabel(data.month)}</h2>
            <div className="settings-stats">
              <Stat label={copy.apiCalls} value={count.format(data.apiCalls)} detail={copy.apiCallsDetail} />
              <Stat label={copy.events} value={count.format(data.events)} detail={copy.eventsDetail} />
              <Stat label={copy.activeSubscriptions} value={count.format(data.activeSubscriptions)} detail={copy.activeSubscriptionsDetail} />
              <Stat label={copy.customers} value={count.format(data.customers)} detail={copy.customersDetail} />
            </div>
          </section>
        )}
      </QueryState>
    </>
  );
}
