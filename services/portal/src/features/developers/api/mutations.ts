import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey, unwrap } from '../../../lib/api';
import { deliveriesKey, endpointsKey } from './queries';
import type { CreateWebhookEndpoint, UpdateWebhookEndpoint, WebhookEndpoint } from './types';

/**
 * POST /webhook-endpoints. The answer holds the signing secret, the one time
 * it is given: it is kept in no cache (gcTime 0) and lives only as long as
 * the dialog that shows it.
 */
export function useCreateEndpoint() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: CreateWebhookEndpoint; key: string }) =>
      unwrap(api.POST('/webhook-endpoints', { body, headers: { 'Idempotency-Key': key } })),
    gcTime: 0,
    onSuccess: () => client.invalidateQueries({ queryKey: endpointsKey() }),
  });
}

/** PATCH /webhook-endpoints/{id}: url, description, events, or enabled/disabled. */
export function useUpdateEndpoint(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateWebhookEndpoint) => unwrap(api.PATCH('/webhook-endpoints/{id}', { params: { path: { id } }, body })),
    onSuccess: (endpoint: WebhookEndpoint) => {
      client.setQueryData([...endpointsKey(), id], endpoint);
      return client.invalidateQueries({ queryKey: [...endpointsKey(), 'list'] });
    },
  });
}

export function useDeleteEndpoint(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/webhook-endpoints/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      client.removeQueries({ queryKey: [...endpointsKey(), id] });
      return client.invalidateQueries({ queryKey: [...endpointsKey(), 'list'] });
    },
  });
}

/** POST …/rotate-secret: the new secret, shown once (no cache, as at creation). One key per confirmed rotation. */
export function useRotateSecret(id: string) {
  return useMutation({
    mutationFn: (key: string) => unwrap(api.POST('/webhook-endpoints/{id}/rotate-secret', { params: { path: { id } }, headers: { 'Idempotency-Key': key } })),
    gcTime: 0,
  });
}

/** POST …/test: a `ping` to this endpoint alone; its delivery joins the list. */
export function useSendTestEvent(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/webhook-endpoints/{id}/test', { params: { path: { id } }, headers: { 'Idempotency-Key': newIdempotencyKey() } })),
    onSuccess: () => client.invalidateQueries({ queryKey: deliveriesKey(id) }),
  });
}

/** POST /webhook-deliveries/{id}/retry: sent again now, whatever its status. */
export function useRetryDelivery(endpointId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      unwrap(api.POST('/webhook-deliveries/{id}/retry', { params: { path: { id: deliveryId } }, headers: { 'Idempotency-Key': newIdempotencyKey() } })),
    onSuccess: () => client.invalidateQueries({ queryKey: deliveriesKey(endpointId) }),
  });
}
