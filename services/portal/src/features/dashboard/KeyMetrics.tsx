import type { Schema } from '../../lib/api';
import { Money } from '../../lib/components';
import { t } from '../../lib/i18n';
import { Figure, formatCount, Rate, Unconverted } from '../../lib/reporting';

type Dashboard = Schema<'Dashboard'>;
type Source = Dashboard['degraded'][number];

const text = t.dashboard;

/**
 * The dashboard's figures: the four key metrics of the product description,
 * then trialing subscriptions, revenue and new customers. A figure whose
 * source is named in `degraded` — or every figure, when the last refresh
 * failed — shows as Unavailable: an unknown figure is never shown as 0.
 */
export function KeyMetrics({ data, failed, loading }: { data: Dashboard | undefined; failed: boolean; loading: boolean }) {
  const down = (source: Source) => !loading && (failed || !data || data.degraded.includes(source));
  const detail = (source: Source, normal: string) => (down(source) ? (failed ? text.details.refreshFailed : text.details.unavailable) : normal);
  const common = { loading };
  return (
    <>
      <section aria-label={text.keyMetrics} className="grid-4 key-metrics">
        <Figure
          {...common}
          label={text.metrics.mrr}
          value={<Money amount={data?.mrr?.amount} currency={data?.mrr?.currency} />}
          unavailable={down('subscriptions')}
          detail={detail('subscriptions', text.details.mrr)}
          extra={down('subscriptions') ? null : <Unconverted amounts={data?.unconverted.mrr} />}
        />
        <Figure
          {...common}
          label={text.metrics.activeSubscriptions}
          value={data?.activeSubscriptions != null ? formatCount(data.activeSubscriptions) : null}
          unavailable={down('subscriptions')}
          detail={detail('subscriptions', text.details.activeSubscriptions)}
        />
        <Figure
          {...common}
          label={text.metrics.churnRate}
          value={<Rate value={data?.churnRate} />}
          unavailable={down('subscriptions')}
          detail={detail('subscriptions', data?.churnRate == null ? t.analytics.rate.noActiveAtStart : t.analytics.churn.definition)}
        />
        <Figure
          {...common}
          label={text.metrics.paymentSuccessRate}
          value={<Rate value={data?.paymentSuccessRate} />}
          unavailable={down('payments')}
          detail={detail('payments', data?.paymentSuccessRate == null ? t.analytics.rate.noAttempts : t.analytics.payments.retriesNote)}
        />
      </section>
      <section aria-label={text.moreMetrics} className="grid-3 more-metrics">
        <Figure
          {...common}
          label={text.metrics.trialingSubscriptions}
          value={data?.trialingSubscriptions != null ? formatCount(data.trialingSubscriptions) : null}
          unavailable={down('subscriptions')}
          detail={detail('subscriptions', text.details.trialing)}
        />
        <Figure
          {...common}
          label={text.metrics.revenue}
          value={<Money amount={data?.revenue?.amount} currency={data?.revenue?.currency} />}
          unavailable={down('payments')}
          detail={detail('payments', text.details.revenue)}
          extra={down('payments') ? null : <Unconverted amounts={data?.unconverted.revenue} />}
        />
        <Figure
          {...common}
          label={text.metrics.newCustomers}
          value={data?.newCustomers != null ? formatCount(data.newCustomers) : null}
          unavailable={down('customers')}
          detail={detail('customers', text.details.newCustomers)}
        />
      </section>
    </>
  );
}
