import type { CallContext } from '@azotte/common';
import type { analyticsV1 } from '@azotte/proto';
import type { Deps } from '../domain/deps';
import { div, mul, ratio, toMinorUnits } from '../domain/exact';
import { reportContext } from './context';
import { churnOf, countsAt, mrrAt } from './figures';
import { convert } from './reporting';
import { MRR } from './rollups';
import { sums } from './window';

/**
 * Customers: new (their first MRR began in the period), active at `to`, ARPU
 * (MRR ÷ active customers) and LTV (ARPU ÷ the period's churn rate), each
 * rounded once.
 */
export async function customerReport(deps: Deps, ctx: CallContext, request: analyticsV1.PeriodRequest): Promise<analyticsV1.CustomerReport> {
  const { scope, period, reporting, header } = await reportContext(deps, ctx, request);
  const [movements, counts, mrr, churn] = await Promise.all([
    sums(deps.db, MRR, scope, period.from, period.to),
    countsAt(deps.db, scope, period.to),
    mrrAt(deps.db, scope, period.to),
    churnOf(deps.db, scope, period.from, period.to),
  ]);
  const newCustomers = movements.reduce((n, row) => n + Number(row.new_customers ?? 0), 0);
  const { total } = convert(reporting, mrr);
  const arpu = counts.customers > 0 ? div(total, ratio(counts.customers)) : undefined;
  // LTV = ARPU ÷ (churned ÷ active at start) = ARPU × active at start ÷ churned; absent without a churn rate
  // (nothing active at `from`), as without churn.
  const ltv = arpu && churn.churned > 0 && churn.activeAtStart > 0 ? mul(arpu, ratio(churn.activeAtStart, churn.churned)) : undefined;
  return {
    header,
    newCustomers,
    activeCustomers: counts.customers,
    arpu: arpu ? toMinorUnits(arpu) : undefined,
    ltv: ltv ? toMinorUnits(ltv) : undefined,
    churnRate: churn.churnRate,
  };
}
