import type { CallContext } from '@azotte/common';
import type { analyticsV1 } from '@azotte/proto';
import type { Deps } from '../domain/deps';
import { reportContext } from './context';
import { churnOf, inReporting } from './figures';
import { addTo, type Amounts } from './reporting';
import { MRR } from './rollups';
import { sums } from './window';

/** Churn over the period: subscriptions canceled after having been paid ÷ those active at `from`, and the MRR lost. */
export async function churnReport(deps: Deps, ctx: CallContext, request: analyticsV1.PeriodRequest): Promise<analyticsV1.ChurnReport> {
  const { scope, period, reporting, header } = await reportContext(deps, ctx, request);
  const [churn, movements] = await Promise.all([
    churnOf(deps.db, scope, period.from, period.to),
    sums(deps.db, MRR, scope, period.from, period.to),
  ]);
  const lost: Amounts = new Map();
  for (const row of movements) addTo(lost, row.currency!, row.churn_amount ?? '0');
  return { header, ...churn, churnedMrr: inReporting(reporting, lost).money.amount };
}
