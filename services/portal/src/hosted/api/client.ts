import createClient from 'openapi-fetch';
import type { paths as ApiPaths } from '@azotte/client';

/** The gateway's `/hosted/…` paths alone: a hosted page cannot so much as name a portal route. */
type paths = Pick<ApiPaths, Extract<keyof ApiPaths, `/hosted/${string}`>>;

/**
 * The hosted pages' API client: openapi-fetch typed from the gateway's
 * `/hosted/…` paths. The session's secret is the only credential and rides
 * in `X-Hosted-Session` on every call (never in the address, never a cookie).
 *
 * This module does not use the portal's client (src/lib/api): that one sends
 * the portal's scope headers and cookie, and pulls in the portal's texts.
 */
export function createHostedClient(secret: string, fetcher?: (request: Request) => Promise<Response>) {
  return createClient<paths>({
    // Absolute, so that a Request can be built outside a page too (tests).
    baseUrl: `${window.location.origin}/api/v1`,
    credentials: 'omit',
    headers: { 'X-Hosted-Session': secret },
    ...(fetcher ? { fetch: fetcher } : {}),
  });
}

export type HostedClient = ReturnType<typeof createHostedClient>;

/** The JSON of a path's successful answer (200 or 201). */
type Success<Operation> = Operation extends { responses: infer R }
  ? R extends { 200: { content: { 'application/json': infer J } } }
    ? J
    : R extends { 201: { content: { 'application/json': infer J } } }
      ? J
      : never
  : never;
type GetOf<P extends keyof paths> = Success<NonNullable<paths[P]['get']>>;
type PostOf<P extends keyof paths> = Success<NonNullable<paths[P]['post']>>;

export type Checkout = GetOf<'/hosted/checkout'>;
export type CheckoutPrice = Checkout['prices'][number];
export type Storefront = Checkout['storefront'];
export type TestCard = Checkout['testCards'][number];
export type CouponEvaluation = PostOf<'/hosted/checkout/coupon'>;
export type CustomerPortal = GetOf<'/hosted/portal'>;
export type PortalSubscription = CustomerPortal['subscriptions'][number];
export type PaymentMethod = CustomerPortal['paymentMethods'][number];
export type InvoiceSummary = CustomerPortal['invoices'][number];
export type ChangePreview = PostOf<'/hosted/portal/subscriptions/{id}/change-price/preview'>;
export type InvoiceDocument = GetOf<'/hosted/portal/invoices/{id}'>;
export type CardInput = NonNullable<paths['/hosted/portal/payment-methods']['post']>['requestBody']['content']['application/json']['card'];
