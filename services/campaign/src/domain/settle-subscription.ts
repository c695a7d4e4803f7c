import type { Scope } from '@azotte/common';
import type { Knex } from 'knex';
import { reservedForSubscription } from '../store/redemptions';
import { recordSubscription } from '../store/subscriptions';
import type { Deps } from './deps';
import { outcomeOf, settleRedemption } from './settlement';

/** What this service needs of billing's subscription snapshot (`payload.subscription`). */
export interface SubscriptionFacts {
  id: string;
  customerId?: string;
  status: string;
}

/**
 * Reacts to billing's news of a subscription (any `billing.subscription.*`
 * event), inside the consumer's transaction: remembers that its customer has
 * a subscription (for `newCustomer`), and settles the redemptions reserved
 * for it by the status it reached (settlement.ts). Keyed on the status, not
 * on the event's name, so every event that carries one is understood.
 */
export async function settleSubscription(deps: Deps, trx: Knex.Transaction, scope: Scope, subscription: SubscriptionFacts): Promise<void> {
  if (subscription.customerId) {
    await recordSubscription(trx, scope, {
      subscription_id: subscription.id,
      customer_id: subscription.customerId,
      status: subscription.status,
    });
  }
  const outcome = outcomeOf(subscription.status);
  if (!outcome) return;
  const reserved = await reservedForSubscription(trx, scope, subscription.id);
  if (reserved.length === 0) return;
  const at = await deps.clocks.now(scope, trx);
  for (const redemption of reserved) await settleRedemption(trx, scope, redemption, outcome, at);
}
