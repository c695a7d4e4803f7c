import type { Clock, Logger } from '@azotte/common';
import type { Knex } from 'knex';

/**
 * The storefronts of the current call's scope, as the tenant service knows
 * them. Behind an interface so the rule that uses it does not know about gRPC.
 */
export interface StorefrontDirectory {
  /** The storefront's status, or undefined when the caller's environment has no such storefront. */
  statusOf(id: string): Promise<'active' | 'archived' | undefined>;
}

/** What every operation may use: the service's database, its clock, its logger, and the storefronts. */
export interface Deps {
  db: Knex;
  clock: Clock;
  logger: Logger;
  storefronts: StorefrontDirectory;
}
