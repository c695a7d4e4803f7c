import type { EnvironmentClocks, Logger } from '@azotte/common';
import type { Knex } from 'knex';
import type { FactsSource } from './facts';

/** What every operation may use. Business time is the environment's clock, never Date.now(). */
export interface Deps {
  db: Knex;
  clocks: EnvironmentClocks;
  logger: Logger;
  facts: FactsSource;
}
