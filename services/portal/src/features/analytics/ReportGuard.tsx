import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { t } from '../../lib/i18n';
import { roleName, useCan, useMe, type Area } from '../../lib/session';

/** A report the role may not read says so (and points to the one it may), instead of a 403 from the API. */
export function ReportGuard({ area, children }: { area: Area; children: ReactNode }) {
  const allowed = useCan(area, 'read');
  const canPayments = useCan('paymentReports', 'read');
  const me = useMe().data;
  if (allowed) return <>{children}</>;
  return (
    <div className="notice notice-info" role="status">
      <p className="notice-title">{t.app.errors.forbiddenTitle}</p>
      <p>
        {t.analytics.notAllowedReport} {me ? `(${roleName(me.role)})` : null}
      </p>
      {canPayments ? <Link to="/analytics/payments">{t.analytics.toPaymentReport}</Link> : null}
    </div>
  );
}
