import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { toast } from 'sonner';
import { Button, ConfirmDialog, CopyButton, ErrorNotice, PageHeader, QueryState, StatusBadge } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { roleName, useCan, useMe } from '../../../lib/session';
import { useArchiveStorefront } from '../api/mutations';
import { useStorefront } from '../api/queries';
import { StorefrontForm } from '../components/StorefrontForm';
import { ShareCheckoutDialog } from '../share/ShareCheckoutDialog';
import type { Storefront } from '../model/storefront-form';
import '../storefronts.css';

const text = t.storefronts.page;

/** /storefronts/:id — edit a storefront (PATCH), or archive it (DELETE) after a confirmation. */
export function StorefrontPage() {
  const { id = '' } = useParams();
  const storefront = useStorefront(id);
  return <QueryState query={storefront}>{(data) => <StorefrontView key={data.id} storefront={data} />}</QueryState>;
}

function StorefrontView({ storefront }: { storefront: Storefront }) {
  const canWrite = useCan('storefronts', 'write');
  const me = useMe().data;
  const archive = useArchiveStorefront(storefront.id);
  const [confirming, setConfirming] = useState(false);
  const [sharing, setSharing] = useState(false);
  const canShare = useCan('checkoutSessions', 'write');
  const archived = storefront.status === 'archived';

  const onArchive = async () => {
    try {
      await archive.mutateAsync();
      setConfirming(false);
      toast.success(text.archivedToast);
    } catch {
      // Shown in the dialog.
    }
  };

  return (
    <>
      <PageHeader
        title={storefront.name}
        breadcrumb={<Link to="/storefronts">{t.storefronts.list.title}</Link>}
        description={
          <span className="sf-header-meta">
            <StatusBadge status={storefront.status} label={t.storefronts.status[storefront.status]} />
            <code>{storefront.id}</code>
            <CopyButton text={storefront.id} label={text.copyId} />
          </span>
        }
        actions={
          <>
            {canShare && !archived ? <Button onClick={() => setSharing(true)}>{t.storefronts.share.action}</Button> : null}
            {canWrite && !archived ? (
              <Button variant="danger" onClick={() => setConfirming(true)}>
                {text.archive}
              </Button>
            ) : null}
          </>
        }
      />
      <div className="stack">
        {archived ? <p className="notice notice-info">{text.archivedNote}</p> : null}
        {!canWrite && me ? <p className="notice notice-info">{text.readOnly(roleName(me.role))}</p> : null}
        <StorefrontForm storefront={storefront} readOnly={!canWrite || archived} />
      </div>
      {sharing ? <ShareCheckoutDialog storefront={storefront} open={sharing} onClose={() => setSharing(false)} /> : null}
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={text.archiveTitle(storefront.name)}
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
