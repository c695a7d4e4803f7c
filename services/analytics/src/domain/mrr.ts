import { discountOn } from '@azotte/common';
import { ratio, ZERO, type Ratio } from './exact';

/** The subscription as analytics reads it from billing's events (SubscriptionSnapshot's JSON). */
export interface Snapshot {
  id: string;
  customerId: string;
  status: string;
  priceId?: string;
  bundleId?: string;
  quantity?: number;
  storefrontId?: string;
  campaignId?: string;
  variant?: string;
  amount: number;
  currency: string;
  interval: string;
  intervalCount: number;
  discount?: { type: string; percentOff?: string; amountOff?: number; remainingCycles?: number };
  occurredAt: string;
}

/** Statuses that bring MRR and count as active (API.md: active = active + past_due). */
export const ACTIVE_STATUSES: ReadonlySet<string> = new Set(['active', 'past_due']);

// One period of each interval, as a fraction of a month.
const PER_MONTH: Record<string, [bigint, bigint]> = {
  day: [365n, 12n],
  week: [52n, 12n],
  month: [1n, 1n],
  year: [1n, 12n],
};

/** True while the discount will still apply to the next invoice (absent cycles = forever). */
const inForce = (discount: Snapshot['discount']) =>
  discount !== undefined && (discount.remainingCycles === undefined || discount.remainingCycles > 0);

/**
 * The subscription's monthly recurring revenue in minor units of its currency,
 * exact (API.md): price × quantity for one period, less a recurring discount
 * still in force (rounded per invoice, as billing charges it), normalized to
 * one month (year ÷ 12, week × 52 ÷ 12, day × 365 ÷ 12, ÷ intervalCount).
 * Zero unless active or past_due (trials count 0). Tax is not in `amount`.
 */
export function monthlyRecurring(s: Snapshot): Ratio {
  if (!ACTIVE_STATUSES.has(s.status)) return ZERO;
  const perMonth = PER_MONTH[s.interval];
  if (!perMonth) return ZERO;
  const discount = inForce(s.discount) ? discountOn(s.amount, s.discount) : 0;
  const net = BigInt(s.amount - discount);
  return ratio(net * perMonth[0], perMonth[1] * BigInt(Math.max(1, s.intervalCount || 1)));
}
