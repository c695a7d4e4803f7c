import type { Api } from '../http/api';
import { IdParams, listResponse, pageOf } from '../http/schemas';
import { presentPayment, presentPaymentMethod, presentRefund } from './billing-presenters';
import {
  AttachPaymentMethodBody,
  CreateRefundBody,
  CustomerIdParams,
  ListPaymentsQuery,
  ListRefundsQuery,
  PaymentList,
  PaymentMethodList,
  PaymentMethodParams,
  PaymentMethodSchema,
  PaymentSchema,
  RefundList,
  RefundSchema,
} from './billing-schemas';

/**
 * Payment methods, payments and refunds: API.md "Billing", rows `billing` and
 * `refunds` (creating a refund is the `refunds` row; reading them is billing data).
 */
export function billingPaymentRoutes(api: Api): void {
  const billing = api.clients.billing;
  const area = (access: 'read' | 'write') => ({ area: 'billing' as const, access });

  api.add({
    method: 'post',
    path: '/customers/{id}/payment-methods',
    summary: "Attach a card: it goes to the environment's payment provider, only its token is kept",
    tag: 'Billing',
    auth: area('write'),
    params: CustomerIdParams,
    body: AttachPaymentMethodBody,
    response: PaymentMethodSchema,
    errors: [402, 404, 422],
    async handler({ params, body }) {
      return presentPaymentMethod(
        await billing.attachPaymentMethod({ customerId: params.id, type: body.type, card: body.card, makeDefault: body.default ?? false }),
      );
    },
  });

  api.add({
    method: 'get',
    path: '/customers/{id}/payment-methods',
    summary: "List a customer's payment methods, newest first",
    tag: 'Billing',
    auth: area('read'),
    params: CustomerIdParams,
    response: PaymentMethodList,
    errors: [404],
    async handler({ params }) {
      return { data: (await billing.listPaymentMethods({ customerId: params.id })).data.map(presentPaymentMethod) };
    },
  });

  api.add({
    method: 'post',
    path: '/customers/{id}/payment-methods/{pmId}/default',
    summary: "Make a payment method the customer's default",
    tag: 'Billing',
    auth: area('write'),
    params: PaymentMethodParams,
    response: PaymentMethodSchema,
    status: 200,
    errors: [404],
    async handler({ params }) {
      return presentPaymentMethod(await billing.setDefaultPaymentMethod({ customerId: params.id, paymentMethodId: params.pmId }));
    },
  });

  api.add({
    method: 'get',
    path: '/payments',
    summary: 'List payment attempts, failed ones included, newest first',
    tag: 'Billing',
    auth: area('read'),
    query: ListPaymentsQuery,
    response: PaymentList,
    async handler({ query }) {
      return listResponse(
        await billing.listPayments({ page: pageOf(query), customerId: query.customerId ?? '', status: query.status ?? '' }),
        presentPayment,
      );
    },
  });

  api.add({
    method: 'get',
    path: '/payments/{id}',
    summary: 'Get a payment attempt',
    tag: 'Billing',
    auth: area('read'),
    params: IdParams,
    response: PaymentSchema,
    errors: [404],
    async handler({ params }) {
      return presentPayment(await billing.getPayment({ id: params.id }));
    },
  });

  api.add({
    method: 'post',
    path: '/payments/{id}/refunds',
    summary: 'Refund a payment, by default what remains of it; never more than remains, under any concurrency',
    tag: 'Billing',
    auth: { area: 'refunds', access: 'write' },
    params: IdParams,
    body: CreateRefundBody,
    response: RefundSchema,
    errors: [404, 422],
    async handler({ params, body }) {
      return presentRefund(await billing.createRefund({ paymentId: params.id, amount: body.amount, reason: body.reason ?? '' }));
    },
  });

  api.add({
    method: 'get',
    path: '/refunds',
    summary: "List refunds, failed ones included, newest first; `paymentId` and `customerId` (the customer's payments) filter",
    tag: 'Billing',
    auth: area('read'),
    query: ListRefundsQuery,
    response: RefundList,
    async handler({ query }) {
      return listResponse(
        await billing.listRefunds({ page: pageOf(query), paymentId: query.paymentId ?? '', customerId: query.customerId ?? '' }),
        presentRefund,
      );
    },
  });

  api.add({
    method: 'get',
    path: '/refunds/{id}',
    summary: 'Get a refund',
    tag: 'Billing',
    auth: area('read'),
    params: IdParams,
    response: RefundSchema,
    errors: [404],
    async handler({ params }) {
      return presentRefund(await billing.getRefund({ id: params.id }));
    },
  });
}
