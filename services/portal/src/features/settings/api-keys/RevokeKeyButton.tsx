import { useState } from 'react';
import { toast } from 'sonner';
import { Button, ConfirmDialog } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useRevokeApiKey, type ApiKey } from './queries';

const copy = t.settings.apiKeys;

/** "Revoke", after a confirmation: the key is refused from the next request on (DELETE /api-keys/{id}). */
export function RevokeKeyButton({ apiKey }: { apiKey: ApiKey }) {
  const [open, setOpen] = useState(false);
  const revoke = useRevokeApiKey();
  const confirm = () =>
    revoke.mutate(apiKey.id, {
      onSuccess: () => {
        toast.success(copy.revokedToast(apiKey.name));
        setOpen(false);
      },
      onError: (error) => {
        toast.error(error.message);
        setOpen(false);
      },
    });
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} aria-label={copy.revokeKey(apiKey.name)}>
        {copy.revoke}
      </Button>
      <ConfirmDialog
        open={open}
        title={copy.revokeTitle(apiKey.name)}
        confirmLabel={copy.revoke}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
        busy={revoke.isPending}
        danger
      >
        <p>{copy.revokeBody}</p>
      </ConfirmDialog>
    </>
  );
}
