import type { Scope } from '@azotte/common';
import { afterCharge } from '../domain/lifecycle';
import { periodBoundary, type Interval } from '../domain/periods';
import type { SubscriptionStatus } from '../domain/statuses';
import { draftInvoice } from '../operations/create-invoice';
import type { InvoiceRow, SubscriptionRow } from '../store/tables';

// The in-memory half of a renewal, shared by the one-at-a-time path and the
// batched one, so both bill a period with the same invoice and the same outcome.

export interface DraftRenewal {
  invoice: InvoiceRow;
  previousStatus: string;
  periodEnd: Date;
}

/** Moves `sub` to its next period (or the first after a trial) and drafts that period's invoice. */
export function draftRenewal(scope: Scope, sub: SubscriptionRow, at: Date, converting: boolean): DraftRenewal {
  const interval = sub.interval as Interval;
  const anchor = new Date(sub.billing_anchor);
  const cycle = converting ? 0 : sub.cycle + 1;
  const start = periodBoundary(anchor, interval, sub.interval_count, cycle);
  const end = periodBoundary(anchor, interval, sub.interval_count, cycle + 1);
  const previousStatus = sub.status;
  Object.assign(sub, { cycle, current_period_start: start, current_period_end: end, updated_at: at });
  const setupFee = converting ? Number(sub.setup_fee) : 0;
  const invoice = draftInvoice(scope, sub, {
    reason: 'subscription_cycle',
    lines: [
      {
        description: `${sub.quantity} × ${sub.bundle_id} (${sub.interval_count} ${sub.interval})`,
        amount: Number(sub.amount),
        quantity: Number(sub.quantity),
        periodStart: start.toISOString(),
        periodEnd: end.toISOString(),
        kind: 'subscription',
      },
      ...(setupFee > 0 ? [{ description: 'Setup fee', amount: setupFee, quantity: 1, kind: 'setup_fee' as const }] : []),
    ],
    discountable: Number(sub.amount),
    applyDiscount: true,
    periodStart: start,
    at,
  });
  return { invoice, previousStatus, periodEnd: end };
}

export type RenewalEvent = 'subscriptionRenewed' | 'subscriptionActivated' | 'subscriptionPastDue';

/** Applies the charge's outcome to `sub` (status, next action, dunning) and names the event to emit. */
export function settleRenewal(sub: SubscriptionRow, draft: DraftRenewal, paid: boolean, converting: boolean, at: Date): RenewalEvent {
  const next = afterCharge(converting ? 'trial_end' : 'renewal', paid, { status: sub.status as SubscriptionStatus, periodEnd: draft.periodEnd, firstFailedAt: null, retryCount: 0 }, at);
  Object.assign(sub, { status: next.status, next_action_at: next.nextActionAt, first_failed_at: next.firstFailedAt, retry_count: next.retryCount });
  return next.event === 'renewed' ? 'subscriptionRenewed' : next.event === 'activated' ? 'subscriptionActivated' : 'subscriptionPastDue';
}

/** The columns a renewal changes on the subscription row, as `sub` now has them. */
export const renewalChange = (sub: SubscriptionRow) => ({
  cycle: sub.cycle,
  current_period_start: sub.current_period_start,
  current_period_end: sub.current_period_end,
  updated_at: sub.updated_at,
  status: sub.status,
  next_action_at: sub.next_action_at,
  first_failed_at: sub.first_failed_at,
  retry_count: sub.retry_count,
});
