import { paginate, type CallContext } from '@azotte/common';
import type { billingV1 } from '@azotte/proto';
import { EVERY_ROLE, scopeFor } from '../domain/access';
import type { Deps } from '../domain/deps';
import { presentSubscription } from '../store/present';
import { subscriptionOf } from '../store/queries';
import { subscriptions, type SubscriptionRow } from '../store/tables';

export async function getSubscription(deps: Deps, ctx: CallContext, req: billingV1.GetSubscriptionRequest): Promise<billingV1.Subscription> {
  const scope = scopeFor(ctx, EVERY_ROLE);
  return presentSubscription(await subscriptionOf(deps.db, scope, req.id));
}

/** The environment's subscriptions, newest first, by customer and status when asked. */
export async function listSubscriptions(deps: Deps, ctx: CallContext, req: billingV1.ListSubscriptionsRequest): Promise<billingV1.ListSubscriptionsResponse> {
  const scope = scopeFor(ctx, EVERY_ROLE);
  const q = subscriptions.in(deps.db, scope);
  if (req.customerId) q.where({ customer_id: req.customerId });
  if (req.status) q.where({ status: req.status });
  const page = await paginate<SubscriptionRow, billingV1.Subscription>(q, req.page, presentSubscription);
  return { data: page.data, nextCursor: page.nextCursor ?? '' };
}
