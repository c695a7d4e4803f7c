import type { Db, Scope } from '@azotte/common';
import { customerHasRedemption } from '../store/redemptions';
import { customerHasSubscription } from '../store/subscriptions';

/**
 * `newCustomer` of the targeting rules: the customer has no earlier
 * subscription. Known from billing's subscription events (one that expired
 * incomplete never started and does not count), and from this service's own
 * redemptions: a customer holding a reserved or confirmed redemption is
 * buying already, so two checkouts at once cannot both claim a new-customer
 * offer.
 */
export async function isNewCustomer(db: Db, scope: Scope, customerId: string): Promise<boolean> {
  const [subscribed, redeemed] = await Promise.all([
    customerHasSubscription(db, scope, customerId),
    customerHasRedemption(db, scope, customerId),
  ]);
  return !subscribed && !redeemed;
}
