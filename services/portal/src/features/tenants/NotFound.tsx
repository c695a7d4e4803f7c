import { Link } from 'react-router';
import { PageHeader } from '../../lib/components';
import { t } from '../../lib/i18n';

export function NotFound() {
  return (
    <>
      <PageHeader title={t.app.errors.notFoundTitle} />
      <p>{t.app.errors.notFound}</p>
      <p style={{ marginTop: 12 }}>
        <Link to="/tenants">{t.tenants.title}</Link>
      </p>
    </>
  );
}
