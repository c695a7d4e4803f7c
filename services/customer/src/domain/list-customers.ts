import { pageOf } from '@azotte/common';
import type { CallContext } from '@azotte/common';
import type { customerV1 } from '@azotte/proto';
import { liveCustomersQuery, toCustomer, type CustomerRow } from '../store/customers';
import { customerIdsMatching } from '../store/search-terms';
import { EVERY_ROLE, scopeFor } from './access';
import type { Deps } from './deps';
import { listCustomersSchema, validate } from './validation';

/**
 * The scope's customers, newest first, optionally filtered by exact email
 * and/or a prefix of the name, a word of it, or the email. Erased customers
 * never appear. Other services may list too.
 */
export async function listCustomers(
  deps: Deps,
  ctx: CallContext,
  request: customerV1.ListCustomersRequest,
): Promise<customerV1.ListCustomersResponse> {
  const scope = scopeFor(ctx, EVERY_ROLE, { services: true });
  const filters = validate(listCustomersSchema, { email: request.email, query: request.query });
  const query = liveCustomersQuery(deps.db, scope);
  if (filters.email) query.andWhere({ email: filters.email });
  if (filters.query) query.whereIn('id', customerIdsMatching(deps.db, scope, filters.query));
  const { rows, nextCursor } = await pageOf<CustomerRow>(query, request.page);
  return { data: rows.map(toCustomer), nextCursor };
}
