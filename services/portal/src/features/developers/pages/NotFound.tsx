import { Link } from 'react-router';
import { PageHeader } from '../../../lib/components';
import { t } from '../../../lib/i18n';

/** A sub-path of /developers that does not exist. */
export function NotFound() {
  return (
    <>
      <PageHeader title={t.app.errors.notFoundTitle} description={t.app.errors.notFound} />
      <p>
        <Link to="/developers/webhooks">{t.developers.notFound.back}</Link>
      </p>
    </>
  );
}
