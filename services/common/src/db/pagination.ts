import type { Knex } from 'knex';
import { invalidArgument } from '../errors/domain-error';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

export interface PageRequest {
  limit?: number;
  cursor?: string;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** The opaque cursor of a page that ends with `id`. */
export const encodeCursor = (id: string) => Buffer.from(id, 'utf8').toString('base64url');

export function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[a-z]+_[0-9A-Z]{26}$/.test(id)) throw invalidArgument([{ path: 'cursor', message: 'is not a valid cursor' }]);
  return id;
}

/**
 * Fetches one page, newest first, from a query over a table keyed by
 * time-sortable ids. Asks for one row more than the limit to know whether
 * another page follows.
 */
export async function paginate<Row extends { id: string }, T>(
  query: Knex.QueryBuilder,
  page: PageRequest | undefined,
  map: (row: Row) => T,
  idColumn = 'id',
): Promise<Page<T>> {
  const limit = page?.limit && page.limit > 0 ? Math.min(page.limit, MAX_LIMIT) : DEFAULT_LIMIT;
  if (page?.cursor) query.where(idColumn, '<', decodeCursor(page.cursor));
  const rows = (await query.orderBy(idColumn, 'desc').limit(limit + 1)) as Row[];
  const more = rows.length > limit;
  const data = rows.slice(0, limit);
  return { data: data.map(map), nextCursor: more ? encodeCursor(data[data.length - 1]!.id) : null };
}

/** One page, newest first, in the protos' form: `nextCursor` is '' on the last page. */
export async function pageOf<Row extends { id: string }>(query: Knex.QueryBuilder, request: PageRequest | undefined): Promise<{ rows: Row[]; nextCursor: string }> {
  const page = await paginate<Row, Row>(query, request, (row) => row);
  return { rows: page.data, nextCursor: page.nextCursor ?? '' };
}
