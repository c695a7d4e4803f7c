import { CLOCKS_TABLE, EnvironmentClocks, systemClock } from '@azotte/common';
import type { Knex } from 'knex';
import { applyEvent } from '../events/apply';
import { fromRow, type EventRow } from '../store/events';
import { rollupTables } from '../store/migrations/001_init';

/** Every table derived from `events` (the inbox and outbox are not). */
const PROJECTIONS = [
  'tenants',
  'customer_states',
  'subscription_states',
  'mrr_movements',
  'subscription_changes',
  'payments',
  'refunds',
  ...rollupTables(),
  'campaigns',
  'variant_assignments',
  'redemptions',
  CLOCKS_TABLE,
];

/**
 * Rebuilds every projection from the kept events, in business-time order, in
 * one transaction: live consumption waits on the lock meanwhile (its messages
 * stay in the queue), and a rebuild that fails leaves the old figures.
 * Returns the number of events replayed.
 */
export async function rebuildProjections(knex: Knex, batch = 1_000): Promise<number> {
  return knex.transaction(async (trx) => {
    await trx.raw('LOCK TABLE events IN EXCLUSIVE MODE');
    await trx.raw(`TRUNCATE ${PROJECTIONS.join(', ')}`);
    const clocks = new EnvironmentClocks(trx, systemClock);
    let replayed = 0;
    let after: { at: Date; id: string } | undefined;
    for (;;) {
      const query = trx<EventRow>('events').orderBy([{ column: 'occurred_at' }, { column: 'id' }]).limit(batch);
      if (after) query.whereRaw('(occurred_at, id) > (?, ?)', [after.at, after.id]);
      const rows = await query;
      for (const row of rows) await applyEvent(trx, clocks, fromRow(row));
      replayed += rows.length;
      if (rows.length < batch) return replayed;
      const last = rows[rows.length - 1]!;
      after = { at: last.occurred_at, id: last.id };
    }
  });
}
