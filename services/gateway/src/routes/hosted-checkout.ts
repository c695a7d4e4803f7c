import type { Api } from '../http/api';
import { checkoutPage } from '../hosted/checkout-page';
import { checkCoupon } from '../hosted/coupon-check';
import { openSession } from '../hosted/hosted-session';
import { successUrlOf } from './checkout-presenters';
import { CompleteCheckoutBody, CompletedCheckoutSchema, CouponCheckBody, CouponCheckSchema, HostedCheckoutSchema } from './hosted-schemas';

/** The hosted checkout page's own calls, authorized by its session's secret alone (hosted/CONTRACT.md). */
export function hostedCheckoutRoutes(api: Api): void {
  const { clients } = api;
  const auth = { hosted: 'checkout' as const };

  api.add({
    method: 'get',
    path: '/hosted/checkout',
    summary: 'The checkout page: storefront, offered prices with tax and trial; a finished session answers its status',
    tag: 'Hosted pages',
    auth,
    response: HostedCheckoutSchema,
    handler: ({ principal }) => checkoutPage(clients, principal),
  });

  api.add({
    method: 'post',
    path: '/hosted/checkout/coupon',
    summary: 'What a coupon code would do on this checkout; one that does not apply says why',
    tag: 'Hosted pages',
    auth,
    body: CouponCheckBody,
    response: CouponCheckSchema,
    status: 200,
    errors: [409],
    handler: ({ principal, body }) => checkCoupon(clients, principal, body),
  });

  api.add({
    method: 'post',
    path: '/hosted/checkout/complete',
    summary: 'Subscribe: the customer, the card and the subscription, at most once per session',
    tag: 'Hosted pages',
    auth,
    body: CompleteCheckoutBody,
    response: CompletedCheckoutSchema,
    status: 200,
    errors: [402, 409],
    async handler({ principal, body }) {
      const session = principal.hosted!.checkout!;
      // A complete session answers its result again (a refresh after paying); an expired one is refused.
      if (principal.hosted!.status !== 'complete') openSession(principal);
      const done = await clients.billing.completeCheckoutSession({
        id: session.id,
        priceId: body.priceId,
        email: body.email ?? '',
        name: body.name ?? '',
        card: { number: body.card.number, expMonth: body.card.expMonth, expYear: body.card.expYear, cvc: body.card.cvc },
        couponCode: body.couponCode ?? '',
      });
      return { status: 'complete' as const, subscriptionId: done.subscriptionId, redirectUrl: successUrlOf(done) };
    },
  });
}
