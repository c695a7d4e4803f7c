import type { EnvironmentClocks, Logger } from '@azotte/common';
import type { Knex } from 'knex';

/** What every projection and query may use. Business time is the environment's clock, never Date.now(). */
export interface Deps {
  db: Knex;
  clocks: EnvironmentClocks;
  logger: Logger;
}
