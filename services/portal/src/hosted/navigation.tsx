import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/**
 * The hosted pages' three addresses, switched by hand: react-router would
 * weigh more than these pages. A secret is what CONTRACT.md says it is made
 * of (base64url characters after a prefix); anything else is not a link of ours.
 */
export type HostedRoute =
  | { page: 'checkout'; secret: string }
  | { page: 'portal'; secret: string }
  | { page: 'invoice'; secret: string; invoiceId: string }
  | { page: 'unknown' };

const SEGMENT = '([A-Za-z0-9_-]+)';
const PATTERNS: Array<[RegExp, (m: string[]) => HostedRoute]> = [
  [new RegExp(`^/checkout/${SEGMENT}/?$`), (m) => ({ page: 'checkout', secret: m[1]! })],
  [new RegExp(`^/customer-portal/${SEGMENT}/?$`), (m) => ({ page: 'portal', secret: m[1]! })],
  [new RegExp(`^/customer-portal/${SEGMENT}/invoices/${SEGMENT}/?$`), (m) => ({ page: 'invoice', secret: m[1]!, invoiceId: m[2]! })],
];

export function routeOf(pathname: string): HostedRoute {
  for (const [pattern, route] of PATTERNS) {
    const m = pattern.exec(pathname);
    if (m) return route(m);
  }
  return { page: 'unknown' };
}

export const portalPath = (secret: string) => `/customer-portal/${secret}`;
export const invoicePath = (secret: string, invoiceId: string) => `/customer-portal/${secret}/invoices/${encodeURIComponent(invoiceId)}`;

/** What leaves the page, behind one object so that a test can watch it (jsdom navigates nowhere). */
export const browser = {
  assign: (url: string) => window.location.assign(url),
  print: () => window.print(),
};

/** Only http(s) and same-origin addresses are followed: a URL from the API never runs script. */
export function safeUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, window.location.origin);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

const NAVIGATED = 'hosted:navigate';

/** Moves between the hosted pages without reloading (history API). */
export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATED));
  window.scrollTo?.(0, 0);
}

/** The current path, following navigate() and the browser's back and forward. */
export function usePathname(): string {
  const [pathname, setPathname] = useState(() => window.location.pathname);
  useEffect(() => {
    const update = () => setPathname(window.location.pathname);
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATED, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATED, update);
    };
  }, []);
  return pathname;
}

/** A link to another hosted page: a plain click moves in place, a modified click (new tab) is the browser's. */
export function PageLink({ to, ...rest }: { to: string } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={onClick} {...rest} />;
}
