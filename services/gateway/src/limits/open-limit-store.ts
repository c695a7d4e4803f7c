import { openDatabase, type Database, type Logger } from '@azotte/common';
import { Redis } from 'ioredis';
import type { GatewayConfig } from '../config';
import type { LimitStore } from './limit-store';

export interface OpenLimitStore {
  store: LimitStore;
  close(): Promise<void>;
}

/** Connections of the counters' own pool, beside the gateway's. */
const COUNTER_POOL_MAX = 4;

/**
 * The rate limits' store the configuration names.
 * - Postgres: a pool of its own whose commits do not wait for the WAL flush
 *   (`synchronous_commit = off`): a counter lost in a server crash costs
 *   nothing, and a request no longer waits for a disk flush to be counted
 *   (the gateway's own records keep their durability on `db`).
 * - Redis: the client fails its commands at once while disconnected (no
 *   offline queue), so a request never waits on a Redis that is away: the
 *   limiters count in the process meanwhile.
 */
export async function openLimitStore(config: GatewayConfig, db: Database, logger: Logger): Promise<OpenLimitStore> {
  if (config.RATE_LIMIT_STORE === 'memory') return { store: { kind: 'memory' }, close: async () => undefined };
  if (config.RATE_LIMIT_STORE === 'postgres') {
    const counters = await openDatabase({
      url: config.DATABASE_URL,
      schema: db.schema,
      migrations: [],
      logger,
      poolMax: COUNTER_POOL_MAX,
      settings: { synchronous_commit: 'off' },
    });
    return { store: { kind: 'postgres', knex: counters.knex, schema: db.schema }, close: () => counters.close() };
  }
  const client = new Redis(config.REDIS_URL!, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectionName: 'azotte-gateway' });
  let down = false;
  client.on('error', (err: Error) => {
    if (!down) logger.warn({ err }, 'redis unreachable: rate limits count in this process until it is back');
    down = true;
  });
  client.on('ready', () => {
    if (down) logger.info('redis is back: rate limits are shared again');
    down = false;
  });
  return {
    store: { kind: 'redis', client },
    close: async () => {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
