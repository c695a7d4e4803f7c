import type { ReactNode } from 'react';
import { t } from '../i18n';

export interface FigureProps {
  label: string;
  value: ReactNode;
  /** Its source did not answer: the figure is not known, so it says so (never a zero). */
  unavailable?: boolean;
  loading?: boolean;
  /** A line under the value: what the figure counts, or why it is "—". */
  detail?: ReactNode;
  /** Block content under the detail (amounts that could not be converted). */
  extra?: ReactNode;
}

/** A key figure: a group named by its label, with its value, a word on what it means, and what it leaves out. */
export function Figure({ label, value, unavailable, loading, detail, extra }: FigureProps) {
  return (
    <div className={['stat', unavailable ? 'stat-unavailable' : ''].join(' ').trim()} role="group" aria-label={label}>
      <p className="stat-label">{label}</p>
      <p className="stat-value">
        {loading ? (
          <>
            <span className="skeleton" aria-hidden="true" />
            <span className="sr-only">{t.common.loading}</span>
          </>
        ) : unavailable ? (
          t.common.unavailable
        ) : (
          value
        )}
      </p>
      {detail ? <p className="stat-detail">{detail}</p> : null}
      {extra}
    </div>
  );
}
