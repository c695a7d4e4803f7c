import type { Clock, Logger } from '@azotte/common';
import type { Knex } from 'knex';
import type { Storefronts } from './storefronts';

/** What every operation may use: the service's database, its clock, its logger, the storefront directory. */
export interface Deps {
  db: Knex;
  clock: Clock;
  logger: Logger;
  storefronts: Storefronts;
}
