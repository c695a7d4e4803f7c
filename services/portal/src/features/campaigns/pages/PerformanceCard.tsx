import { isApiError } from '../../../lib/api';
import { Card, ErrorNotice, Money, Stat, Time } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useCampaignReport, type Campaign } from '../api/campaigns';
import { ScrollTable } from '../components/ScrollTable';

const p = t.campaigns.performance;
const rate = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

/**
 * GET /analytics/campaigns/{id}: redemptions and revenue overall and per
 * A/B variant (assigned, redemptions, conversion rate). Analytics learns of
 * a campaign from its events, so a very new one has no figures yet (404).
 */
export function PerformanceCard({ campaign }: { campaign: Campaign }) {
  const query = useCampaignReport(campaign.id, true);
  const notYet = isApiError(query.error) && query.error.status === 404;
  return (
    <Card title={p.title} className="cmp-performance-card">
      {query.isPending ? (
        <p className="loading" role="status">
          {t.common.loading}
        </p>
      ) : notYet ? (
        <p className="muted">{p.noFigures}</p>
      ) : query.isError ? (
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <div className="stack">
          <div className="grid-2 cmp-performance-stats">
            <Stat label={p.redemptions} value={query.data.redemptions} />
            <Stat label={p.revenue} value={<Money amount={query.data.revenue.amount} currency={query.data.revenue.currency} />} />
          </div>
          {query.data.unconverted.length > 0 ? (
            <p className="muted">
              {p.unconverted}{' '}
              {query.data.unconverted.map((u, i) => (
                <span key={u.currency}>
                  {i > 0 ? ', ' : null}
                  <Money amount={u.amount} currency={u.currency} />
                </span>
              ))}
            </p>
          ) : null}
          {query.data.byVariant.length > 0 ? (
            <ScrollTable label={p.caption}>
              <table className="table">
                <caption className="sr-only">{p.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{p.variant}</th>
                    <th scope="col" className="num">
                      {p.assigned}
                    </th>
                    <th scope="col" className="num">
                      {p.variantRedemptions}
                    </th>
                    <th scope="col" className="num">
                      {p.conversionRate}
                    </th>
                    <th scope="col" className="num">
                      {p.variantRevenue}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {query.data.byVariant.map((v) => (
                    <tr key={v.variant}>
                      <td>
                        <code>{v.variant}</code>
                      </td>
                      <td className="num">{v.assigned}</td>
                      <td className="num">{v.redemptions}</td>
                      <td className="num">{v.conversionRate === null ? '—' : rate.format(v.conversionRate)}</td>
                      <td className="num">
                        <Money amount={v.revenue.amount} currency={v.revenue.currency} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          ) : campaign.variants.length === 0 ? (
            <p className="muted">{p.noVariants}</p>
          ) : null}
          <p className="muted cmp-performance-as-of">
            {p.asOf} <Time value={query.data.asOf} />
          </p>
        </div>
      )}
    </Card>
  );
}
