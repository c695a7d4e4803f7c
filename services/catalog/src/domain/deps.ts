import type { Clock, Logger, StorefrontDirectory } from '@azotte/common';
import type { Knex } from 'knex';

/**
 * The storefronts of the current call's scope, as the tenant service knows
 * them. Behind an interface so the rule that uses it does not know about gRPC.
 */
export type { StorefrontDirectory } from '@azotte/common';

/** What every operation may use: the service's database, its clock, its logger, and the storefronts. */
export interface Deps {
  db: Knex;
  clock: Clock;
  logger: Logger;
  storefronts: StorefrontDirectory;
}
