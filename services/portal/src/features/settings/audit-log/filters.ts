import { z } from 'zod';
import type { paths } from '../../../lib/api';
import { t } from '../../../lib/i18n';
import { startOfLocalDay } from '../../../lib/time';

/** GET /audit-log's query, as the OpenAPI document types it. */
export type AuditLogQuery = NonNullable<paths['/audit-log']['get']['parameters']['query']>;

/**
 * The filters as a person sets them (and as the page's URL keeps them, so a
 * filtered log can be bookmarked or shared): texts, and days `YYYY-MM-DD` in
 * the person's own time zone, `to` included. Empty means "any".
 */
export const FILTER_NAMES = ['actorId', 'action', 'objectType', 'objectId', 'environmentId', 'from', 'to'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
export type AuditFilters = Record<FilterName, string>;

export const EMPTY_FILTERS: AuditFilters = { actorId: '', action: '', objectType: '', objectId: '', environmentId: '', from: '', to: '' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function filtersFromSearch(params: URLSearchParams): AuditFilters {
  const filters = { ...EMPTY_FILTERS };
  for (const name of FILTER_NAMES) filters[name] = params.get(name)?.trim() ?? '';
  if (!DAY.test(filters.from)) filters.from = '';
  if (!DAY.test(filters.to)) filters.to = '';
  return filters;
}

/** The URL's search parameters: only the filters that are set. */
export function filtersToSearch(filters: AuditFilters): Record<string, string> {
  const search: Record<string, string> = {};
  for (const name of FILTER_NAMES) {
    const value = filters[name].trim();
    if (value) search[name] = value;
  }
  return search;
}

export const hasFilters = (filters: AuditFilters) => FILTER_NAMES.some((name) => filters[name].trim() !== '');

/** The day after a `YYYY-MM-DD` day, as `YYYY-MM-DD` (calendar arithmetic, no time zone involved). */
function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const next = new Date(Date.UTC(y!, m! - 1, d! + 1));
  return next.toISOString().slice(0, 10);
}

/**
 * The API's query for the filters: texts trimmed, empty ones left out; the
 * days become instants at the start of the person's local day, and as the
 * API's `to` is exclusive, the day after `to`, so that "to" includes its day.
 */
export function auditQuery(filters: AuditFilters): AuditLogQuery {
  const query: AuditLogQuery = {};
  for (const name of ['actorId', 'action', 'objectType', 'objectId', 'environmentId'] as const) {
    const value = filters[name].trim();
    if (value) query[name] = value;
  }
  if (DAY.test(filters.from)) query.from = startOfLocalDay(filters.from);
  if (DAY.test(filters.to)) query.to = startOfLocalDay(nextDay(filters.to));
  return query;
}

/** The filter form's browser checks: From on or before To. */
export const filtersSchema = z
  .object({
    actorId: z.string().max(200),
    action: z.string().max(200),
    objectType: z.string().max(200),
    objectId: z.string().max(200),
    environmentId: z.string().max(200),
    from: z.string(),
    to: z.string(),
  })
  .superRefine((f, ctx) => {
    if (DAY.test(f.from) && DAY.test(f.to) && f.from > f.to) ctx.addIssue({ code: 'custom', path: ['from'], message: t.settings.audit.fromAfterTo });
  });
