import { CLOCKS_TABLE, type Db } from '@azotte/common';
import type { Knex } from 'knex';

/**
 * Subscriptions (as `s`) with an action due now by their environment's business clock: real time
 * plus the environment's test-clock offset (none in production). Used by the scheduler to take
 * them and by its metrics to count them, so the two never disagree on what "due" is.
 */
export function dueNow(db: Db, realNow: Date): Knex.QueryBuilder {
  return (db as Knex)('subscriptions as s')
    .leftJoin(`${CLOCKS_TABLE} as c`, (j) => j.on('c.tenant_id', 's.tenant_id').andOn('c.environment_id', 's.environment_id'))
    .whereNotNull('s.next_action_at')
    .whereRaw(`s.next_action_at <= ?::timestamptz + (COALESCE(c.offset_ms, 0) * interval '1 millisecond')`, [realNow.toISOString()]);
}
