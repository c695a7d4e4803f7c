import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api';

/**
 * Server state lives here and nowhere else. A failure worth retrying (no
 * connection, a service down) is retried twice before the page shows it with
 * a Retry button; anything else (4xx) is shown at once.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        retry: (count, error) => count < 2 && isApiError(error) && error.retryable,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}
