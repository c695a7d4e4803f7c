import { useState } from 'react';
import { toast } from 'sonner';
import { useCan } from '../../../lib/session';
import { t } from '../../../lib/i18n';
import { RoleOptions } from '../shared/RoleOptions';
import { roleLabel, type TenantRole } from '../shared/roles';
import { useUpdateUser, type User } from './queries';

const copy = t.settings.users;

/**
 * A user's role, changed in place: the choice shows at once and is sent;
 * if the API refuses (a tenant keeps at least one administrator) its words
 * are shown and the select returns to the stored role.
 */
export function RoleSelect({ user }: { user: User }) {
  const update = useUpdateUser();
  const canWrite = useCan('administration', 'write');
  const [pending, setPending] = useState<TenantRole>();
  const stored = user.role as TenantRole;
  const who = user.email;

  const change = (role: TenantRole) => {
    if (role === stored) return;
    setPending(role);
    update.mutate(
      { id: user.id, body: { role } },
      {
        onSuccess: () => toast.success(copy.roleChanged(user.name || who, roleLabel(role))),
        onError: (error) => toast.error(error.message),
        onSettled: () => setPending(undefined),
      },
    );
  };

  return (
    <select
      className="settings-role-select"
      aria-label={copy.roleOf(who)}
      value={pending ?? stored}
      disabled={!canWrite || update.isPending}
      aria-busy={update.isPending || undefined}
      onChange={(e) => change(e.target.value as TenantRole)}
    >
      <RoleOptions />
    </select>
  );
}
