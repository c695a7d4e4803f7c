import type { Knex } from 'knex';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** What one counter is: `points` per `duration` seconds under `keyPrefix`. */
export interface LimitOptions {
  keyPrefix: string;
  points: number;
  duration: number;
}

/** Makes the counters of every limit (requests per credential, hosted pages, logins). */
export type LimiterFactory = (options: LimitOptions) => RateLimiterAbstract;

/**
 * Where the counters live, so that every gateway replica counts against the
 * same limit: Redis when one is configured, else the gateway's own Postgres
 * schema (table `rate_limits`), or the process (`memory`: one replica only).
 */
export type LimitStore =
  | { kind: 'memory' }
  | { kind: 'postgres'; knex: Knex; schema: string }
  | { kind: 'redis'; client: Redis };

/** The table the Postgres counters live in (created by the gateway's migrations). */
export const RATE_LIMITS_TABLE = 'rate_limits';

/**
 * A factory of limiters on `store`. A shared store that fails (Redis or
 * Postgres down) hands over to a counter in the process (the library's
 * insurance limiter): each replica then grants the limit on its own until the
 * store is back, erring on the generous side rather than refusing every request.
 */
export function limiterFactory(store: LimitStore): LimiterFactory {
  return (options) => {
    if (store.kind === 'memory') return new RateLimiterMemory(options);
    const insuranceLimiter = new RateLimiterMemory(options);
    if (store.kind === 'redis') {
      return new RateLimiterRedis({ ...options, storeClient: store.client, rejectIfRedisNotReady: true, insuranceLimiter });
    }
    return new RateLimiterPostgres({
      ...options,
      storeClient: store.knex,
      storeType: 'knex',
      schemaName: store.schema,
      tableName: RATE_LIMITS_TABLE,
      tableCreated: true,
      // The gateway's housekeeping deletes ended windows once per process; left on, each of the
      // limiters would run its own DELETE of the same table every five minutes.
      clearExpiredByTimeout: false,
      insuranceLimiter,
    });
  };
}
