import type { ReactNode } from 'react';
import { t } from '../i18n';

/**
 * A key figure: its name and value. `unavailable` (its source is named in
 * the dashboard's `degraded`) shows as such, never as zero.
 */
export function Stat({ label, value, unavailable, detail }: { label: string; value: ReactNode; unavailable?: boolean; detail?: ReactNode }) {
  return (
    <div className={['stat', unavailable ? 'stat-unavailable' : ''].join(' ').trim()} role="group" aria-label={label}>
      <p className="stat-label">{label}</p>
      <p className="stat-value">{unavailable ? t.common.unavailable : value}</p>
      {detail ? <p className="stat-detail">{detail}</p> : null}
    </div>
  );
}
