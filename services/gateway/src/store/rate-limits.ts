import type { Knex } from 'knex';
import { RATE_LIMITS_TABLE } from '../limits/limit-store';

/** The rate limits' shared counters in Postgres: a window that has ended is deleted by housekeeping. */
export class RateLimitCounters {
  constructor(private readonly knex: Knex) {}

  async purgeExpired(now = new Date()): Promise<number> {
    return this.knex(RATE_LIMITS_TABLE).where('expire', '<', now.getTime()).delete();
  }
}
