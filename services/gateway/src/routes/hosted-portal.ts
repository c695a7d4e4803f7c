import { DomainError, notFound } from '@azotte/common';
import type { Api } from '../http/api';
import { IdParams } from '../http/schemas';
import { openSession } from '../hosted/hosted-session';
import { readableLines } from '../hosted/readable-lines';
import { customerOf, hostedSubscription, offersChange, ownSubscription, portalContext, portalPage } from '../hosted/portal-page';
import { presentChangePricePreview, presentInvoice, presentPaymentMethod } from './billing-presenters';
import { ChangePricePreviewSchema, PaymentMethodSchema } from './billing-schemas';
import { HostedCardBody, HostedChangePriceBody, HostedInvoiceSchema, HostedPortalSchema, HostedSubscriptionSchema } from './hosted-schemas';

/**
 * The customer portal page's own calls, authorized by its session's secret
 * alone: they act for that one customer (another's subscription or invoice is
 * not found) and offer only the storefront's prices.
 */
export function hostedPortalRoutes(api: Api): void {
  const { clients } = api;
  const auth = { hosted: 'portal' as const };

  /** A price the page may switch to: one it offered (active, of the storefront, in the currency). */
  async function offered(principal: Parameters<typeof hostedSubscription>[1], subId: string, priceId: string) {
    openSession(principal);
    const sub = await ownSubscription(clients, principal, subId);
    if (!(await offersChange(clients, principal, sub, priceId))) {
      throw new DomainError('unprocessable', 'price_not_offered', `Price ${priceId} is not one this page offers.`, [{ path: 'priceId', message: 'is not offered' }]);
    }
    return sub;
  }

  api.add({
    method: 'get',
    path: '/hosted/portal',
    summary: "The customer's page: subscriptions with their next renewal, cards, invoices",
    tag: 'Hosted pages',
    auth,
    response: HostedPortalSchema,
    handler: ({ principal }) => portalPage(clients, principal),
  });

  api.add({
    method: 'post',
    path: '/hosted/portal/subscriptions/{id}/cancel',
    summary: 'Cancel at the end of the current period',
    tag: 'Hosted pages',
    auth,
    params: IdParams,
    response: HostedSubscriptionSchema,
    status: 200,
    errors: [404, 409],
    async handler({ principal, params }) {
      openSession(principal);
      await ownSubscription(clients, principal, params.id);
      return hostedSubscription(clients, principal, await clients.billing.cancelSubscription({ id: params.id, atPeriodEnd: true }));
    },
  });

  api.add({
    method: 'post',
    path: '/hosted/portal/subscriptions/{id}/resume',
    summary: 'Undo a cancel at period end',
    tag: 'Hosted pages',
    auth,
    params: IdParams,
    response: HostedSubscriptionSchema,
    status: 200,
    errors: [404, 409],
    async handler({ principal, params }) {
      openSession(principal);
      await ownSubscription(clients, principal, params.id);
      return hostedSubscription(clients, principal, await clients.billing.resumeSubscription({ id: params.id }));
    },
  });

  api.add({
    method: 'post',
    path: '/hosted/portal/subscriptions/{id}/change-price/preview',
    summary: 'What changing to another price of the storefront would charge now; nothing is written',
    tag: 'Hosted pages',
    auth,
    params: IdParams,
    body: HostedChangePriceBody,
    response: ChangePricePreviewSchema,
    status: 200,
    errors: [404, 409],
    async handler({ principal, params, body }) {
      await offered(principal, params.id, body.priceId);
      return presentChangePricePreview(await clients.billing.previewChangePrice({ id: params.id, priceId: body.priceId, quantity: 0 }));
    },
  });

  api.add({
    method: 'post',
    path: '/hosted/portal/subscriptions/{id}/change-price',
    summary: 'Change to another price of the storefront, prorated and charged at once',
    tag: 'Hosted pages',
    auth,
    params: IdParams,
    body: HostedChangePriceBody,
    response: HostedSubscriptionSchema,
    status: 200,
    errors: [402, 404, 409],
    async handler({ principal, params, body, req }) {
      await offered(principal, params.id, body.priceId);
      const change = { id: params.id, priceId: body.priceId, quantity: 0, idempotencyKey: req.header('idempotency-key') ?? '' };
      return hostedSubscription(clients, principal, await clients.billing.changePrice(change));
    },
  });

  api.add({
    method: 'post',
    path: '/hosted/portal/payment-methods',
    summary: "Add a card and make it the customer's default",
    tag: 'Hosted pages',
    auth,
    body: HostedCardBody,
    response: PaymentMethodSchema,
    errors: [402, 409],
    async handler({ principal, body }) {
      const session = openSession(principal).portal!;
      const pm = await clients.billing.attachPaymentMethod({
        customerId: session.customerId,
        type: 'card',
        card: { number: body.card.number, expMonth: body.card.expMonth, expYear: body.card.expYear, cvc: body.card.cvc },
        makeDefault: true,
      });
      return presentPaymentMethod(pm);
    },
  });

  api.add({
    method: 'get',
    path: '/hosted/portal/invoices/{id}',
    summary: 'One invoice of the customer, with seller and customer, to view and print',
    tag: 'Hosted pages',
    auth,
    params: IdParams,
    response: HostedInvoiceSchema,
    errors: [404, 409],
    async handler({ principal, params }) {
      openSession(principal);
      const [{ customer, storefront }, invoice] = await Promise.all([portalContext(clients, principal), clients.billing.getInvoice({ id: params.id })]);
      if (invoice.customerId !== customer.id) throw notFound('invoice', params.id);
      const { customerId: _c, subscriptionId: _s, paymentIds: _p, ...shown } = presentInvoice(invoice);
      return { invoice: { ...shown, lines: await readableLines(clients, shown.lines) }, seller: { name: storefront.name }, customer: { ...customerOf(customer), country: customer.country ?? null } };
    },
  });
}

