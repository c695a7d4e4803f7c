import { RETENTION_MS, type Deps } from './deps';

/** Deletes public events older than 30 days (real time), with their deliveries and attempts, a batch at a time. */
export async function purgeExpiredEvents(deps: Deps, batch = 1_000): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - RETENTION_MS);
  let total = 0;
  for (;;) {
    const deleted = await deps.db('events')
      .whereIn('id', deps.db('events').where('recorded_at', '<', before).limit(batch).select('id'))
      .delete();
    total += deleted;
    if (deleted < batch) return total;
  }
}
