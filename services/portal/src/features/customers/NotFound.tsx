import { Link } from 'react-router';
import { EmptyState, PageHeader } from '../../lib/components';
import { t } from '../../lib/i18n';

/** A path of this section that names nothing. */
export function NotFound() {
  return (
    <>
      <PageHeader title={t.app.errors.notFoundTitle} />
      <EmptyState title={t.app.errors.notFound} action={<Link to="/customers">{t.customers.title}</Link>} />
    </>
  );
}
