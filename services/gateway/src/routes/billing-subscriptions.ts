import type { Api } from '../http/api';
import { IdParams, listResponse, pageOf } from '../http/schemas';
import { presentChangePricePreview, presentInvoice, presentSubscription } from './billing-presenters';
import {
  CancelSubscriptionBody,
  ChangePriceBody,
  ChangePricePreviewSchema,
  CreateSubscriptionBody,
  InvoiceList,
  InvoiceSchema,
  ListInvoicesQuery,
  ListSubscriptionsQuery,
  PayInvoiceBody,
  SubscriptionList,
  SubscriptionSchema,
} from './billing-schemas';

/** Subscriptions and invoices: API.md "Billing", the `billing` row of the role table. */
export function billingSubscriptionRoutes(api: Api): void {
  const billing = api.clients.billing;
  const area = (access: 'read' | 'write') => ({ area: 'billing' as const, access });

  api.add({
    method: 'post',
    path: '/subscriptions',
    summary: 'Subscribe a customer: a trial, or a first invoice charged at once (declined → `incomplete`)',
    tag: 'Billing',
    auth: area('write'),
    body: CreateSubscriptionBody,
    response: SubscriptionSchema,
    errors: [404, 422],
    async handler({ body, req }) {
      return presentSubscription(
        await billing.createSubscription({
          // Billing keeps it too: a retry after an answer lost past the gateway's record charges nothing more.
          idempotencyKey: req.header('idempotency-key') ?? '',
          customerId: body.customerId,
          priceId: body.priceId,
          quantity: body.quantity ?? 1,
          paymentMethodId: body.paymentMethodId ?? '',
          couponCode: body.couponCode ?? '',
          storefrontId: body.storefrontId ?? '',
        }),
      );
    },
  });

  api.add({
    method: 'get',
    path: '/subscriptions',
    summary: 'List subscriptions, newest first; `customerId` and `status` filter',
    tag: 'Billing',
    auth: area('read'),
    query: ListSubscriptionsQuery,
    response: SubscriptionList,
    async handler({ query }) {
      return listResponse(
        await billing.listSubscriptions({ page: pageOf(query), customerId: query.customerId ?? '', status: query.status ?? '' }),
        presentSubscription,
      );
    },
  });

  api.add({
    method: 'get',
    path: '/subscriptions/{id}',
    summary: 'Get a subscription',
    tag: 'Billing',
    auth: area('read'),
    params: IdParams,
    response: SubscriptionSchema,
    errors: [404],
    async handler({ params }) {
      return presentSubscription(await billing.getSubscription({ id: params.id }));
    },
  });

  api.add({
    method: 'post',
    path: '/subscriptions/{id}/cancel',
    summary: 'Cancel now, or at the end of the current period',
    tag: 'Billing',
    auth: area('write'),
    params: IdParams,
    body: CancelSubscriptionBody,
    response: SubscriptionSchema,
    status: 200,
    errors: [404, 422],
    async handler({ params, body }) {
      return presentSubscription(await billing.cancelSubscription({ id: params.id, atPeriodEnd: body.atPeriodEnd }));
    },
  });

  api.add({
    method: 'post',
    path: '/subscriptions/{id}/change-price',
    summary: 'Change price or quantity, prorated to the second and invoiced at once',
    tag: 'Billing',
    auth: area('write'),
    params: IdParams,
    body: ChangePriceBody,
    response: SubscriptionSchema,
    status: 200,
    errors: [404, 422],
    async handler({ params, body, req }) {
      return presentSubscription(await billing.changePrice({ id: params.id, priceId: body.priceId, quantity: body.quantity ?? 0, idempotencyKey: req.header('idempotency-key') ?? '' }));
    },
  });

  api.add({
    method: 'post',
    path: '/subscriptions/{id}/change-price/preview',
    summary: 'Preview a change of price: the invoice change-price would create and charge now, computed by the same code; nothing is written',
    tag: 'Billing',
    auth: area('read'),
    params: IdParams,
    body: ChangePriceBody,
    response: ChangePricePreviewSchema,
    status: 200,
    errors: [404, 422],
    async handler({ params, body }) {
      return presentChangePricePreview(
        await billing.previewChangePrice({ id: params.id, priceId: body.priceId, quantity: body.quantity ?? 0 }),
      );
    },
  });

  api.add({
    method: 'get',
    path: '/invoices',
    summary: 'List invoices, newest first; `customerId` and `subscriptionId` filter',
    tag: 'Billing',
    auth: area('read'),
    query: ListInvoicesQuery,
    response: InvoiceList,
    async handler({ query }) {
      return listResponse(
        await billing.listInvoices({ page: pageOf(query), customerId: query.customerId ?? '', subscriptionId: query.subscriptionId ?? '' }),
        presentInvoice,
      );
    },
  });

  api.add({
    method: 'get',
    path: '/invoices/{id}',
    summary: 'Get an invoice with its lines and totals',
    tag: 'Billing',
    auth: area('read'),
    params: IdParams,
    response: InvoiceSchema,
    errors: [404],
    async handler({ params }) {
      return presentInvoice(await billing.getInvoice({ id: params.id }));
    },
  });

  api.add({
    method: 'post',
    path: '/invoices/{id}/pay',
    summary: 'Pay an open invoice now; a decline is a 402 naming its code, the attempt recorded',
    tag: 'Billing',
    auth: area('write'),
    params: IdParams,
    body: PayInvoiceBody,
    response: InvoiceSchema,
    status: 200,
    errors: [402, 404, 422],
    async handler({ params, body }) {
      return presentInvoice(await billing.payInvoice({ id: params.id, paymentMethodId: body.paymentMethodId ?? '' }));
    },
  });
}
