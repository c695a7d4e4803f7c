import { Link } from 'react-router';
import type { Schema } from '../../../lib/api';
import { DataTable, EmptyState, Money, Pager, QueryState, StatusBadge, Time, useCursorPager, type ColumnDef } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useCustomerPayments } from '../api/queries';
import { paymentStatus } from './format';

type Payment = Schema<'Payment'>;
const text = t.customers.payments;

const refundable = (p: Payment) => (p.status === 'succeeded' || p.status === 'partially_refunded') && p.amount > p.amountRefunded;

function columnsFor(canRefund: boolean): ColumnDef<Payment>[] {
  const columns: ColumnDef<Payment>[] = [
    {
      id: 'amount',
      header: text.amount,
      meta: { className: 'num' },
      cell: ({ row: { original: p } }) => (
        <Link to={`/payments/${p.id}`} className="cus-cell-title">
          <Money amount={p.amount} currency={p.currency} />
        </Link>
      ),
    },
    { id: 'status', header: text.status, cell: ({ row }) => <StatusBadge status={row.original.status} label={paymentStatus(row.original.status)} /> },
    { id: 'refunded', header: text.refunded, meta: { className: 'num' }, cell: ({ row }) => <Money amount={row.original.amountRefunded} currency={row.original.currency} /> },
    {
      id: 'outcome',
      header: text.outcome,
      cell: ({ row: { original: p } }) => (p.status === 'failed' ? <span className="cus-decline">{t.billing.decline(p.failureCode)}</span> : <span className="muted">{text.succeeded}</span>),
    },
    { id: 'id', header: t.common.id, cell: ({ row }) => <span className="mono muted cus-small">{row.original.id}</span> },
    { id: 'created', header: text.created, meta: { className: 'cus-nowrap' }, cell: ({ row }) => <Time value={row.original.createdAt} /> },
  ];
  if (canRefund) {
    columns.push({
      id: 'actions',
      header: () => <span className="sr-only">{t.common.actions}</span>,
      meta: { className: 'num cus-actions' },
      cell: ({ row: { original: p } }) =>
        refundable(p) ? (
          <Link to={`/payments/${p.id}?refund=1`} className="btn btn-small btn-secondary" aria-label={text.refundLabel(p.id)}>
            {text.refund}
          </Link>
        ) : null,
    });
  }
  return columns;
}

export function PaymentsTab({ customerId }: { customerId: string }) {
  const pager = useCursorPager();
  const query = useCustomerPayments(customerId, pager.cursor);
  const canRefund = useCan('refunds', 'write');
  return (
    <QueryState query={query}>
      {(page) => (
        <DataTable
          caption={text.caption}
          columns={columnsFor(canRefund)}
          rows={page.data}
          getRowId={(p) => p.id}
          empty={<EmptyState title={text.emptyTitle}>{text.emptyBody}</EmptyState>}
          footer={<Pager pager={pager} nextCursor={page.nextCursor} label={text.pager} />}
        />
      )}
    </QueryState>
  );
}
