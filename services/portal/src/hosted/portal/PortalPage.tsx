import { useCallback, useState } from 'react';
import type { CustomerPortal, HostedClient } from '../api/client';
import { useHostedClient } from '../api/context';
import { call, isHostedApiError } from '../api/errors';
import { useResource } from '../api/use-resource';
import { BrandedPage, PlainPage } from '../branding/BrandedPage';
import { testCardValues, type CardValues } from '../components/card';
import { EndPage, InvalidLinkPage, LoadFailedPage, LoadingPage } from '../components/pages';
import { useLocalized } from '../i18n';
import { safeUrl } from '../navigation';
import { InvoicesTable } from './InvoicesTable';
import { PaymentMethodSection } from './PaymentMethodSection';
import { SubscriptionCard } from './SubscriptionCard';

/** What every action of the page needs: the client, and what to do once it succeeded or the session ended. */
export interface PortalActions {
  client: HostedClient;
  /** Refetches the page, then announces `message` in the live region. */
  done: (message: string) => Promise<void>;
  expired: () => void;
}

/**
 * `/customer-portal/:secret`: the customer's subscriptions, card and
 * invoices, with the few things a customer may do themselves.
 */
export function PortalPage({ secret }: { secret: string }) {
  const client = useHostedClient(secret);
  const load = useCallback(() => call(client.GET('/hosted/portal')), [client]);
  const portal = useResource(load);
  const [expired, setExpired] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [testCard, setTestCard] = useState<CardValues | undefined>();
  const { reload } = portal;
  const done = useCallback(
    async (message: string) => {
      await reload();
      setAnnouncement(message);
    },
    [reload],
  );
  const onExpired = useCallback(() => setExpired(true), []);

  if (portal.state === 'loading') return <LoadingPage />;
  if (portal.state === 'failed') {
    const error = portal.error;
    if (isHostedApiError(error) && (error.status === 401 || error.status === 404)) return <InvalidLinkPage />;
    if (isHostedApiError(error) && error.code === 'session_expired') return <ExpiredWithoutBranding />;
    return <LoadFailedPage error={error} onRetry={() => void portal.reload()} />;
  }
  const { data } = portal;
  const isOpen = data.status === 'open' && !expired;
  const actions: PortalActions = { client, done, expired: onExpired };
  return (
    <BrandedPage branding={data} title={(t) => t.portal.title} onUseTestCard={isOpen ? (n) => setTestCard(testCardValues(n)) : undefined}>
      <PortalContent data={data} isOpen={isOpen} actions={actions} secret={secret} announcement={announcement} testCard={testCard} />
    </BrandedPage>
  );
}

function PortalContent({ data, isOpen, actions, secret, announcement, testCard }: {
  data: CustomerPortal;
  isOpen: boolean;
  actions: PortalActions;
  secret: string;
  announcement: string;
  testCard: CardValues | undefined;
}) {
  const { t } = useLocalized();
  const returnUrl = safeUrl(data.returnUrl);
  if (!isOpen) return <EndPage title={t.portal.expired.title} body={t.portal.expired.body} link={{ href: data.returnUrl, label: t.portal.returnLink }} />;
  const who = data.customer.name ?? data.customer.email;
  return (
    <div className="hosted-portal">
      <div className="hosted-portal-top">
        {returnUrl ? (
          <a className="hosted-return" href={returnUrl}>
            <span aria-hidden="true">← </span>
            {t.portal.returnLink}
          </a>
        ) : null}
        {who ? <p className="hosted-muted">{t.portal.signedInAs(who)}</p> : null}
      </div>
      <p role="status" className={announcement ? 'hosted-announcement' : 'hosted-announcement-empty'}>
        {announcement}
      </p>
      <section aria-labelledby="hosted-subscriptions-title" className="hosted-section">
        <h2 id="hosted-subscriptions-title">{t.portal.title}</h2>
        {data.subscriptions.length === 0 ? <p className="hosted-muted">{t.portal.none}</p> : null}
        {data.subscriptions.map((s) => (
          <SubscriptionCard key={s.id} subscription={s} actions={actions} />
        ))}
      </section>
      <PaymentMethodSection paymentMethods={data.paymentMethods} actions={actions} testCard={testCard} />
      <InvoicesTable invoices={data.invoices} secret={secret} />
    </div>
  );
}

/** CONTRACT.md answers an expired session's GET with 200 and `status: 'expired'`; a 409 instead still says the right thing. */
function ExpiredWithoutBranding() {
  const { t } = useLocalized();
  return (
    <PlainPage>
      <EndPage title={t.portal.expired.title} body={t.portal.expired.body} />
    </PlainPage>
  );
}
