import { useCallback, useState } from 'react';
import { call, isHostedApiError, type SessionEnd } from '../api/errors';
import { useHostedClient } from '../api/context';
import { useResource } from '../api/use-resource';
import { BrandedPage } from '../branding/BrandedPage';
import { testCardValues, type CardValues } from '../components/card';
import { EndPage, InvalidLinkPage, LoadFailedPage, LoadingPage } from '../components/pages';
import { messagesFor } from '../i18n';
import { CheckoutForm } from './CheckoutForm';

/**
 * `/checkout/:secret`: the checkout session's page. An open session is the
 * form; an expired or complete one (as GET answers it, or as a 409 of a later
 * call says) is the page that says so; an unknown secret is "not valid".
 */
export function CheckoutPage({ secret }: { secret: string }) {
  const client = useHostedClient(secret);
  const load = useCallback(() => call(client.GET('/hosted/checkout')), [client]);
  const checkout = useResource(load);
  const [ended, setEnded] = useState<SessionEnd | undefined>();
  const [testCard, setTestCard] = useState<CardValues | undefined>();

  if (checkout.state === 'loading') return <LoadingPage />;
  if (checkout.state === 'failed') {
    const error = checkout.error;
    if (isHostedApiError(error) && (error.status === 401 || error.status === 404)) return <InvalidLinkPage />;
    return <LoadFailedPage error={error} onRetry={() => void checkout.reload()} />;
  }
  if (ended === 'invalid') return <InvalidLinkPage />;

  const { data } = checkout;
  const { session } = data;
  const status = ended ?? (session.status === 'open' ? undefined : session.status);
  const t = messagesFor(data.storefront.locale);
  return (
    <BrandedPage branding={data} title={(m) => m.checkout.title} onUseTestCard={status ? undefined : (number) => setTestCard(testCardValues(number))}>
      {status === 'expired' ? (
        <EndPage title={t.checkout.expired.title} body={t.checkout.expired.body} link={{ href: session.cancelUrl, label: t.back }} />
      ) : status === 'complete' ? (
        <EndPage title={t.checkout.complete.title} body={t.checkout.complete.body} link={{ href: session.successUrl, label: t.checkout.complete.continue }} />
      ) : (
        <CheckoutForm checkout={data} client={client} onSessionEnd={setEnded} testCard={testCard} />
      )}
    </BrandedPage>
  );
}
