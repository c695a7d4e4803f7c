import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { SignInPage } from './auth/SignInPage';
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
  'settings/*': () => import('../features/settings'),
  'tenants/*': () => import('../features/tenants'),
};

const lazy = (load: Section) => async () => ({ Component: (await load()).default });

export const routes: RouteObject[] = [
  { path: '/sign-in', Component: SignInPage, errorElement: <RouteError /> },
  {
    path: '/',
    Component: Shell,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, lazy: lazy(() => import('../features/dashboard')) },
          ...Object.entries(SECTIONS).map(([path, load]) => ({ path, lazy: lazy(load) })),
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
