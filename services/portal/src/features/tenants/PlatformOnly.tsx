import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../lib/components';
import { t } from '../../lib/i18n';
import { useMe } from '../../lib/session';

/** The tenants pages are the platform administrator's; anyone else reading them is told so in words. */
export function PlatformOnly({ children }: { children: ReactNode }) {
  const me = useMe().data;
  if (me?.platformAdmin) return <>{children}</>;
  const copy = t.tenants.notAllowed;
  return (
    <>
      <PageHeader title={copy.title} />
      <div className="notice notice-warn" role="status">
        <p className="notice-title">{copy.body}</p>
      </div>
      <p style={{ marginTop: 14 }}>
        <Link to="/">{copy.back}</Link>
      </p>
    </>
  );
}
