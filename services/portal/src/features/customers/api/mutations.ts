import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, scopeKey, unwrap, type paths, type Schema } from '../../../lib/api';
import { useIdempotencyKey } from '../../../lib/idempotency';

type CreateCustomer = Schema<'CreateCustomerRequest'>;
type UpdateCustomer = Schema<'UpdateCustomerRequest'>;
type CreateSupportRequest = Schema<'CreateSupportRequestRequest'>;
type UpdateSupportRequest = Schema<'UpdateSupportRequestRequest'>;
export type AddCardBody = paths['/customers/{id}/payment-methods']['post']['requestBody']['content']['application/json'];

/** Every write here refreshes what the customer section shows (the customer, its cards, its support requests). */
function useRefresh() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: [scopeKey(), 'customers'] }),
      client.invalidateQueries({ queryKey: [scopeKey(), 'support-requests'] }),
    ]);
}

/** A mutation sending a POST that creates something, with its Idempotency-Key handled per submit. */
function useIdempotentMutation<Body, Result>(send: (body: Body, key: string) => Promise<Result>) {
  const refresh = useRefresh();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (body: Body) => send(body, idempotency.keyFor(body)),
    onSettled: (_data, error) => idempotency.settle(error ?? undefined),
    onSuccess: () => refresh(),
  });
}

export function useCreateCustomer() {
  return useIdempotentMutation((body: CreateCustomer, key) => unwrap(api.POST('/customers', { body, headers: { 'Idempotency-Key': key } })));
}

export function useUpdateCustomer(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: UpdateCustomer) => unwrap(api.PATCH('/customers/{id}', { params: { path: { id } }, body })),
    onSuccess: () => refresh(),
  });
}

export function useEraseCustomer(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/customers/{id}', { params: { path: { id } } })),
    onSuccess: () => refresh(),
  });
}

export function useAddCard(customerId: string) {
  return useIdempotentMutation((body: AddCardBody, key) =>
    unwrap(api.POST('/customers/{id}/payment-methods', { params: { path: { id: customerId } }, body, headers: { 'Idempotency-Key': key } })),
  );
}

export function useMakeDefaultCard(customerId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (pmId: string) => unwrap(api.POST('/customers/{id}/payment-methods/{pmId}/default', { params: { path: { id: customerId, pmId } } })),
    onSuccess: () => refresh(),
  });
}

export function useOpenSupportRequest(customerId: string) {
  return useIdempotentMutation((body: CreateSupportRequest, key) =>
    unwrap(api.POST('/customers/{id}/support-requests', { params: { path: { id: customerId } }, body, headers: { 'Idempotency-Key': key } })),
  );
}

export function useReply(requestId: string) {
  return useIdempotentMutation((body: { body: string }, key) =>
    unwrap(api.POST('/support-requests/{id}/messages', { params: { path: { id: requestId } }, body, headers: { 'Idempotency-Key': key } })),
  );
}

export function useUpdateSupportRequest(requestId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: UpdateSupportRequest) => unwrap(api.PATCH('/support-requests/{id}', { params: { path: { id: requestId } }, body })),
    onSuccess: () => refresh(),
  });
}
