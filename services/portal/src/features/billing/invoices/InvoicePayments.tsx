import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, scopeKey, unwrap, type Schema } from '../../../lib/api';
import { DataTable, EmptyState, ErrorNotice, Money, StatusBadge, Time, type ColumnDef } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { DeclineReason } from '../shared/DeclineReason';
import { paymentStatus } from '../shared/format';

type Payment = Schema<'Payment'>;
const text = t.billing.payments;

const columns: ColumnDef<Payment>[] = [
  { id: 'id', header: text.id, cell: ({ row }) => <Link to={`/payments/${row.original.id}`} className="mono">{row.original.id}</Link> },
  { id: 'amount', header: text.amount, meta: { className: 'num' }, cell: ({ row }) => <Money amount={row.original.amount} currency={row.original.currency} /> },
  { id: 'status', header: text.status, cell: ({ row }) => <StatusBadge status={row.original.status} label={paymentStatus(row.original.status)} /> },
  { id: 'outcome', header: text.outcome, cell: ({ row }) => (row.original.status === 'failed' ? <DeclineReason code={row.original.failureCode} /> : <span className="muted">{text.paid}</span>) },
  { id: 'created', header: text.created, meta: { className: 'bill-nowrap' }, cell: ({ row }) => <Time value={row.original.createdAt} /> },
];

/** The invoice's payment attempts (its paymentIds), newest first, each read from GET /payments/{id}. */
export function InvoicePayments({ paymentIds }: { paymentIds: string[] }) {
  const ids = [...paymentIds].sort().reverse();
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: [scopeKey(), 'payments', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => unwrap(api.GET('/payments/{id}', { params: { path: { id } }, signal })),
    })),
  });
  const failed = results.find((r) => r.isError);
  if (failed) return <ErrorNotice error={failed.error} onRetry={() => results.forEach((r) => r.isError && void r.refetch())} />;
  if (results.some((r) => r.isPending)) return <p className="loading" role="status">{t.common.loading}</p>;
  return (
    <DataTable
      caption={t.billing.invoice.paymentsCaption}
      columns={columns}
      rows={results.map((r) => r.data!)}
      getRowId={(p) => p.id}
      empty={<EmptyState title={t.billing.invoice.noPayments}>{t.billing.invoice.noPaymentsBody}</EmptyState>}
    />
  );
}
