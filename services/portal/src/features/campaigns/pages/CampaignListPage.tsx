import { Link, useSearchParams } from 'react-router';
import { Allowed, Button, DataTable, EmptyState, PageHeader, Pager, QueryState, Time, useCursorPager, type ColumnDef } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useCampaigns, type Campaign, type CampaignStatus } from '../api/campaigns';
import { OfferSummary } from '../components/OfferSummary';
import { StatusLabel } from '../components/StatusLabel';
import '../campaigns.css';

const l = t.campaigns.list;
const STATUSES: CampaignStatus[] = ['draft', 'active', 'paused', 'ended'];
const isStatus = (s: string | null): s is CampaignStatus => STATUSES.includes(s as CampaignStatus);

const columns: ColumnDef<Campaign>[] = [
  {
    id: 'name',
    header: l.columns.name,
    cell: ({ row }) => (
      <div className="cmp-cell-stack">
        <Link to={`/campaigns/${row.original.id}`} className="cmp-cell-title">
          {row.original.name}
        </Link>
        <code className="muted cmp-cell-id">{row.original.id}</code>
        {/* On a phone the status and offer columns fold in here. */}
        <span className="cmp-show-narrow">
          <StatusLabel status={row.original.status} />
          <OfferSummary offer={row.original.offer} />
        </span>
      </div>
    ),
  },
  { id: 'status', header: l.columns.status, meta: { className: 'cmp-hide-narrow' }, cell: ({ row }) => <StatusLabel status={row.original.status} /> },
  {
    id: 'offer',
    header: l.columns.offer,
    meta: { className: 'cmp-hide-narrow' },
    cell: ({ row }) => (
      <>
        <OfferSummary offer={row.original.offer} />
        {row.original.variants.length > 0 ? <span className="badge badge-info cmp-ab-badge">{l.abTest(row.original.variants.length)}</span> : null}
      </>
    ),
  },
  {
    id: 'codes',
    header: l.columns.codes,
    meta: { className: 'cmp-hide-narrow' },
    cell: ({ row }) => {
      const codes = row.original.codes;
      if (codes.length === 0) return <span className="muted">{l.automatic}</span>;
      return codes.length === 1 ? <code>{codes[0]!.code}</code> : l.codeCount(codes.length);
    },
  },
  {
    id: 'redemptions',
    header: l.columns.redemptions,
    meta: { className: 'num' },
    cell: ({ row }) => (
      <span>
        {row.original.redemptions}
        {row.original.maxRedemptions !== null ? <span className="muted"> / {row.original.maxRedemptions}</span> : null}
      </span>
    ),
  },
  {
    id: 'schedule',
    header: l.columns.schedule,
    meta: { className: 'cmp-hide-narrow' },
    cell: ({ row }) =>
      row.original.startsAt || row.original.endsAt ? (
        <span className="cmp-schedule-cell">
          <Time value={row.original.startsAt} dateOnly /> – <Time value={row.original.endsAt} dateOnly />
        </span>
      ) : (
        <span className="muted">—</span>
      ),
  },
  { id: 'created', header: l.columns.created, meta: { className: 'cmp-hide-narrow' }, cell: ({ row }) => <Time value={row.original.createdAt} dateOnly /> },
];

/** /campaigns: every campaign of the environment with its status, filterable by status, newest first. */
export function CampaignListPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = isStatus(raw) ? raw : undefined;
  const pager = useCursorPager();
  const query = useCampaigns({ limit: 20, ...(pager.cursor ? { cursor: pager.cursor } : {}), ...(status ? { status } : {}) });
  const canCreate = useCan('campaigns', 'write');
  const setStatus = (next: string) => {
    pager.reset();
    setParams(next ? { status: next } : {}, { replace: true });
  };
  const createLink = (
    <Link to="/campaigns/new" className="btn btn-primary">
      {t.campaigns.create}
    </Link>
  );

  return (
    <>
      <PageHeader
        title={t.campaigns.title}
        description={t.campaigns.description}
        actions={<Allowed area="campaigns">{createLink}</Allowed>}
      />
      <div className="stack">
        <div className="cmp-filters">
          <label className="cmp-filter">
            <span>{l.statusFilter}</span>
            <select value={status ?? ''} onChange={(e) => setStatus(e.target.value)}>
              <option value="">{l.allStatuses}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t.campaigns.statuses[s]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <QueryState query={query}>
          {(list) => (
            <DataTable
              caption={l.caption}
              columns={columns}
              rows={list.data}
              getRowId={(c) => c.id}
              empty={
                status ? (
                  <EmptyState title={l.emptyFilteredTitle(t.campaigns.statuses[status].toLowerCase())} action={<Button onClick={() => setStatus('')}>{l.showAll}</Button>}>
                    {l.emptyFilteredBody}
                  </EmptyState>
                ) : (
                  <EmptyState title={l.emptyTitle} action={canCreate ? createLink : undefined}>
                    {canCreate ? l.emptyBody : l.emptyBodyReadOnly}
                  </EmptyState>
                )
              }
              footer={<Pager pager={pager} nextCursor={list.nextCursor} label={l.pager} />}
            />
          )}
        </QueryState>
      </div>
    </>
  );
}
