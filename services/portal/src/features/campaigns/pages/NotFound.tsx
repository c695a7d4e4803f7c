import { Link } from 'react-router';
import { PageHeader } from '../../../lib/components';
import { t } from '../../../lib/i18n';

/** A path under /campaigns that names no page. */
export function NotFound() {
  return (
    <>
      <PageHeader title={t.app.errors.notFoundTitle} description={t.app.errors.notFound} />
      <Link to="/campaigns">{t.campaigns.title}</Link>
    </>
  );
}
