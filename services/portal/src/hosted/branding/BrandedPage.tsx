import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import type { Storefront, TestCard } from '../api/client';
import { messagesFor, type Messages, LocaleProvider } from '../i18n';
import { brandColors } from './colors';
import { SandboxBanner } from './SandboxBanner';

export interface Branding {
  storefront: Storefront;
  environment: { kind: 'production' | 'sandbox' };
  testCards: TestCard[];
}

/**
 * A hosted page in the storefront's branding: its colour (CSS custom
 * properties that buttons, links and focus rings read), its theme, its logo
 * and name, its locale for every text, amount and date; and the sandbox
 * banner with the test cards when the session is a sandbox's.
 */
export function BrandedPage({ branding, title, onUseTestCard, children }: {
  branding: Branding;
  /** The tab's title, before the storefront's name. */
  title: (t: Messages) => string;
  onUseTestCard?: ((number: string) => void) | undefined;
  children: ReactNode;
}) {
  const { storefront, environment, testCards } = branding;
  const tabTitle = title(messagesFor(storefront.locale));
  const colors = brandColors(storefront.primaryColor, storefront.theme);
  const style = { '--brand': colors.primary, '--on-brand': colors.onPrimary, '--brand-accent': colors.accent } as CSSProperties;
  const dark = storefront.theme === 'dark';

  // The document itself (its background beyond the page, its scrollbars, the tab's title) follows the storefront.
  useEffect(() => {
    const root = document.documentElement;
    root.lang = storefront.locale;
    root.classList.toggle('hosted-dark', dark);
    document.title = `${tabTitle} – ${storefront.name}`;
  }, [storefront.locale, storefront.name, dark, tabTitle]);

  return (
    <LocaleProvider locale={storefront.locale} timeZone={storefront.timezone}>
      <div className={`hosted hosted-theme-${dark ? 'dark' : 'light'}`} style={style} data-theme={storefront.theme}>
        {environment.kind === 'sandbox' ? <SandboxBanner testCards={testCards} onUse={onUseTestCard} /> : null}
        <header className="hosted-header">
          <Logo url={storefront.logoUrl} name={storefront.name} />
          <h1>{storefront.name}</h1>
        </header>
        <main className="hosted-main">{children}</main>
      </div>
    </LocaleProvider>
  );
}

/** The storefront's logo, or nothing when it has none or it does not load (the name is the heading beside it). */
function Logo({ url, name }: { url: string | null; name: string }) {
  const [failed, setFailed] = useState<string | null>(null);
  if (!url || failed === url || !/^https:\/\/|^\//.test(url)) return null;
  return <img className="hosted-logo" src={url} alt={name} referrerPolicy="no-referrer" onError={() => setFailed(url)} />;
}

/** A page before the storefront is known (loading, or a link that is not valid): plain, in the browser's language. */
export function PlainPage({ children }: { children: ReactNode }) {
  useEffect(() => {
    document.documentElement.classList.remove('hosted-dark');
  }, []);
  return (
    <div className="hosted hosted-theme-light">
      <main className="hosted-main">{children}</main>
    </div>
  );
}
