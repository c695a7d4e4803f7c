import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Schema } from '../../../lib/api';
import { Button, DataTable, EmptyState, Money, Pager, PageHeader, QueryState, StatusBadge, Time, useCursorPager, type ColumnDef } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { usePayments } from '../api/queries';
import { DeclineReason } from '../shared/DeclineReason';
import { isRefundable, paymentStatus } from '../shared/format';
import { StatusFilter } from '../shared/StatusFilter';
import { RefundDialog } from './RefundDialog';
import '../billing.css';

type Payment = Schema<'Payment'>;
type Status = NonNullable<Payment['status']>;
const text = t.billing.payments;
const STATUSES: Status[] = ['succeeded', 'failed', 'partially_refunded', 'refunded'];

function columnsFor(onRefund: ((p: Payment) => void) | undefined): ColumnDef<Payment>[] {
  const columns: ColumnDef<Payment>[] = [
    {
      id: 'amount',
      header: text.amount,
      meta: { className: 'num' },
      cell: ({ row: { original: p } }) => (
        <Link to={`/payments/${p.id}`} className="bill-cell-title">
          <Money amount={p.amount} currency={p.currency} />
        </Link>
      ),
    },
    { id: 'status', header: text.status, cell: ({ row }) => <StatusBadge status={row.original.status} label={paymentStatus(row.original.status)} /> },
    { id: 'refunded', header: text.refunded, meta: { className: 'num' }, cell: ({ row }) => <Money amount={row.original.amountRefunded} currency={row.original.currency} /> },
    { id: 'outcome', header: text.outcome, cell: ({ row }) => (row.original.status === 'failed' ? <DeclineReason code={row.original.failureCode} /> : <span className="muted">{text.paid}</span>) },
    { id: 'id', header: t.common.id, cell: ({ row }) => <span className="mono muted bill-small">{row.original.id}</span> },
    { id: 'created', header: text.created, meta: { className: 'bill-nowrap' }, cell: ({ row }) => <Time value={row.original.createdAt} /> },
  ];
  if (onRefund) {
    columns.push({
      id: 'actions',
      header: () => <span className="sr-only">{t.common.actions}</span>,
      meta: { className: 'num bill-actions' },
      cell: ({ row: { original: p } }) =>
        isRefundable(p) ? (
          <Button size="small" aria-label={text.refundLabel(p.id)} onClick={() => onRefund(p)}>
            {text.refund}
          </Button>
        ) : null,
    });
  }
  return columns;
}

/** /payments — every payment attempt, filtered by status; "Refund" on each refundable one, for who may. */
export function PaymentsListPage() {
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('status'));
  const pager = useCursorPager();
  const query = usePayments({ status, cursor: pager.cursor });
  const canRefund = useCan('refunds', 'write');
  const [refunding, setRefunding] = useState<Payment>();

  return (
    <>
      <PageHeader title={text.title} description={text.description} />
      <div className="stack">
        <div className="bill-toolbar">
          <StatusFilter
            value={status ?? ''}
            statuses={STATUSES}
            labels={t.billing.paymentStatuses}
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
              columns={columnsFor(canRefund ? setRefunding : undefined)}
              rows={page.data}
              getRowId={(p) => p.id}
              empty={
                <EmptyState
                  title={status ? text.emptyFiltered(paymentStatus(status)) : text.emptyTitle}
                  action={status ? undefined : <Link to="/subscriptions">{t.billing.subscriptions.title}</Link>}
                >
                  {status ? text.emptyFilteredBody : text.emptyBody}
                </EmptyState>
              }
              footer={<Pager pager={pager} nextCursor={page.nextCursor} label={text.pager} />}
            />
          )}
        </QueryState>
      </div>
      {canRefund ? <RefundDialog payment={refunding} open={refunding !== undefined} onClose={() => setRefunding(undefined)} /> : null}
    </>
  );
}
