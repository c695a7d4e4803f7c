/**
 * A schedule is typed in <input type="datetime-local"> (the user's own time
 * zone, no zone in the text) and sent as a UTC ISO 8601 instant.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-03-01T09:30` (local) → `2026-03-01T08:30:00.000Z`; undefined for an empty or invalid text. */
export function localToIso(local: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local.trim())) return undefined;
  const [date, time] = local.trim().split('T') as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm, ss] = time.split(':').map(Number) as [number, number, number | undefined];
  const at = new Date(y, m - 1, d, hh, mm, ss ?? 0);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/** An ISO instant as the local `YYYY-MM-DDTHH:mm` a datetime-local input shows; '' for none. */
export function isoToLocal(iso: string | null | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** The user's time zone, named in the schedule's hint. */
export const userTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
