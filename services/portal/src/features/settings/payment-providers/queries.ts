import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, scopeKey, unwrap, type Schema } from '../../../lib/api';

export type PaymentProvider = Schema<'PaymentProvider'>;
export type PutPaymentProvider = Schema<'PutPaymentProviderRequest'>;

const providersKey = () => [scopeKey(), 'payment-providers'] as const;

/** GET /payment-providers: every provider Azotte knows, as it stands in the tab's environment. */
export function usePaymentProviders() {
  return useQuery({ queryKey: providersKey(), queryFn: () => unwrap(api.GET('/payment-providers')) });
}

export function usePutPaymentProvider(provider: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutPaymentProvider) => unwrap(api.PUT('/payment-providers/{provider}', { params: { path: { provider } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: providersKey() }),
  });
}
