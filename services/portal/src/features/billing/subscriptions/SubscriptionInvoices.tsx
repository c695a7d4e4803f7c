import { Link } from 'react-router';
import type { Schema } from '../../../lib/api';
import { Card, DataTable, EmptyState, Money, Pager, QueryState, StatusBadge, Time, useCursorPager, type ColumnDef } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useInvoices } from '../api/queries';
import { invoiceStatus } from '../shared/format';

type Invoice = Schema<'Invoice'>;
const text = t.billing.subscription;
const words = t.billing.invoice;

const columns: ColumnDef<Invoice>[] = [
  { id: 'id', header: t.customers.invoices.id, cell: ({ row }) => <Link to={`/invoices/${row.original.id}`} className="mono">{row.original.id}</Link> },
  { id: 'status', header: words.status, cell: ({ row }) => <StatusBadge status={row.original.status} label={invoiceStatus(row.original.status)} /> },
  { id: 'total', header: words.total, meta: { className: 'num' }, cell: ({ row }) => <Money amount={row.original.total} currency={row.original.currency} /> },
  { id: 'paid', header: words.amountPaid, meta: { className: 'num' }, cell: ({ row }) => <Money amount={row.original.amountPaid} currency={row.original.currency} /> },
  { id: 'created', header: words.created, meta: { className: 'bill-nowrap' }, cell: ({ row }) => <Time value={row.original.createdAt} /> },
];

/** The invoices of one subscription, newest first. */
export function SubscriptionInvoices({ subscriptionId }: { subscriptionId: string }) {
  const pager = useCursorPager();
  const query = useInvoices({ subscriptionId, cursor: pager.cursor });
  return (
    <Card title={text.invoices}>
      <QueryState query={query}>
        {(page) => (
          <DataTable
            caption={text.invoicesCaption}
            columns={columns}
            rows={page.data}
            getRowId={(i) => i.id}
            empty={<EmptyState title={text.noInvoices}>{text.noInvoicesBody}</EmptyState>}
            footer={<Pager pager={pager} nextCursor={page.nextCursor} label={text.invoicesPager} />}
          />
        )}
      </QueryState>
    </Card>
  );
}
