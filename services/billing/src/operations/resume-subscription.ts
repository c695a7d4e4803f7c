import { unprocessable, type CallContext } from '@azotte/common';
import type { billingV1 } from '@azotte/proto';
import { BILLING_WRITERS, scopeFor } from '../domain/access';
import type { Deps } from '../domain/deps';
import { emitSubscription } from '../events/emit';
import { presentSubscription } from '../store/present';
import { subscriptionOf } from '../store/queries';
import { subscriptions } from '../store/tables';

/**
 * Undoes a cancel at period end: the subscription renews again. One not set
 * to cancel is answered unchanged (no event); one that has ended is a 422
 * `subscription_ended`.
 */
export async function resumeSubscription(deps: Deps, ctx: CallContext, req: billingV1.ResumeSubscriptionRequest): Promise<billingV1.Subscription> {
  const scope = scopeFor(ctx, BILLING_WRITERS);
  const at = await deps.clocks.now(scope);
  const row = await deps.db.transaction(async (trx) => {
    const sub = await subscriptionOf(trx, scope, req.id, true);
    if (sub.status === 'canceled' || sub.status === 'incomplete_expired') {
      throw unprocessable('subscription_ended', `Subscription ${sub.id} has already ended (${sub.status}).`);
    }
    if (!sub.cancel_at_period_end) return sub;
    const change = { cancel_at_period_end: false, canceled_at: null, updated_at: at };
    Object.assign(sub, change);
    await subscriptions.in(trx, scope).where({ id: sub.id }).update(change);
    await emitSubscription(trx, scope, 'subscriptionResumed', sub, at, { previousStatus: sub.status });
    return sub;
  });
  return presentSubscription(row);
}
