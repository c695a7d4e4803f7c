import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Schema } from '../../../lib/api';
import { Allowed, Button, Card, DataTable, DescriptionList, EmptyState, Money, Pager, PageHeader, QueryState, StatusBadge, Time, useCursorPager, type ColumnDef } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { formatMoney } from '../../../lib/money';
import { useCan } from '../../../lib/session';
import { useInvoice, usePayment, useRefunds } from '../api/queries';
import { DeclineReason } from '../shared/DeclineReason';
import { isRefundable, paymentStatus, remainingOf } from '../shared/format';
import { CustomerLink } from '../shared/Names';
import { RefundDialog } from './RefundDialog';
import '../billing.css';

type Payment = Schema<'Payment'>;
type Refund = Schema<'Refund'>;
const text = t.billing.payment;

const refundColumns: ColumnDef<Refund>[] = [
  { id: 'id', header: t.customers.refunds.id, cell: ({ row }) => <Link to={`/refunds/${row.original.id}`} className="mono">{row.original.id}</Link> },
  { id: 'amount', header: t.billing.refundPage.amount, meta: { className: 'num' }, cell: ({ row }) => <Money amount={row.original.amount} currency={row.original.currency} /> },
  { id: 'status', header: t.billing.refundPage.status, cell: ({ row }) => <StatusBadge status={row.original.status} label={t.billing.refundStatuses[row.original.status]} /> },
  { id: 'reason', header: t.billing.refundPage.reason, cell: ({ row }) => row.original.reason ?? <span className="muted">—</span> },
  { id: 'created', header: t.billing.refundPage.created, meta: { className: 'bill-nowrap' }, cell: ({ row }) => <Time value={row.original.createdAt} /> },
];

/** /payments/:id — the attempt, what remains refundable, "Process refund", its refunds. `?refund=1` opens the refund at once. */
export function PaymentPage() {
  const { id = '' } = useParams();
  const query = usePayment(id);
  return <QueryState query={query}>{(payment) => <PaymentView payment={payment} />}</QueryState>;
}

function PaymentView({ payment: p }: { payment: Payment }) {
  const [params, setParams] = useSearchParams();
  const canRefund = useCan('refunds', 'write');
  const refundable = isRefundable(p);
  const [refunding, setRefunding] = useState(params.get('refund') === '1' && canRefund && refundable);
  const invoice = useInvoice(p.invoiceId).data;
  const pager = useCursorPager();
  const refunds = useRefunds({ paymentId: p.id, cursor: pager.cursor });

  const close = () => {
    setRefunding(false);
    if (params.has('refund')) setParams({}, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={text.title(formatMoney(p.amount, p.currency))}
        breadcrumb={<Link to="/payments">{text.breadcrumb}</Link>}
        description={
          <span className="bill-inline">
            <StatusBadge status={p.status} label={paymentStatus(p.status)} />
            <code className="muted bill-id">{p.id}</code>
          </span>
        }
        actions={
          refundable ? (
            <Allowed area="refunds" explain>
              <Button variant="primary" onClick={() => setRefunding(true)}>
                {text.processRefund}
              </Button>
            </Allowed>
          ) : null
        }
      />
      <div className="stack">
        {p.status === 'failed' ? (
          <div className="notice notice-error" role="status">
            <p>
              <DeclineReason code={p.failureCode} />
            </p>
            <p>{text.failedNoRefund}</p>
          </div>
        ) : null}
        <Card title={text.details}>
          <DescriptionList
            items={[
              [text.amount, <Money amount={p.amount} currency={p.currency} />],
              [text.refunded, <Money amount={p.amountRefunded} currency={p.currency} />],
              [text.remaining, p.status === 'failed' ? <span className="muted">—</span> : <Money amount={remainingOf(p)} currency={p.currency} />],
              [text.status, <StatusBadge status={p.status} label={paymentStatus(p.status)} />],
              [text.outcome, p.status === 'failed' ? <DeclineReason code={p.failureCode} /> : t.billing.payments.paid],
              [text.invoice, <Link to={`/invoices/${p.invoiceId}`} className="mono">{p.invoiceId}</Link>],
              [text.customer, invoice ? <CustomerLink id={invoice.customerId} /> : <span className="muted">—</span>],
              [text.created, <Time value={p.createdAt} />],
            ]}
          />
        </Card>
        {p.status !== 'failed' ? (
          <Card title={text.refunds}>
            <QueryState query={refunds}>
              {(page) => (
                <DataTable
                  caption={text.refundsCaption}
                  columns={refundColumns}
                  rows={page.data}
                  getRowId={(r) => r.id}
                  empty={<EmptyState title={text.noRefunds}>{refundable && canRefund ? text.noRefundsBody : text.nothingToRefund}</EmptyState>}
                  footer={<Pager pager={pager} nextCursor={page.nextCursor} label={text.refundsPager} />}
                />
              )}
            </QueryState>
          </Card>
        ) : null}
      </div>
      {canRefund && refundable ? <RefundDialog payment={p} open={refunding} onClose={close} /> : null}
    </>
  );
}
