import { Link } from 'react-router';
import type { Schema } from '../../../lib/api';
import { DataTable, EmptyState, Pager, QueryState, StatusBadge, Time, useCursorPager, type ColumnDef } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useBundle, useCustomerSubscriptions } from '../api/queries';
import { subscriptionPrice, subscriptionStatus } from './format';

type Subscription = Schema<'Subscription'>;
const text = t.customers.subscriptions;

/** A subscription named by its bundle (the id while the name loads), its id beneath. */
function SubscriptionName({ subscription: s }: { subscription: Subscription }) {
  const bundle = useBundle(s.bundleId).data;
  return (
    <span className="cus-stacked">
      <Link to={`/subscriptions/${s.id}`} className="cus-cell-title">
        {bundle?.name ?? s.bundleId}
      </Link>
      <span className="mono muted cus-small">{s.id}</span>
    </span>
  );
}

const columns: ColumnDef<Subscription>[] = [
  { id: 'subscription', header: text.id, cell: ({ row }) => <SubscriptionName subscription={row.original} /> },
  {
    id: 'status',
    header: text.status,
    cell: ({ row: { original: s } }) => (
      <span className="cus-inline">
        <StatusBadge status={s.status} label={subscriptionStatus(s.status)} />
        {s.cancelAtPeriodEnd && s.status !== 'canceled' ? <span className="muted cus-small">{text.endsAtPeriodEnd}</span> : null}
      </span>
    ),
  },
  { id: 'price', header: text.price, cell: ({ row }) => <span className="money">{subscriptionPrice(row.original)}</span> },
  { id: 'periodEnd', header: text.periodEnd, meta: { className: 'cus-nowrap' }, cell: ({ row }) => (row.original.status === 'canceled' ? <span className="muted">—</span> : <Time value={row.original.currentPeriodEnd} dateOnly />) },
  { id: 'created', header: text.created, meta: { className: 'cus-nowrap' }, cell: ({ row }) => <Time value={row.original.createdAt} /> },
];

export function SubscriptionsTab({ customer }: { customer: Schema<'Customer'> }) {
  const pager = useCursorPager();
  const query = useCustomerSubscriptions(customer.id, pager.cursor);
  const canWrite = useCan('billing', 'write') && !customer.erased;
  const create = (
    <Link to={`/subscriptions/new?customerId=${customer.id}`} className="btn btn-primary">
      {text.create}
    </Link>
  );
  return (
    <div className="stack">
      {canWrite ? <div className="cus-tab-actions">{create}</div> : null}
      <QueryState query={query}>
        {(page) => (
          <DataTable
            caption={text.caption}
            columns={columns}
            rows={page.data}
            getRowId={(s) => s.id}
            empty={
              <EmptyState title={text.emptyTitle}>
                {canWrite ? text.emptyBody : text.emptyReadOnly}
              </EmptyState>
            }
            footer={<Pager pager={pager} nextCursor={page.nextCursor} label={text.pager} />}
          />
        )}
      </QueryState>
    </div>
  );
}
