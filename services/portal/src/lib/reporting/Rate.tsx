import { t } from '../i18n';
import { formatRate } from './format';

/** A rate as a percentage; an undefined one (nothing to divide by) as "—". */
export function Rate({ value }: { value: number | null | undefined }) {
  if (value === null || value === undefined) return <span>{t.common.none}</span>;
  return <span className="num">{formatRate(value)}</span>;
}
