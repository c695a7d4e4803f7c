import { Link, useRouteError } from 'react-router';
import { ErrorNotice, PageHeader } from '../../lib/components';
import { t } from '../../lib/i18n';

/** What a page that failed to load or render shows: the reason, a retry, a way home. Never a blank page. */
export function RouteError() {
  const error = useRouteError();
  // A new deployment replaced the chunk this tab knew: a reload fetches the new one.
  const stale = error instanceof TypeError && /dynamically imported module|Importing a module script failed/.test(error.message);
  return (
    <main id="main" style={{ padding: 24 }}>
      <PageHeader title={t.app.errors.title} />
      <ErrorNotice error={error} onRetry={() => window.location.reload()} />
      {stale ? null : (
        <p style={{ marginTop: 12 }}>
          <Link to="/">{t.app.errors.goHome}</Link>
        </p>
      )}
    </main>
  );
}

export function NotFoundPage() {
  return (
    <>
      <PageHeader title={t.app.errors.notFoundTitle} />
      <p>{t.app.errors.notFound}</p>
      <p style={{ marginTop: 12 }}>
        <Link to="/">{t.app.errors.goHome}</Link>
      </p>
    </>
  );
}
