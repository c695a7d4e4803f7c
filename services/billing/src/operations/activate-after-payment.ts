import type { Db, Scope } from '@azotte/common';
import { afterCharge } from '../domain/lifecycle';
import { emitSubscription } from '../events/emit';
import { subscriptions, type SubscriptionRow } from '../store/tables';

/**
 * An incomplete or past_due subscription whose open invoice was paid becomes
 * active again; the scheduler looks at it next at its period's end.
 */
export async function activateAfterPayment(trx: Db, scope: Scope, sub: SubscriptionRow, invoiceId: string, at: Date): Promise<void> {
  if (sub.status !== 'incomplete' && sub.status !== 'past_due') return;
  const previousStatus = sub.status;
  const next = afterCharge('retry', true, { status: sub.status, periodEnd: new Date(sub.current_period_end), firstFailedAt: sub.first_failed_at, retryCount: sub.retry_count }, at);
  const change = { status: next.status, first_failed_at: next.firstFailedAt, retry_count: next.retryCount, next_action_at: next.nextActionAt, updated_at: at };
  Object.assign(sub, change);
  await subscriptions.in(trx, scope).where({ id: sub.id }).update(change);
  await emitSubscription(trx, scope, 'subscriptionActivated', sub, at, { previousStatus, invoiceId });
}
