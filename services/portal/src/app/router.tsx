import { lazy as lazyComponent, Suspense, type ComponentType } from 'react';
import { t } from '../lib/i18n';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { NotFoundPage, RouteError } from './errors/RouteError';
import { Shell } from './layout/Shell';

type Section = () => Promise<{ default: ComponentType }>;

/**
 * Each section of the portal is its own chunk, loaded when first opened, and
 * routes its own sub-pages (`<Routes>` inside it). The shell and sign-in are
 * all the first page loads.
 */
const SECTIONS: Record<string, Section> = {
  'customers/*': () => import('../features/customers'),
  'support-requests/*': () => import('../features/customers/support-request-page'),
  'subscriptions/*': () => import('../features/billing/subscriptions'),
  'invoices/*': () => import('../features/billing/invoices'),
  'payments/*': () => import('../features/billing/payments'),
  'refunds/*': () => import('../features/billing/refunds'),
  'catalog/*': () => import('../features/catalog'),
  'storefronts/*': () => import('../features/storefronts'),
  'campaigns/*': () => import('../features/campaigns'),
  'analytics/*': () => import('../features/analytics'),
  'test-clock/*': () => import('../features/test-clock'),
  'developers/*': () => import('../features/developers'),
  'settings/*': () => import('../features/settings'),
  'tenants/*': () => import('../features/tenants'),
};

/**
 * A section rendered through React.lazy inside the shell, not a route `lazy`:
 * the router then renders the shell (navigation, search, environment) at
 * once, and only the section's own area waits for its chunk. A chunk that
 * fails to load throws into the route's error element.
 */
function section(load: Section): ComponentType {
  const Lazy = lazyComponent(load);
  return function Section() {
    return (
      <Suspense fallback={<p className="loading" role="status">{t.common.loading}</p>}>
        <Lazy />
      </Suspense>
    );
  };
}

export const routes: RouteObject[] = [
  // Its own chunk too: a signed-in first page need not load the form library.
  { path: '/sign-in', lazy: async () => ({ Component: (await import('./auth/SignInPage')).SignInPage }), errorElement: <RouteError /> },
  {
    path: '/',
    Component: Shell,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, Component: section(() => import('../features/dashboard')) },
          ...Object.entries(SECTIONS).map(([path, load]) => ({ path, Component: section(load) })),
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
