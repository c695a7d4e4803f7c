import type { Clock, Logger } from '@azotte/common';
import type { Knex } from 'knex';
import type { SecretBox } from './secrets';

/** What every operation may use: the service's database, its secret box, its clock, its logger. */
export interface Deps {
  db: Knex;
  secrets: SecretBox;
  clock: Clock;
  logger: Logger;
}
