import { Link } from 'react-router';
import { Allowed, PageHeader } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { BundleForm } from '../components/BundleForm';
import '../catalog.css';

/** /catalog/bundles/new */
export function BundleNewPage() {
  return (
    <>
      <PageHeader
        title={t.catalog.bundleForm.createTitle}
        description={t.catalog.bundleForm.createDescription}
        breadcrumb={<Link to="/catalog">{t.catalog.bundles.title}</Link>}
      />
      <Allowed area="catalog" level="write" explain>
        <BundleForm />
      </Allowed>
    </>
  );
}
