export const SUBSCRIPTION_STATUSES = ['trialing', 'active', 'incomplete', 'incomplete_expired', 'past_due', 'canceled'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** The statuses whose subscriptions grant their bundle's entitlements. */
export const ENTITLED: readonly SubscriptionStatus[] = ['trialing', 'active', 'past_due'];

/** Days after the first failed renewal charge when it is retried; after the last failure, canceled. */
export const RETRY_DAYS = [3, 5, 7] as const;

/** How long the first invoice of an incomplete subscription stays payable. */
export const INCOMPLETE_PAYABLE_DAYS = 1;

/**
 * What the scheduler does with a subscription due at `next_action_at`, by
 * status. A table, so that the lifecycle can be read (and tested) in one place.
 */
export type DueAction = 'renew' | 'convert_trial' | 'retry' | 'expire' | 'cancel_at_period_end';

export function dueActionOf(status: SubscriptionStatus, cancelAtPeriodEnd: boolean): DueAction | undefined {
  switch (status) {
    case 'active':
      return cancelAtPeriodEnd ? 'cancel_at_period_end' : 'renew';
    case 'trialing':
      return cancelAtPeriodEnd ? 'cancel_at_period_end' : 'convert_trial';
    case 'past_due':
      return 'retry';
    case 'incomplete':
      return 'expire';
    default:
      return undefined;
  }
}

/** After a declined charge in dunning: the next retry, or undefined when dunning is over. */
export function nextRetryAt(firstFailedAt: Date, retriesDone: number): Date | undefined {
  const days = RETRY_DAYS[retriesDone];
  return days === undefined ? undefined : new Date(firstFailedAt.getTime() + days * 86_400_000);
}

export function isStatus(value: string): value is SubscriptionStatus {
  return (SUBSCRIPTION_STATUSES as readonly string[]).includes(value);
}
