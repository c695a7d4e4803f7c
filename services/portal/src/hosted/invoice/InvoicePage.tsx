import { useCallback } from 'react';
import type { CustomerPortal, InvoiceDocument } from '../api/client';
import { useHostedClient } from '../api/context';
import { call, isHostedApiError } from '../api/errors';
import { useResource } from '../api/use-resource';
import { BrandedPage } from '../branding/BrandedPage';
import { EndPage, InvalidLinkPage, LoadFailedPage, LoadingPage } from '../components/pages';
import { messagesFor } from '../i18n';
import { PageLink, portalPath } from '../navigation';
import { InvoiceDocumentView } from './InvoiceDocumentView';

type Loaded = { portal: CustomerPortal; invoice: InvoiceDocument | 'not_found' | 'expired' };

/**
 * `/customer-portal/:secret/invoices/:invoiceId`: one invoice, printable.
 * The invoice's answer carries no storefront, so the portal's GET is asked
 * too for the branding, locale and time zone (CONTRACT.md, see the report).
 */
export function InvoicePage({ secret, invoiceId }: { secret: string; invoiceId: string }) {
  const client = useHostedClient(secret);
  const load = useCallback(async (): Promise<Loaded> => {
    const [portal, invoice] = await Promise.all([
      call(client.GET('/hosted/portal')),
      call(client.GET('/hosted/portal/invoices/{id}', { params: { path: { id: invoiceId } } })).catch((error: unknown) => {
        // Another customer's invoice is a 404 like an unknown one: "no such invoice" on the branded page.
        if (isHostedApiError(error) && error.status === 404) return 'not_found' as const;
        // An expired session answers its GET /portal with status `expired` and every other call with 409.
        if (isHostedApiError(error) && error.code === 'session_expired') return 'expired' as const;
        throw error;
      }),
    ]);
    return { portal, invoice };
  }, [client, invoiceId]);
  const resource = useResource(load);

  if (resource.state === 'loading') return <LoadingPage />;
  if (resource.state === 'failed') {
    const error = resource.error;
    if (isHostedApiError(error) && (error.status === 401 || error.status === 404)) return <InvalidLinkPage />;
    return <LoadFailedPage error={error} onRetry={() => void resource.reload()} />;
  }
  const { portal, invoice } = resource.data;
  const t = messagesFor(portal.storefront.locale);
  const expired = portal.status === 'expired' || invoice === 'expired';
  return (
    <BrandedPage branding={portal} title={(m) => (typeof invoice === 'string' ? m.portal.title : m.invoice.title(invoice.invoice.id))}>
      {expired ? (
        <EndPage title={t.portal.expired.title} body={t.portal.expired.body} link={{ href: portal.returnUrl, label: t.portal.returnLink }} />
      ) : invoice === 'not_found' ? (
        <>
          <EndPage title={t.invoice.notFound} />
          <p className="hosted-back">
            <PageLink to={portalPath(secret)}>{t.back}</PageLink>
          </p>
        </>
      ) : (
        <InvoiceDocumentView document={invoice} secret={secret} />
      )}
    </BrandedPage>
  );
}
