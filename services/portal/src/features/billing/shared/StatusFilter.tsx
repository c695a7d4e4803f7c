import { useId } from 'react';
import { t } from '../../../lib/i18n';

/** A list's status filter (kept in the URL by its page). */
export function StatusFilter({ value, statuses, labels, onChange }: { value: string; statuses: readonly string[]; labels: Record<string, string>; onChange: (status: string) => void }) {
  const id = useId();
  return (
    <div className="field bill-filter">
      <label htmlFor={id}>{t.billing.filter.status}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t.billing.filter.all}</option>
        {statuses.map((s) => (
          <option key={s} value={s}>
            {labels[s] ?? s}
          </option>
        ))}
      </select>
    </div>
  );
}
