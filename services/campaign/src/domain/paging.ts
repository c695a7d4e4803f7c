import { paginate } from '@azotte/common';
import type { commonV1 } from '@azotte/proto';
import type { Knex } from 'knex';

/** One page, newest first, in the proto's form: `nextCursor` is '' on the last page. */
export async function pageOf<Row extends { id: string }>(
  query: Knex.QueryBuilder,
  request: commonV1.PageRequest | undefined,
): Promise<{ rows: Row[]; nextCursor: string }> {
  const page = await paginate<Row, Row>(query, request, (row) => row);
  return { rows: page.data, nextCursor: page.nextCursor ?? '' };
}
