import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { can, roleName, useMe, type Area } from '../../../lib/session';

/**
 * What a page the role may not read says, in words, when it is reached
 * directly (a bookmark, a typed address): never an error trace.
 */
export function NotAllowed({ area, what }: { area: Area; what: string }) {
  const me = useMe().data;
  const role = roleName(me?.role ?? '');
  const copy = t.settings.notAllowed;
  return (
    <>
      <PageHeader title={copy.title} />
      <div className="notice notice-warn" role="status">
        <p className="notice-title">{area === 'tenantProfile' ? copy.profileBody(role) : copy.body(what, role)}</p>
        <p>{copy.ask}</p>
      </div>
      {area !== 'tenantProfile' && can(me, 'tenantProfile', 'read') ? (
        <p className="settings-back">
          <Link to="/settings">{copy.back}</Link>
        </p>
      ) : null}
    </>
  );
}

/** Renders the page only for a role that may read its area. */
export function RequireArea({ area, what, children }: { area: Area; what: string; children: ReactNode }) {
  const me = useMe().data;
  return can(me, area, 'read') ? <>{children}</> : <NotAllowed area={area} what={what} />;
}
