import { CheckoutPage } from './checkout/CheckoutPage';
import { InvalidLinkPage } from './components/pages';
import { InvoicePage } from './invoice/InvoicePage';
import { LocaleProvider } from './i18n';
import { routeOf, usePathname } from './navigation';
import { PortalPage } from './portal/PortalPage';

/**
 * The hosted pages (CONTRACT.md): the checkout, the customer's self-service
 * page and its invoices, by address. Until a page knows its storefront, it
 * speaks the browser's language.
 */
export function HostedApp() {
  const route = routeOf(usePathname());
  return (
    <LocaleProvider locale={navigator.language} timeZone={undefined}>
      {route.page === 'checkout' ? (
        <CheckoutPage key={route.secret} secret={route.secret} />
      ) : route.page === 'portal' ? (
        <PortalPage key={route.secret} secret={route.secret} />
      ) : route.page === 'invoice' ? (
        <InvoicePage key={`${route.secret}/${route.invoiceId}`} secret={route.secret} invoiceId={route.invoiceId} />
      ) : (
        <InvalidLinkPage />
      )}
    </LocaleProvider>
  );
}
