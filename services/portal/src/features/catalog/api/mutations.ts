import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schema } from '../../../lib/api';
import { keys } from './queries';

type CreateBundle = Schema<'CreateBundleRequest'>;
type UpdateBundle = Schema<'UpdateBundleRequest'>;
type CreatePrice = Schema<'CreatePriceRequest'>;

export function useCreateBundle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: CreateBundle; key: string }) =>
      unwrap(api.POST('/bundles', { body, headers: { 'Idempotency-Key': key } })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.bundles() }),
  });
}

export function useUpdateBundle(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateBundle) => unwrap(api.PATCH('/bundles/{id}', { params: { path: { id } }, body })),
    onSuccess: (bundle) => {
      client.setQueryData([...keys.bundles(), id], bundle);
      return client.invalidateQueries({ queryKey: keys.bundles() });
    },
  });
}

export function useArchiveBundle(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/bundles/{id}', { params: { path: { id } } })),
    onSuccess: (bundle) => {
      client.setQueryData([...keys.bundles(), id], bundle);
      // An archived bundle's prices say they can no longer be sold.
      return Promise.all([client.invalidateQueries({ queryKey: keys.bundles() }), client.invalidateQueries({ queryKey: keys.prices() })]);
    },
  });
}

export function useCreatePrice(bundleId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: CreatePrice; key: string }) =>
      unwrap(api.POST('/bundles/{id}/prices', { params: { path: { id: bundleId } }, body, headers: { 'Idempotency-Key': key } })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.prices() }),
  });
}

export function useArchivePrice(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/prices/{id}/archive', { params: { path: { id } } })),
    onSuccess: (price) => {
      client.setQueryData([...keys.prices(), id], price);
      return client.invalidateQueries({ queryKey: keys.prices() });
    },
  });
}
