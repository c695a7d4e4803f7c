import { Link } from 'react-router';
import type { Schema } from '../../../lib/api';
import { Button } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { formatDate } from '../../../lib/time';
import { DeclineReason } from '../shared/DeclineReason';
import { subscriptionPrice, subscriptionStatus } from '../shared/format';
import { BundleName, CustomerLink } from '../shared/Names';
import { useDeclineCode } from './useDeclineCode';

const text = t.billing.outcome;

/**
 * What creating a subscription did, in words: active (the first invoice was
 * paid), trialing (nothing charged yet) or incomplete with the decline reason.
 * It is a live region, so the outcome is announced when it appears.
 */
export function SubscriptionOutcome({ subscription, onAnother }: { subscription: Schema<'Subscription'>; onAnother?: () => void }) {
  const decline = useDeclineCode(subscription);
  const s = subscription;
  const declined = s.status === 'incomplete';
  const tone = declined ? 'notice-warn' : s.status === 'active' || s.status === 'trialing' ? 'notice-good' : 'notice-info';
  return (
    <div className={`notice ${tone} bill-outcome`} role="status">
      <p className="notice-title">{declined ? text.declinedTitle : text.title}</p>
      <p className="bill-outcome-what">
        <strong>
          <BundleName id={s.bundleId} />
        </strong>{' '}
        · {subscriptionPrice(s)} · {text.for} <CustomerLink id={s.customerId} />
      </p>
      {s.status === 'active' ? <p>{text.active(formatDate(s.currentPeriodEnd))}</p> : null}
      {s.status === 'trialing' ? <p>{text.trialing(formatDate(s.trialEnd ?? s.currentPeriodEnd))}</p> : null}
      {declined ? (
        <>
          <p>{text.incomplete}</p>
          <p>
            {decline.pending ? (
              <span className="muted">{text.findingReason}</span>
            ) : (
              <>
                {text.incompleteReason}{' '}
                <DeclineReason code={decline.code} />
              </>
            )}
          </p>
          <p>{text.incompleteNext}</p>
        </>
      ) : null}
      {!['active', 'trialing', 'incomplete'].includes(s.status) ? <p>{text.other(subscriptionStatus(s.status))}</p> : null}
      <div className="row bill-outcome-actions">
        <Link to={`/subscriptions/${s.id}`} className="btn btn-primary">
          {text.view}
        </Link>
        {declined && (decline.invoiceId ?? s.latestInvoiceId) ? (
          <Link to={`/invoices/${decline.invoiceId ?? s.latestInvoiceId}`} className="btn btn-secondary">
            {text.payInvoice}
          </Link>
        ) : null}
        {onAnother ? <Button onClick={onAnother}>{text.another}</Button> : null}
      </div>
    </div>
  );
}
