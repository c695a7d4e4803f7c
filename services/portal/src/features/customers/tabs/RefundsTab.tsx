import { Link } from 'react-router';
import type { Schema } from '../../../lib/api';
import { DataTable, EmptyState, Money, Pager, QueryState, StatusBadge, Time, useCursorPager, type ColumnDef } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useCustomerRefunds } from '../api/queries';

type Refund = Schema<'Refund'>;
const text = t.customers.refunds;

const columns: ColumnDef<Refund>[] = [
  { id: 'id', header: text.id, cell: ({ row }) => <Link to={`/refunds/${row.original.id}`} className="mono">{row.original.id}</Link> },
  { id: 'payment', header: text.payment, cell: ({ row }) => <Link to={`/payments/${row.original.paymentId}`} className="mono">{row.original.paymentId}</Link> },
  { id: 'amount', header: text.amount, meta: { className: 'num' }, cell: ({ row }) => <Money amount={row.original.amount} currency={row.original.currency} /> },
  { id: 'status', header: text.status, cell: ({ row }) => <StatusBadge status={row.original.status} label={t.billing.refundStatuses[row.original.status]} /> },
  { id: 'reason', header: text.reason, cell: ({ row }) => row.original.reason ?? <span className="muted">—</span> },
  { id: 'created', header: text.created, meta: { className: 'cus-nowrap' }, cell: ({ row }) => <Time value={row.original.createdAt} /> },
];

export function RefundsTab({ customerId }: { customerId: string }) {
  const pager = useCursorPager();
  const query = useCustomerRefunds(customerId, pager.cursor);
  return (
    <QueryState query={query}>
      {(page) => (
        <DataTable
          caption={text.caption}
          columns={columns}
          rows={page.data}
          getRowId={(r) => r.id}
          empty={<EmptyState title={text.emptyTitle}>{text.emptyBody}</EmptyState>}
          footer={<Pager pager={pager} nextCursor={page.nextCursor} label={text.pager} />}
        />
      )}
    </QueryState>
  );
}
