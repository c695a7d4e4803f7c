import type { CallContext } from '@azotte/common';
import type { analyticsV1 } from '@azotte/proto';
import type { Deps } from '../domain/deps';
import { reportContext } from './context';
import { inReporting, revenueBetween } from './figures';
import { FAILURES } from './rollups';
import { sums } from './window';

/** Payment attempts in the period (retries count), successes, failures by decline code, refunds. */
export async function paymentReport(deps: Deps, ctx: CallContext, request: analyticsV1.PeriodRequest): Promise<analyticsV1.PaymentReport> {
  const { scope, period, reporting, header } = await reportContext(deps, ctx, request);
  const [revenue, failureRows] = await Promise.all([
    revenueBetween(deps.db, scope, period.from, period.to),
    sums(deps.db, FAILURES, scope, period.from, period.to),
  ]);
  const byCode = new Map<string, number>();
  for (const row of failureRows) byCode.set(row.failure_code!, (byCode.get(row.failure_code!) ?? 0) + Number(row.count ?? 0));
  const collected = inReporting(reporting, revenue.collected);
  const refunded = inReporting(reporting, revenue.refunded);
  return {
    header,
    attempts: revenue.attempts,
    successes: revenue.successes,
    failures: revenue.attempts - revenue.successes,
    successRate: revenue.attempts > 0 ? revenue.successes / revenue.attempts : undefined,
    failuresByCode: [...byCode]
      .filter(([, count]) => count > 0)
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .map(([code, count]) => ({ code, count })),
    refunds: revenue.refundCount,
    refunded: refunded.money,
    collected: collected.money,
    unconvertedCollected: collected.unconverted,
    unconvertedRefunded: refunded.unconverted,
  };
}
