import { Link, useParams } from 'react-router';
import { Card, DescriptionList, Money, PageHeader, QueryState, StatusBadge, Time } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { formatMoney } from '../../../lib/money';
import { useRefund } from '../api/queries';
import '../billing.css';

const text = t.billing.refundPage;

/** /refunds/:id — one refund: how much, why, of which payment. */
export function RefundPage() {
  const { id = '' } = useParams();
  const query = useRefund(id);
  return (
    <QueryState query={query}>
      {(r) => (
        <>
          <PageHeader
            title={text.title(formatMoney(r.amount, r.currency))}
            breadcrumb={<Link to={`/payments/${r.paymentId}`}>{text.breadcrumb}</Link>}
            description={
              <span className="bill-inline">
                <StatusBadge status={r.status} label={t.billing.refundStatuses[r.status]} />
                <code className="muted bill-id">{r.id}</code>
              </span>
            }
          />
          <div className="stack">
            {r.status === 'failed' ? (
              <div className="notice notice-error" role="status">
                {text.failed}
              </div>
            ) : null}
            <Card title={text.details}>
              <DescriptionList
                items={[
                  [text.amount, <Money amount={r.amount} currency={r.currency} />],
                  [text.status, <StatusBadge status={r.status} label={t.billing.refundStatuses[r.status]} />],
                  [text.reason, r.reason ?? <span className="muted">{text.noReason}</span>],
                  [text.payment, <Link to={`/payments/${r.paymentId}`} className="mono">{r.paymentId}</Link>],
                  [text.created, <Time value={r.createdAt} />],
                ]}
              />
            </Card>
          </div>
        </>
      )}
    </QueryState>
  );
}
