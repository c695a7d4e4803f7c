import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, scopeKey, unwrap, type paths } from '../../../lib/api';
import { useIdempotencyKey } from '../../../lib/idempotency';

type Body<P extends keyof paths> = paths[P] extends { post: { requestBody?: { content: { 'application/json': infer B } } } } ? B : never;

const BILLING_PREFIXES = ['subscriptions', 'invoices', 'payments', 'refunds', 'customers'] as const;

/** A billing write may change any of these (an invoice, its payment, the customer's entitlements): all are refreshed. */
export function useRefreshBilling() {
  const client = useQueryClient();
  return () => Promise.all(BILLING_PREFIXES.map((prefix) => client.invalidateQueries({ queryKey: [scopeKey(), prefix] })));
}

/**
 * A POST that creates something or moves money, with one Idempotency-Key per
 * submit. A declined payment (402) is recorded by the API, so the pages are
 * refreshed after a failure as well.
 */
function useBillingPost<B, R>(send: (body: B, key: string) => Promise<R>) {
  const refresh = useRefreshBilling();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (body: B) => send(body, idempotency.keyFor(body)),
    onSettled: (_data, error) => {
      idempotency.settle(error ?? undefined);
      return refresh();
    },
  });
}

export function useCreateSubscription() {
  return useBillingPost((body: Body<'/subscriptions'>, key) => unwrap(api.POST('/subscriptions', { body, headers: { 'Idempotency-Key': key } })));
}

export function useCancelSubscription(id: string) {
  return useBillingPost((body: Body<'/subscriptions/{id}/cancel'>, key) =>
    unwrap(api.POST('/subscriptions/{id}/cancel', { params: { path: { id } }, body, headers: { 'Idempotency-Key': key } })),
  );
}

export function useChangePrice(id: string) {
  return useBillingPost((body: Body<'/subscriptions/{id}/change-price'>, key) =>
    unwrap(api.POST('/subscriptions/{id}/change-price', { params: { path: { id } }, body, headers: { 'Idempotency-Key': key } })),
  );
}

export function usePayInvoice(id: string) {
  return useBillingPost((body: Body<'/invoices/{id}/pay'>, key) =>
    unwrap(api.POST('/invoices/{id}/pay', { params: { path: { id } }, body, headers: { 'Idempotency-Key': key } })),
  );
}

export function useRefundPayment(paymentId: string) {
  return useBillingPost((body: Body<'/payments/{id}/refunds'>, key) =>
    unwrap(api.POST('/payments/{id}/refunds', { params: { path: { id: paymentId } }, body, headers: { 'Idempotency-Key': key } })),
  );
}
