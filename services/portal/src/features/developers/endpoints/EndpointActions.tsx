import { useState } from 'react';
import { useNavigate } from 'react-router';
import { toast } from 'sonner';
import { Button, ConfirmDialog, ErrorNotice } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { useCan } from '../../../lib/session';
import { useDeleteEndpoint, useRotateSecret, useSendTestEvent, useUpdateEndpoint } from '../api/mutations';
import type { RotatedSecret, WebhookEndpoint } from '../api/types';
import { EditEndpointDialog } from '../components/EndpointFormDialog';
import { SecretDialog } from '../components/SecretDialog';

const copy = t.developers.page;

type Open = 'edit' | 'toggle' | 'rotate' | 'delete' | null;

/**
 * An Administrator's actions on an endpoint: send a test event, edit, rotate
 * the secret (its new value shown once), disable or enable, delete. A role
 * that may only read is offered none (the page says why).
 */
export function EndpointActions({ endpoint, onSent }: { endpoint: WebhookEndpoint; onSent: () => void }) {
  const canWrite = useCan('webhooks', 'write');
  const navigate = useNavigate();
  const [open, setOpen] = useState<Open>(null);
  const [rotated, setRotated] = useState<RotatedSecret>();
  const test = useSendTestEvent(endpoint.id);
  const update = useUpdateEndpoint(endpoint.id);
  const rotate = useRotateSecret(endpoint.id);
  const rotateKey = useIdempotencyKey();
  const remove = useDeleteEndpoint(endpoint.id);
  if (!canWrite) return null;

  const enabled = endpoint.status === 'enabled';
  const close = () => {
    update.reset();
    rotate.reset();
    remove.reset();
    setOpen(null);
  };

  const sendTest = () =>
    test.mutate(undefined, {
      onSuccess: () => {
        toast.success(copy.testSent);
        onSent();
      },
      onError: (error) => toast.error(error.message),
    });

  const toggle = async () => {
    try {
      await update.mutateAsync({ status: enabled ? 'disabled' : 'enabled' });
      toast.success(enabled ? copy.disabledToast : copy.enabledToast);
      close();
    } catch {
      // Shown in the dialog.
    }
  };

  const rotateSecret = async () => {
    try {
      const answer = await rotate.mutateAsync(rotateKey.keyFor({ rotate: endpoint.id }));
      rotateKey.done();
      // The secret leaves the mutation at once: only the dialog holds it, until it is closed.
      rotate.reset();
      setOpen(null);
      setRotated(answer);
    } catch (error) {
      rotateKey.settle(error);
    }
  };

  const deleteEndpoint = async () => {
    try {
      await remove.mutateAsync();
      toast.success(copy.deletedToast);
      navigate('/developers/webhooks', { replace: true });
    } catch {
      // Shown in the dialog.
    }
  };

  return (
    <>
      <Button variant="primary" onClick={sendTest} busy={test.isPending}>
        {copy.test}
      </Button>
      <Button onClick={() => setOpen('edit')} aria-label={copy.editEndpoint}>
        {copy.edit}
      </Button>
      <Button onClick={() => setOpen('rotate')}>{copy.rotate}</Button>
      <Button onClick={() => setOpen('toggle')}>{enabled ? copy.disable : copy.enable}</Button>
      <Button variant="danger" onClick={() => setOpen('delete')}>
        {copy.delete}
      </Button>

      <EditEndpointDialog endpoint={endpoint} open={open === 'edit'} onClose={close} />
      <ConfirmDialog
        open={open === 'toggle'}
        onClose={close}
        title={enabled ? copy.disableTitle : copy.enableTitle}
        confirmLabel={enabled ? copy.disable : copy.enable}
        onConfirm={() => void toggle()}
        busy={update.isPending}
        danger={enabled}
      >
        <p>{enabled ? copy.disableBody : copy.enableBody}</p>
        {update.isError ? <ErrorNotice error={update.error} /> : null}
      </ConfirmDialog>
      <ConfirmDialog
        open={open === 'rotate'}
        onClose={close}
        title={copy.rotateTitle}
        confirmLabel={copy.rotate}
        onConfirm={() => void rotateSecret()}
        busy={rotate.isPending}
      >
        <p>{copy.rotateBody}</p>
        {rotate.isError ? <ErrorNotice error={rotate.error} /> : null}
      </ConfirmDialog>
      <ConfirmDialog
        open={open === 'delete'}
        onClose={close}
        title={copy.deleteTitle}
        confirmLabel={copy.delete}
        onConfirm={() => void deleteEndpoint()}
        busy={remove.isPending}
        danger
      >
        <p>{copy.deleteBody}</p>
        {remove.isError ? <ErrorNotice error={remove.error} /> : null}
      </ConfirmDialog>
      <SecretDialog secret={rotated?.secret} previousExpiresAt={rotated?.previousSecretExpiresAt} onClose={() => setRotated(undefined)} />
    </>
  );
}
