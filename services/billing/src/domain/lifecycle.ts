import { addDays } from './periods';
import { INCOMPLETE_PAYABLE_DAYS, nextRetryAt, RETRY_DAYS, type SubscriptionStatus } from './statuses';

/** When a charge of a subscription's invoice happens. */
export type ChargeMoment = 'first_invoice' | 'trial_end' | 'renewal' | 'retry' | 'price_change';

export interface BillingState {
  status: SubscriptionStatus;
  /** The end of the period the subscription is in after the charge's invoice. */
  periodEnd: Date;
  firstFailedAt: Date | null;
  retryCount: number;
}

export interface Transition {
  status: SubscriptionStatus;
  /** When the scheduler looks at it next; null when never again. */
  nextActionAt: Date | null;
  firstFailedAt: Date | null;
  retryCount: number;
  /** The subscription event the transition publishes, if any. */
  event: 'activated' | 'renewed' | 'past_due' | 'canceled' | null;
}

/**
 * The lifecycle of API.md in one pure function: what a subscription becomes
 * after a charge at `at` that was `paid` or declined. Operations and the
 * scheduler apply what it answers; the unit tests drive it with a fake clock.
 */
export function afterCharge(moment: ChargeMoment, paid: boolean, state: BillingState, at: Date): Transition {
  if (paid) {
    const recovered = state.status === 'past_due' || state.status === 'incomplete';
    const event = moment === 'renewal' ? 'renewed' : moment === 'price_change' && !recovered ? null : 'activated';
    return { status: 'active', nextActionAt: state.periodEnd, firstFailedAt: null, retryCount: 0, event };
  }
  switch (moment) {
    case 'first_invoice':
      // Payable for a day, then incomplete_expired.
      return { status: 'incomplete', nextActionAt: addDays(at, INCOMPLETE_PAYABLE_DAYS), firstFailedAt: at, retryCount: 0, event: null };
    case 'trial_end':
    case 'renewal':
    case 'price_change':
      return { status: 'past_due', nextActionAt: addDays(at, RETRY_DAYS[0]), firstFailedAt: at, retryCount: 0, event: 'past_due' };
    case 'retry': {
      const first = state.firstFailedAt ?? at;
      const retriesDone = state.retryCount + 1;
      const next = nextRetryAt(first, retriesDone);
      if (!next) return { status: 'canceled', nextActionAt: null, firstFailedAt: first, retryCount: retriesDone, event: 'canceled' };
      return { status: 'past_due', nextActionAt: next, firstFailedAt: first, retryCount: retriesDone, event: null };
    }
  }
}
