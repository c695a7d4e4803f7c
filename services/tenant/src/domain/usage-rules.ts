/** The calendar month of an instant, in UTC: `2025-03`. */
export function monthOf(at: Date | string): string {
  return new Date(at).toISOString().slice(0, 7);
}

/** Subscription statuses that count as active in a tenant's usage (they hold a seat). */
const ACTIVE_STATUSES = new Set(['trialing', 'active', 'past_due']);

export const isActiveSubscription = (status: string | undefined) => status !== undefined && ACTIVE_STATUSES.has(status);

/** Events of other services that move the usage gauges (their payloads are the producers'). */
export const CUSTOMER_CREATED = 'customer.customer.created.v1';
/** Erasure (personal data removed) and deletion both take a customer out of the count, once. */
export const CUSTOMER_REMOVED: ReadonlySet<string> = new Set(['customer.customer.erased.v1', 'customer.customer.deleted.v1']);
/** Any change of a subscription: its payload carries `subscription: { id, status }`. */
export const SUBSCRIPTION_CHANGED = /^billing\.subscription\.[a-z_]+\.v\d+$/;
