import type { Request } from 'express';
import type { Api } from '../http/api';
import { IdParams } from '../http/schemas';
import { presentSubscription } from './billing-presenters';
import { SubscriptionSchema } from './billing-schemas';
import { hostedUrl, presentCheckoutSession, presentPortalSession } from './checkout-presenters';
import {
  CheckoutSessionSchema,
  CreateCheckoutSessionBody,
  CreatePortalSessionBody,
  PortalSessionSchema,
  UpdateSubscriptionBody,
} from './checkout-schemas';

/** PUBLIC_URL, or the address the request came to. */
const originOf = (publicUrl: string, req: Request) => publicUrl || `${req.protocol}://${req.get('host')}`;

/** Checkout and customer-portal sessions: API.md "Hosted pages", the `checkoutSessions` row of the role table. */
export function checkoutSessionRoutes(api: Api, options: { publicUrl: string }): void {
  const billing = api.clients.billing;
  const area = (access: 'read' | 'write') => ({ area: 'checkoutSessions' as const, access });

  api.add({
    method: 'post',
    path: '/checkout-sessions',
    summary: 'Create a hosted checkout for 1–5 prices of a storefront; send the customer to its `url`',
    tag: 'Hosted pages',
    auth: area('write'),
    body: CreateCheckoutSessionBody,
    response: CheckoutSessionSchema,
    errors: [404, 422],
    async handler({ body, req }) {
      const session = await billing.createCheckoutSession({
        storefrontId: body.storefrontId,
        priceIds: body.priceIds,
        customerId: body.customerId ?? '',
        customerEmail: body.customerEmail ?? '',
        quantity: body.quantity ?? 1,
        couponCode: body.couponCode ?? '',
        allowCoupons: body.allowCoupons ?? true,
        successUrl: body.successUrl,
        cancelUrl: body.cancelUrl,
        expiresInMinutes: body.expiresInMinutes ?? 1440,
      });
      return presentCheckoutSession(session, hostedUrl(originOf(options.publicUrl, req), 'checkout', session.secret));
    },
  });

  api.add({
    method: 'get',
    path: '/checkout-sessions/{id}',
    summary: 'Get a checkout session: `open`, `complete` (with its customer and subscription) or `expired`',
    tag: 'Hosted pages',
    auth: area('read'),
    params: IdParams,
    response: CheckoutSessionSchema,
    errors: [404],
    async handler({ params }) {
      return presentCheckoutSession(await billing.getCheckoutSession({ id: params.id }), null);
    },
  });

  api.add({
    method: 'post',
    path: '/checkout-sessions/{id}/expire',
    summary: 'Expire an open checkout session: its page can no longer be paid',
    tag: 'Hosted pages',
    auth: area('write'),
    params: IdParams,
    response: CheckoutSessionSchema,
    status: 200,
    errors: [404, 409],
    async handler({ params }) {
      return presentCheckoutSession(await billing.expireCheckoutSession({ id: params.id }), null);
    },
  });

  api.add({
    method: 'post',
    path: '/customer-portal-sessions',
    summary: "Open a customer's self-service page for 1 hour; send the customer to its `url`",
    tag: 'Hosted pages',
    auth: area('write'),
    body: CreatePortalSessionBody,
    response: PortalSessionSchema,
    errors: [404, 422],
    async handler({ body, req }) {
      const session = await billing.createPortalSession({
        customerId: body.customerId,
        returnUrl: body.returnUrl,
        storefrontId: body.storefrontId ?? '',
      });
      return presentPortalSession(session, hostedUrl(originOf(options.publicUrl, req), 'customer-portal', session.secret));
    },
  });

  api.add({
    method: 'patch',
    path: '/subscriptions/{id}',
    summary: 'Undo a cancel at period end (`cancelAtPeriodEnd: false`), or set one',
    tag: 'Billing',
    auth: { area: 'billing', access: 'write' },
    params: IdParams,
    body: UpdateSubscriptionBody,
    response: SubscriptionSchema,
    errors: [404, 422],
    async handler({ params, body }) {
      const sub = body.cancelAtPeriodEnd
        ? await billing.cancelSubscription({ id: params.id, atPeriodEnd: true })
        : await billing.resumeSubscription({ id: params.id });
      return presentSubscription(sub);
    },
  });
}
