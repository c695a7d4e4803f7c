import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Schema } from '../../../lib/api';
import { Allowed, Button, Card, DescriptionList, PageHeader, QueryState, StatusBadge, Time } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { formatMoney } from '../../../lib/money';
import { useInvoice } from '../api/queries';
import { invoiceStatus } from '../shared/format';
import { LinesTable } from '../shared/LinesTable';
import { CustomerLink } from '../shared/Names';
import { InvoicePayments } from './InvoicePayments';
import { PayInvoiceDialog } from './PayInvoiceDialog';
import '../billing.css';

const text = t.billing.invoice;

/** /invoices/:id — lines, subtotal, discount, tax, total, paid and refunded, its payments; "Pay invoice" when open. */
export function InvoicePage() {
  const { id = '' } = useParams();
  const query = useInvoice(id);
  return <QueryState query={query}>{(invoice) => <InvoiceView invoice={invoice} />}</QueryState>;
}

function InvoiceView({ invoice: i }: { invoice: Schema<'Invoice'> }) {
  const [paying, setPaying] = useState(false);
  const open = i.status === 'open';
  return (
    <>
      <PageHeader
        title={text.title(formatMoney(i.total, i.currency))}
        breadcrumb={<CustomerLink id={i.customerId} />}
        description={
          <span className="bill-inline">
            <StatusBadge status={i.status} label={invoiceStatus(i.status)} />
            <code className="muted bill-id">{i.id}</code>
          </span>
        }
        actions={
          open ? (
            <Allowed area="billing">
              <Button variant="primary" onClick={() => setPaying(true)}>
                {text.pay}
              </Button>
            </Allowed>
          ) : null
        }
      />
      <div className="stack">
        {open ? (
          <div className="notice notice-warn" role="status">
            {text.openNotice}
          </div>
        ) : null}
        <Card title={text.details}>
          <DescriptionList
            items={[
              [text.status, <StatusBadge status={i.status} label={invoiceStatus(i.status)} />],
              [text.customer, <CustomerLink id={i.customerId} />],
              [text.subscription, <Link to={`/subscriptions/${i.subscriptionId}`} className="mono">{i.subscriptionId}</Link>],
              [text.created, <Time value={i.createdAt} />],
            ]}
          />
        </Card>
        <Card title={text.lines}>
          <LinesTable
            caption={text.linesCaption}
            lines={i.lines}
            currency={i.currency}
            totals={[
              [text.subtotal, i.subtotal],
              [text.discount, i.discount, { negative: true }],
              [text.tax, i.tax],
              [text.total, i.total, { strong: true }],
              [text.amountPaid, i.amountPaid],
              [text.amountRefunded, i.amountRefunded],
              ...(open ? ([[text.amountDue, Math.max(0, i.total - i.amountPaid), { strong: true }]] as Array<[string, number, { strong: boolean }]>) : []),
            ]}
          />
        </Card>
        <Card title={text.payments}>
          <InvoicePayments paymentIds={i.paymentIds} />
        </Card>
      </div>
      {open ? <PayInvoiceDialog invoice={i} open={paying} onClose={() => setPaying(false)} /> : null}
    </>
  );
}
