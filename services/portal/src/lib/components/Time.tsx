import { formatDate, formatDateTime, formatDateTimeSeconds, utcInstant } from '../time';

/** A moment in the user's time zone (to the second with `seconds`); the UTC instant on hover and for assistive technology's details. */
export function Time({ value, dateOnly, seconds }: { value: string | null | undefined; dateOnly?: boolean; seconds?: boolean }) {
  if (!value) return <span className="muted">—</span>;
  return (
    <time dateTime={value} title={utcInstant(value)}>
      {dateOnly ? formatDate(value) : seconds ? formatDateTimeSeconds(value) : formatDateTime(value)}
    </time>
  );
}
