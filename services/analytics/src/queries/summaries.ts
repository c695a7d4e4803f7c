import type { CallContext } from '@azotte/common';
import type { analyticsV1 } from '@azotte/proto';
import type { Deps } from '../domain/deps';
import { reportContext } from './context';
import { churnOf, countsAt, inReporting, minus, mrrAt, revenueBetween } from './figures';
import { MRR } from './rollups';
import { sums } from './window';

/** The dashboard's `subscriptions` source: MRR and counts at `to`, churn over the period. */
export async function subscriptionSummary(deps: Deps, ctx: CallContext, request: analyticsV1.PeriodRequest): Promise<analyticsV1.SubscriptionSummary> {
  const { scope, period, reporting, header } = await reportContext(deps, ctx, request);
  const [mrr, counts, churn] = await Promise.all([
    mrrAt(deps.db, scope, period.to),
    countsAt(deps.db, scope, period.to),
    churnOf(deps.db, scope, period.from, period.to),
  ]);
  const converted = inReporting(reporting, mrr);
  return {
    header,
    mrr: converted.money,
    activeSubscriptions: counts.active,
    trialingSubscriptions: counts.trialing,
    churnRate: churn.churnRate,
    unconverted: converted.unconverted,
  };
}

/** The dashboard's `payments` source: success rate per attempt and revenue over the period. */
export async function paymentSummary(deps: Deps, ctx: CallContext, request: analyticsV1.PeriodRequest): Promise<analyticsV1.PaymentSummary> {
  const { scope, period, reporting, header } = await reportContext(deps, ctx, request);
  const revenue = await revenueBetween(deps.db, scope, period.from, period.to);
  const converted = inReporting(reporting, minus(revenue.collected, revenue.refunded));
  // Gross and refunds rounded each, as the revenue and payment reports show them, so that every report
  // gives the same net for the same period.
  const net = inReporting(reporting, revenue.collected).money.amount - inReporting(reporting, revenue.refunded).money.amount;
  return {
    header,
    paymentSuccessRate: revenue.attempts > 0 ? revenue.successes / revenue.attempts : undefined,
    revenue: { ...converted.money, amount: net },
    unconverted: converted.unconverted,
  };
}

/** The dashboard's `customers` source: customers whose first MRR began in the period. */
export async function customerSummary(deps: Deps, ctx: CallContext, request: analyticsV1.PeriodRequest): Promise<analyticsV1.CustomerSummary> {
  const { scope, period, header } = await reportContext(deps, ctx, request);
  const rows = await sums(deps.db, MRR, scope, period.from, period.to);
  return { header, newCustomers: rows.reduce((n, row) => n + Number(row.new_customers ?? 0), 0) };
}
