import type { ReactNode } from 'react';
import { roleName, useCan, useMe, type Area, type Level } from '../session';
import { t } from '../i18n';

/**
 * Renders `children` only when the signed-in role may `level` the area (GET
 * /me's permissions, i.e. the gateway's table). With `explain`, a control
 * that is not allowed is replaced by a short sentence saying so, instead of
 * disappearing.
 */
export function Allowed({ area, level = 'write', children, explain }: { area: Area; level?: Level; children: ReactNode; explain?: boolean }) {
  const allowed = useCan(area, level);
  const me = useMe().data;
  if (allowed) return <>{children}</>;
  if (!explain) return null;
  return <p className="muted role-note">{me ? `${t.common.notAllowed} (${roleName(me.role)})` : null}</p>;
}
