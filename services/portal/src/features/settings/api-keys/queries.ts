import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, scopeKey, unwrap, type Schema } from '../../../lib/api';

export type ApiKey = Schema<'ApiKey'>;
export type CreatedApiKey = Schema<'CreatedApiKey'>;
export type CreateApiKey = Schema<'CreateApiKeyRequest'>;

const PAGE_SIZE = 20;
const apiKeysKey = () => [scopeKey(), 'api-keys'] as const;

export function useApiKeys(cursor: string | undefined) {
  return useQuery({
    queryKey: [...apiKeysKey(), { cursor }],
    queryFn: () => unwrap(api.GET('/api-keys', { params: { query: { limit: PAGE_SIZE, cursor } } })),
    placeholderData: keepPreviousData,
  });
}

/**
 * POST /api-keys. The answer holds the key in clear, the one time it is ever
 * given: it is kept in no cache (gcTime 0) and lives only as long as the
 * dialog that shows it.
 */
export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: CreateApiKey; key: string }) =>
      unwrap(api.POST('/api-keys', { body, headers: { 'Idempotency-Key': key } })),
    gcTime: 0,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: apiKeysKey() }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api-keys/{id}', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: apiKeysKey() }),
  });
}
