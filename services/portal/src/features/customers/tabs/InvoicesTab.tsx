import { Link } from 'react-router';
import type { Schema } from '../../../lib/api';
import { DataTable, EmptyState, Money, Pager, QueryState, StatusBadge, Time, useCursorPager, type ColumnDef } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useCustomerInvoices } from '../api/queries';
import { invoiceStatus } from './format';

type Invoice = Schema<'Invoice'>;
const text = t.customers.invoices;

const columns: ColumnDef<Invoice>[] = [
  { id: 'id', header: text.id, cell: ({ row }) => <Link to={`/invoices/${row.original.id}`} className="mono">{row.original.id}</Link> },
  { id: 'status', header: text.status, cell: ({ row }) => <StatusBadge status={row.original.status} label={invoiceStatus(row.original.status)} /> },
  { id: 'total', header: text.total, meta: { className: 'num' }, cell: ({ row }) => <Money amount={row.original.total} currency={row.original.currency} /> },
  { id: 'paid', header: text.paid, meta: { className: 'num' }, cell: ({ row }) => <Money amount={row.original.amountPaid} currency={row.original.currency} /> },
  { id: 'created', header: text.created, meta: { className: 'cus-nowrap' }, cell: ({ row }) => <Time value={row.original.createdAt} /> },
];

export function InvoicesTab({ customerId }: { customerId: string }) {
  const pager = useCursorPager();
  const query = useCustomerInvoices(customerId, pager.cursor);
  return (
    <QueryState query={query}>
      {(page) => (
        <DataTable
          caption={text.caption}
          columns={columns}
          rows={page.data}
          getRowId={(i) => i.id}
          empty={<EmptyState title={text.emptyTitle}>{text.emptyBody}</EmptyState>}
          footer={<Pager pager={pager} nextCursor={page.nextCursor} label={text.pager} />}
        />
      )}
    </QueryState>
  );
}
