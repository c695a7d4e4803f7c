import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { Schema } from '../../../lib/api';
import { Allowed, Button, Card, DescriptionList, PageHeader, QueryState, StatusBadge, Time } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { formatMoney } from '../../../lib/money';
import { formatDate } from '../../../lib/time';
import { useBundle, useSubscription } from '../api/queries';
import { DeclineReason } from '../shared/DeclineReason';
import { subscriptionPrice, subscriptionStatus } from '../shared/format';
import { BundleName, CustomerLink } from '../shared/Names';
import { CancelDialog } from './CancelDialog';
import { ChangePriceDialog } from './ChangePriceDialog';
import { SubscriptionInvoices } from './SubscriptionInvoices';
import { mayBeDeclined, useDeclineCode } from './useDeclineCode';
import '../billing.css';

type Subscription = Schema<'Subscription'>;
const text = t.billing.subscription;

/** /subscriptions/:id — its state in words, cancel, change price (with the proration first), its invoices. */
export function SubscriptionPage() {
  const { id = '' } = useParams();
  const query = useSubscription(id);
  return <QueryState query={query}>{(s) => <SubscriptionView subscription={s} />}</QueryState>;
}

const row = (label: ReactNode, value: ReactNode): [ReactNode, ReactNode] => [label, value];

function explain(s: Subscription): string {
  const entry = text.explain[s.status];
  const at = formatDate(s.status === 'trialing' ? (s.trialEnd ?? s.currentPeriodEnd) : s.currentPeriodEnd);
  return typeof entry === 'function' ? entry(at) : (entry ?? subscriptionStatus(s.status));
}

function discountText(d: NonNullable<Subscription['discount']>, currency: string): string {
  const off = d.type === 'percent_off' ? text.percentOff(d.percentOff ?? '0') : text.amountOff(formatMoney(d.amountOff ?? 0, currency));
  return [off, text.cycles(d.remainingCycles, d.durationCycles), d.code ? text.couponCode(d.code) : null].filter(Boolean).join(' · ');
}

function SubscriptionView({ subscription: s }: { subscription: Subscription }) {
  const [dialog, setDialog] = useState<'cancel' | 'change' | null>(null);
  const bundle = useBundle(s.bundleId).data;
  const decline = useDeclineCode(s);
  const live = s.status !== 'canceled' && s.status !== 'incomplete_expired';
  const tone = s.status === 'incomplete' || s.status === 'past_due' ? 'notice-warn' : s.status === 'canceled' || s.status === 'incomplete_expired' ? 'notice-info' : 'notice-good';

  return (
    <>
      <PageHeader
        title={bundle ? bundle.name : text.title}
        breadcrumb={<Link to="/subscriptions">{text.breadcrumb}</Link>}
        description={
          <span className="bill-inline">
            <StatusBadge status={s.status} label={subscriptionStatus(s.status)} />
            <span>{subscriptionPrice(s)}</span>
            <code className="muted">{s.id}</code>
          </span>
        }
        actions={
          live ? (
            <Allowed area="billing">
              <Button onClick={() => setDialog('change')}>{text.changePrice}</Button>
              <Button variant="danger" onClick={() => setDialog('cancel')}>
                {text.cancel}
              </Button>
            </Allowed>
          ) : null
        }
      />
      <div className="stack">
        <div className={`notice ${tone}`} role="status">
          <p>{explain(s)}</p>
          {mayBeDeclined(s.status) && decline.code !== undefined ? (
            <p>
              {text.declineReason}{' '}
              <DeclineReason code={decline.code} />
            </p>
          ) : null}
          {s.cancelAtPeriodEnd && live ? <p>{text.endsAtPeriodEnd(formatDate(s.currentPeriodEnd))}</p> : null}
          {decline.invoiceId ? (
            <Allowed area="billing">
              <Link to={`/invoices/${decline.invoiceId}`} className="btn btn-secondary btn-small">
                {t.billing.invoice.pay}
              </Link>
            </Allowed>
          ) : null}
        </div>
        <Card title={text.details}>
          <DescriptionList
            items={[
              [text.customer, <CustomerLink id={s.customerId} />],
              [text.bundle, <Link to={`/catalog/bundles/${s.bundleId}`}><BundleName id={s.bundleId} /></Link>],
              [text.price, <Link to={`/catalog/prices/${s.priceId}`}>{t.billing.perInterval(formatMoney(s.amount, s.currency), s.intervalCount, s.interval)}</Link>],
              [text.quantity, s.quantity],
              [text.period, text.periodRange(formatDate(s.currentPeriodStart), formatDate(s.currentPeriodEnd))],
              ...(s.trialEnd ? [row(text.trialEnd, <Time value={s.trialEnd} />)] : []),
              ...(s.canceledAt ? [row(text.canceledAt, <Time value={s.canceledAt} />)] : []),
              [text.discount, s.discount ? discountText(s.discount, s.currency) : <span className="muted">—</span>],
              [text.latestInvoice, s.latestInvoiceId ? <Link to={`/invoices/${s.latestInvoiceId}`} className="mono">{s.latestInvoiceId}</Link> : <span className="muted">—</span>],
              [text.created, <Time value={s.createdAt} />],
            ]}
          />
        </Card>
        <SubscriptionInvoices subscriptionId={s.id} />
      </div>
      {live ? (
        <>
          <CancelDialog subscription={s} open={dialog === 'cancel'} onClose={() => setDialog(null)} />
          <ChangePriceDialog subscription={s} open={dialog === 'change'} onClose={() => setDialog(null)} />
        </>
      ) : null}
    </>
  );
}

