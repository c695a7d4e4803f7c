import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schema } from '../../../lib/api';
import { storefrontsKey } from './queries';

export function useCreateStorefront() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: Schema<'CreateStorefrontRequest'>; key: string }) =>
      unwrap(api.POST('/storefronts', { body, headers: { 'Idempotency-Key': key } })),
    onSuccess: () => client.invalidateQueries({ queryKey: storefrontsKey() }),
  });
}

export function useUpdateStorefront(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schema<'UpdateStorefrontRequest'>) => unwrap(api.PATCH('/storefronts/{id}', { params: { path: { id } }, body })),
    onSuccess: (storefront) => {
      client.setQueryData([...storefrontsKey(), id], storefront);
      return client.invalidateQueries({ queryKey: storefrontsKey() });
    },
  });
}

export function useArchiveStorefront(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/storefronts/{id}', { params: { path: { id } } })),
    onSuccess: (storefront) => {
      client.setQueryData([...storefrontsKey(), id], storefront);
      return client.invalidateQueries({ queryKey: storefrontsKey() });
    },
  });
}
