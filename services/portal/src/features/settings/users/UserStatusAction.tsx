import { useState } from 'react';
import { toast } from 'sonner';
import { Button, ConfirmDialog } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useUpdateUser, userLabel, type User } from './queries';

const copy = t.settings.users;

/** Disable or enable a user, after a confirmation that says what it does. */
export function UserStatusAction({ user }: { user: User }) {
  const [open, setOpen] = useState(false);
  const update = useUpdateUser();
  const who = userLabel(user);
  const disabling = !user.disabled;

  const confirm = () =>
    update.mutate(
      { id: user.id, body: { disabled: disabling } },
      {
        onSuccess: () => {
          toast.success(disabling ? copy.disabledToast(who) : copy.enabledToast(who));
          setOpen(false);
        },
        onError: (error) => {
          toast.error(error.message);
          setOpen(false);
        },
      },
    );

  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} aria-label={disabling ? copy.disableUser(user.email) : copy.enableUser(user.email)}>
        {disabling ? copy.disable : copy.enable}
      </Button>
      <ConfirmDialog
        open={open}
        title={disabling ? copy.disableTitle(who) : copy.enableTitle(who)}
        confirmLabel={disabling ? copy.disable : copy.enable}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
        busy={update.isPending}
        danger={disabling}
      >
        <p>{disabling ? copy.disableBody : copy.enableBody}</p>
      </ConfirmDialog>
    </>
  );
}
