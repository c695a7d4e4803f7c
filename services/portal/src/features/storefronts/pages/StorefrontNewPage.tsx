import { Link } from 'react-router';
import { Allowed, PageHeader } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { StorefrontForm } from '../components/StorefrontForm';
import '../storefronts.css';

/** /storefronts/new */
export function StorefrontNewPage() {
  return (
    <>
      <PageHeader title={t.storefronts.form.createTitle} description={t.storefronts.form.createDescription} breadcrumb={<Link to="/storefronts">{t.storefronts.list.title}</Link>} />
      <Allowed area="storefronts" level="write" explain>
        <StorefrontForm />
      </Allowed>
    </>
  );
}
