import { useEffect, type ReactNode } from 'react';
import { t } from '../i18n';

/** A page's one <h1>, its description and its actions; it names the browser tab too. */
export function PageHeader({ title, description, actions, breadcrumb }: { title: string; description?: ReactNode; actions?: ReactNode; breadcrumb?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · ${t.common.appName}`;
  }, [title]);
  return (
    <header className="page-header">
      <div>
        {breadcrumb ? <nav aria-label="Breadcrumb" className="breadcrumb">{breadcrumb}</nav> : null}
        <h1>{title}</h1>
        {description ? <p className="page-description">{description}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </header>
  );
}
