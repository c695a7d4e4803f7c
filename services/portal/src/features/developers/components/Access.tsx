import type { ReactNode } from 'react';
import { PageHeader } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { roleName, useMe } from '../../../lib/session';
import { useCan } from '../../../lib/session';

const copy = t.developers;

/** Renders the section only for a role that may read webhooks; reached directly by another, it says so in words. */
export function RequireWebhooks({ children }: { children: ReactNode }) {
  const canRead = useCan('webhooks', 'read');
  const me = useMe().data;
  if (canRead) return <>{children}</>;
  return (
    <>
      <PageHeader title={copy.notAllowed.title} />
      <div className="notice notice-warn" role="status">
        <p className="notice-title">{copy.notAllowed.body(roleName(me?.role ?? ''))}</p>
        <p>{copy.notAllowed.ask}</p>
      </div>
    </>
  );
}

/** Why a Manager sees no Add, Edit, Rotate, Test or Retry: said once, at the top of the page. */
export function ReadOnlyNote() {
  const canWrite = useCan('webhooks', 'write');
  const me = useMe().data;
  if (canWrite || !me) return null;
  return (
    <p className="notice notice-info" role="note">
      {copy.webhooks.readOnly(roleName(me.role))}
    </p>
  );
}
