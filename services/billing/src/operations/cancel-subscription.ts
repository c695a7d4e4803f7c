import { unprocessable, type CallContext } from '@azotte/common';
import type { billingV1 } from '@azotte/proto';
import { BILLING_WRITERS, scopeFor } from '../domain/access';
import type { Deps } from '../domain/deps';
import { emitSubscription } from '../events/emit';
import { presentSubscription } from '../store/present';
import { subscriptionOf } from '../store/queries';
import { subscriptions } from '../store/tables';
import { endSubscription } from './end-subscription';

/**
 * Cancels now (open invoices are voided), or at the end of the period: the
 * subscription goes on, granting its entitlements, until the scheduler ends it
 * (billing.subscription.cancel_scheduled.v1 says so at once; asking again
 * changes nothing and emits nothing).
 */
export async function cancelSubscription(deps: Deps, ctx: CallContext, req: billingV1.CancelSubscriptionRequest): Promise<billingV1.Subscription> {
  const scope = scopeFor(ctx, BILLING_WRITERS);
  const at = await deps.clocks.now(scope);
  const row = await deps.db.transaction(async (trx) => {
    const sub = await subscriptionOf(trx, scope, req.id, true);
    if (sub.status === 'canceled' || sub.status === 'incomplete_expired') {
      throw unprocessable('subscription_ended', `Subscription ${sub.id} has already ended (${sub.status}).`);
    }
    if (req.atPeriodEnd && sub.status !== 'incomplete') {
      if (!sub.cancel_at_period_end) {
        Object.assign(sub, { cancel_at_period_end: true, canceled_at: at, updated_at: at });
        await subscriptions.in(trx, scope).where({ id: sub.id }).update({ cancel_at_period_end: true, canceled_at: at, updated_at: at });
        await emitSubscription(trx, scope, 'subscriptionCancelScheduled', sub, at, { previousStatus: sub.status });
      }
      return sub;
    }
    await endSubscription(trx, scope, sub, at, { status: 'canceled', openInvoices: 'void' });
    return sub;
  });
  deps.entitlements.forgetCustomer(scope, row.customer_id);
  return presentSubscription(row);
}
