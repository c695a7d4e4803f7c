import { scopedTable, type Db, type Scope } from '@azotte/common';
import type { Knex } from 'knex';
import { prefixPattern } from '../domain/search';

const terms = scopedTable('customer_search_terms');

/** Replaces the customer's search terms (none for an erased customer). */
export async function replaceSearchTerms(db: Db, scope: Scope, customerId: string, newTerms: string[]): Promise<void> {
  await terms.in(db, scope).andWhere({ customer_id: customerId }).delete();
  if (newTerms.length > 0) {
    await terms.insert(
      db,
      scope,
      newTerms.map((term) => ({ customer_id: customerId, term })),
    );
  }
}

/** The ids of the scope's customers with a term that starts with `query` (folded, as the terms are). */
export function customerIdsMatching(db: Db, scope: Scope, query: string): Knex.QueryBuilder {
  return terms.in(db, scope).andWhereRaw(`term LIKE ? ESCAPE '\\'`, [prefixPattern(query)]).select('customer_id');
}
