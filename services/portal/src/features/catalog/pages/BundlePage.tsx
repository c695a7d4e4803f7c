import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { toast } from 'sonner';
import { Button, ConfirmDialog, CopyButton, ErrorNotice, PageHeader, QueryState, StatusBadge } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { roleName, useCan, useMe } from '../../../lib/session';
import { useArchiveBundle } from '../api/mutations';
import { useBundle, useStorefrontOptions, type Bundle } from '../api/queries';
import { BundleForm } from '../components/BundleForm';
import { PricesCard } from '../components/PricesCard';
import '../catalog.css';

const text = t.catalog.bundle;

/** /catalog/bundles/:id — the bundle, its entitlements and its prices. */
export function BundlePage() {
  const { id = '' } = useParams();
  const bundle = useBundle(id);
  // Loaded ahead for "Add price" (default currency, storefront restriction).
  useStorefrontOptions();
  return (
    <QueryState query={bundle}>
      {(data) => <BundleView key={data.id} bundle={data} />}
    </QueryState>
  );
}

function BundleView({ bundle }: { bundle: Bundle }) {
  const canWrite = useCan('catalog', 'write');
  const me = useMe().data;
  const archive = useArchiveBundle(bundle.id);
  const [confirming, setConfirming] = useState(false);
  const archived = bundle.status === 'archived';

  const onArchive = async () => {
    try {
      await archive.mutateAsync();
      setConfirming(false);
      toast.success(text.archived);
    } catch {
      // Shown in the dialog.
    }
  };

  return (
    <>
      <PageHeader
        title={bundle.name}
        breadcrumb={<Link to="/catalog">{t.catalog.bundles.title}</Link>}
        description={
          <span className="cat-header-meta">
            <StatusBadge status={bundle.status} label={t.catalog.status[bundle.status]} />
            <code>{bundle.id}</code>
            <CopyButton text={bundle.id} label={text.copyId} />
          </span>
        }
        actions={
          canWrite && !archived ? (
            <Button variant="danger" onClick={() => setConfirming(true)}>
              {text.archive}
            </Button>
          ) : null
        }
      />
      <div className="stack">
        {archived ? <p className="notice notice-info">{text.archivedNote}</p> : null}
        {!canWrite && me ? <p className="notice notice-info">{text.readOnly(roleName(me.role))}</p> : null}
        <BundleForm bundle={bundle} readOnly={!canWrite || archived} />
        <PricesCard bundle={bundle} />
      </div>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={text.archiveTitle(bundle.name)}
        confirmLabel={text.archive}
        onConfirm={() => void onArchive()}
        busy={archive.isPending}
        danger
      >
        <p>{text.archiveBody}</p>
        {archive.isError ? <ErrorNotice error={archive.error} /> : null}
      </ConfirmDialog>
    </>
  );
}
