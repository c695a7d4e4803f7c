import { Link, useSearchParams } from 'react-router';
import type { Schema } from '../../../lib/api';
import { Allowed, DataTable, EmptyState, Pager, PageHeader, QueryState, StatusBadge, Time, useCursorPager, type ColumnDef } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useSubscriptions } from '../api/queries';
import { subscriptionPrice, subscriptionStatus } from '../shared/format';
import { BundleName, CustomerLink } from '../shared/Names';
import { StatusFilter } from '../shared/StatusFilter';
import '../billing.css';

type Subscription = Schema<'Subscription'>;
type Status = Subscription['status'];
const text = t.billing.subscriptions;
const STATUSES: Status[] = ['trialing', 'active', 'incomplete', 'incomplete_expired', 'past_due', 'canceled'];

const columns: ColumnDef<Subscription>[] = [
  {
    id: 'subscription',
    header: text.id,
    cell: ({ row: { original: s } }) => (
      <span className="bill-stacked">
        <Link to={`/subscriptions/${s.id}`} className="bill-cell-title">
          <BundleName id={s.bundleId} />
        </Link>
        <span className="mono muted bill-small">{s.id}</span>
      </span>
    ),
  },
  { id: 'customer', header: text.customer, cell: ({ row }) => <CustomerLink id={row.original.customerId} /> },
  { id: 'price', header: text.price, cell: ({ row }) => <span className="money">{subscriptionPrice(row.original)}</span> },
  {
    id: 'status',
    header: text.status,
    cell: ({ row: { original: s } }) => (
      <span className="bill-inline">
        <StatusBadge status={s.status} label={subscriptionStatus(s.status)} />
        {s.cancelAtPeriodEnd && s.status !== 'canceled' ? <span className="muted bill-small">{text.endsAtPeriodEnd}</span> : null}
      </span>
    ),
  },
  { id: 'periodEnd', header: text.periodEnd, meta: { className: 'bill-nowrap' }, cell: ({ row }) => (row.original.status === 'canceled' ? <span className="muted">—</span> : <Time value={row.original.currentPeriodEnd} dateOnly />) },
  { id: 'created', header: text.created, meta: { className: 'bill-nowrap' }, cell: ({ row }) => <Time value={row.original.createdAt} /> },
];

/** /subscriptions — every subscription, newest first, filtered by status (kept in the URL). */
export function SubscriptionsListPage() {
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('status'));
  const pager = useCursorPager();
  const query = useSubscriptions({ status, cursor: pager.cursor });
  const create = (
    <Link to="/subscriptions/new" className="btn btn-primary">
      {text.create}
    </Link>
  );
  return (
    <>
      <PageHeader
        title={text.title}
        description={text.description}
        actions={
          <>
            <Link to="/payments" className="btn btn-secondary">
              {text.payments}
            </Link>
            <Allowed area="billing">{create}</Allowed>
          </>
        }
      />
      <div className="stack">
        <div className="bill-toolbar">
          <StatusFilter
            value={status ?? ''}
            statuses={STATUSES}
            labels={t.billing.subscriptionStatuses}
            onChange={(next) => {
              setParams(next ? { status: next } : {}, { replace: true });
              pager.reset();
            }}
          />
        </div>
        <QueryState query={query}>
          {(page) => (
            <DataTable
              caption={text.caption}
              columns={columns}
              rows={page.data}
              getRowId={(s) => s.id}
              empty={
                <EmptyState title={status ? text.emptyFiltered(subscriptionStatus(status)) : text.emptyTitle} action={status ? undefined : <Allowed area="billing">{create}</Allowed>}>
                  {status ? text.emptyFilteredBody : text.emptyBody}
                </EmptyState>
              }
              footer={<Pager pager={pager} nextCursor={page.nextCursor} label={text.pager} />}
            />
          )}
        </QueryState>
      </div>
    </>
  );
}
