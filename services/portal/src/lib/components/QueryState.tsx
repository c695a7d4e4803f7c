import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { t } from '../i18n';
import { Button } from './Button';
import { ErrorNotice } from './ErrorNotice';

/**
 * Renders a query's data, or its loading state, or its error with a retry.
 * While the browser is offline a query waits (TanStack Query pauses it and
 * resumes it when the connection is back): that is said in words with a
 * Retry, never an endless "Loading…".
 */
export function QueryState<T>({ query, children, loading }: { query: UseQueryResult<T>; children: (data: T) => ReactNode; loading?: ReactNode }) {
  // Paused with nothing of its own to show (placeholder data belongs to another key: another search).
  if (query.fetchStatus === 'paused' && (query.isPending || query.isPlaceholderData)) {
    return (
      <div className="notice notice-error" role="alert">
        <p className="notice-title">{t.app.errors.title}</p>
        <p>{t.app.errors.offline}</p>
        <Button onClick={() => void query.refetch()}>{t.common.retry}</Button>
      </div>
    );
  }
  if (query.isPending) return <>{loading ?? <p className="loading" role="status">{t.common.loading}</p>}</>;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
