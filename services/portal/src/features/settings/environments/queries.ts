import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, scopeKey, unwrap, type Schema } from '../../../lib/api';

export type Environment = Schema<'Environment'>;
export type CreateEnvironment = Schema<'CreateEnvironmentRequest'>;

const environmentsKey = () => [scopeKey(), 'environments'] as const;

/** GET /environments: a tenant has a handful, answered whole (the API gives this list no pages). */
export function useEnvironments() {
  return useQuery({ queryKey: environmentsKey(), queryFn: () => unwrap(api.GET('/environments')) });
}

/** POST /environments with the submit's Idempotency-Key; GET /me lists environments too, so it is asked again. */
export function useCreateEnvironment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: CreateEnvironment; key: string }) =>
      unwrap(api.POST('/environments', { body, headers: { 'Idempotency-Key': key } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: environmentsKey() });
      void queryClient.invalidateQueries({ queryKey: [scopeKey(), 'me'] });
      void queryClient.invalidateQueries({ queryKey: [scopeKey(), 'tenant-profile'] });
    },
  });
}
