import { formatDate, formatDateTime, utcInstant } from '../time';

/** A moment in the user's time zone; the UTC instant on hover and for assistive technology's details. */
export function Time({ value, dateOnly }: { value: string | null | undefined; dateOnly?: boolean }) {
  if (!value) return <span className="muted">—</span>;
  return (
    <time dateTime={value} title={utcInstant(value)}>
      {dateOnly ? formatDate(value) : formatDateTime(value)}
    </time>
  );
}
