import { isApiError } from '../api';
import { t } from '../i18n';
import { Button } from './Button';

/**
 * A failed load shown in words, with a retry where retrying can help: a lost
 * connection or a service that is down never leaves a blank page, and a 403
 * says which role is needed (the API's own words).
 */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const status = isApiError(error) ? error.status : undefined;
  const title =
    status === 403 ? t.app.errors.forbiddenTitle : status === 404 ? t.app.errors.notFoundTitle : t.app.errors.title;
  const detail =
    status === 0
      ? t.app.errors.offline
      : status === 503
        ? `${t.app.errors.unavailable} ${isApiError(error) ? (error.problem.detail ?? '') : ''}`.trim()
        : status === 404
          ? t.app.errors.notFound
          : error instanceof Error
            ? error.message
            : String(error);
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{title}</p>
      <p>{detail}</p>
      {onRetry && (status === undefined || status === 0 || status >= 500) ? (
        <Button onClick={onRetry}>{t.common.retry}</Button>
      ) : null}
    </div>
  );
}
