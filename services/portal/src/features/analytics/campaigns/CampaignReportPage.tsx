import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Card, EmptyState, Money, Pager, QueryState, StatusBadge, useCursorPager } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { CsvButton, formatCount } from '../../../lib/reporting';
import { CampaignDetail } from './CampaignDetail';
import { campaignCsvColumns, STATUSES, type CampaignRow, type CampaignStatus } from './campaigns';
import { useCampaignPerformance } from './useCampaignPerformance';

const text = t.analytics.campaigns;

const isStatus = (value: string | null): value is CampaignStatus => (STATUSES as readonly string[]).includes(value ?? '');

function CampaignTable({ rows, selected, linkTo }: { rows: CampaignRow[]; selected: string | undefined; linkTo: (id: string) => string }) {
  return (
    <table className="table report-table">
      <caption className="sr-only">{text.listCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{text.campaign}</th>
          <th scope="col">{text.status}</th>
          <th scope="col" className="num">{text.redemptions}</th>
          <th scope="col" className="num">{text.revenue}</th>
          <th scope="col" className="num">{text.variants}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ campaign, report }) => (
          <tr key={campaign.id} className={campaign.id === selected ? 'is-selected' : undefined}>
            <th scope="row">
              <Link to={linkTo(campaign.id)} aria-current={campaign.id === selected ? 'true' : undefined}>
                {campaign.name}
              </Link>
            </th>
            <td><StatusBadge status={campaign.status} /></td>
            <td className="num">{report ? formatCount(report.redemptions) : <span className="muted">{text.reportUnavailable}</span>}</td>
            <td className="num">{report ? <Money amount={report.revenue.amount} currency={report.revenue.currency} /> : <span className="muted">—</span>}</td>
            <td className="num">{formatCount(campaign.variants.length)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Campaign performance: every campaign with its all-time redemptions and revenue, and one campaign's variants in detail. */
export function CampaignReportPage() {
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const selected = params.get('campaign') ?? undefined;
  const pager = useCursorPager();
  const query = useCampaignPerformance(status, pager.cursor);
  const canConfigure = useCan('campaigns', 'read');
  const statusId = useId();

  const update = (change: (next: URLSearchParams) => void) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      change(next);
      return next;
    });
  const linkTo = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('campaign', id);
    return `?${next.toString()}`;
  };

  return (
    <div className="stack">
      <div className="report-toolbar">
        <div className="report-controls">
          <div className="report-control">
            <label htmlFor={statusId}>{text.status}</label>
            <select
              id={statusId}
              value={status ?? ''}
              onChange={(e) => {
                pager.reset();
                update((next) => (e.target.value ? next.set('status', e.target.value) : next.delete('status')));
              }}
            >
              <option value="">{text.statuses.all}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {text.statuses[s]}
                </option>
              ))}
            </select>
          </div>
          <p className="muted report-note">{text.allTime}</p>
        </div>
        {query.data && query.data.rows.length > 0 ? (
          <div className="report-csv">
            <CsvButton filename="campaigns.csv" rows={query.data.rows} columns={campaignCsvColumns} />
          </div>
        ) : null}
      </div>
      {selected ? <CampaignDetail id={selected} onClose={() => update((next) => next.delete('campaign'))} /> : null}
      <Card title={text.title}>
        <QueryState query={query}>
          {(data) =>
            data.rows.length === 0 ? (
              <EmptyState
                title={status ? text.emptyFiltered : text.empty}
                action={canConfigure ? <Link to="/campaigns" className="btn btn-primary">{text.configure}</Link> : undefined}
              >
                {text.emptyHint}
              </EmptyState>
            ) : (
              <div className={['table-wrap', query.isPlaceholderData ? 'stale' : ''].join(' ').trim()} tabIndex={0} role="region" aria-label={text.listCaption}>
                <CampaignTable rows={data.rows} selected={selected} linkTo={linkTo} />
                <Pager pager={pager} nextCursor={data.nextCursor} label={text.pager} />
              </div>
            )
          }
        </QueryState>
      </Card>
    </div>
  );
}
