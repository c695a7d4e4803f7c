import type { CallContext } from '@azotte/common';
import type { analyticsV1 } from '@azotte/proto';
import type { Deps } from '../domain/deps';
import { toMinorUnits } from '../domain/exact';
import { MOVEMENT_KINDS } from '../domain/movements';
import { reportContext } from './context';
import { inReporting, mrrAt } from './figures';
import { bucketOfDay, bucketStarts } from './period';
import { addTo, convert, type Amounts } from './reporting';
import { MRR } from './rollups';
import { sumsByDay } from './window';

/**
 * MRR at the end of each bucket and its movements inside it (magnitudes,
 * in the reporting currency, each rounded once). The last point is at `to`.
 */
export async function mrrReport(deps: Deps, ctx: CallContext, request: analyticsV1.PeriodRequest): Promise<analyticsV1.MrrReport> {
  const { scope, period, reporting, header } = await reportContext(deps, ctx, request);
  const starts = bucketStarts(period);
  const [base, rows] = await Promise.all([mrrAt(deps.db, scope, period.from), sumsByDay(deps.db, MRR, scope, period.from, period.to)]);
  const buckets = starts.map(() => ({ net: new Map() as Amounts, kinds: Object.fromEntries(MOVEMENT_KINDS.map((k) => [k, new Map() as Amounts])) }));
  for (const row of rows) {
    const bucket = buckets[bucketOfDay(starts, row.day!)]!;
    addTo(bucket.net, row.currency!, row.net ?? '0');
    for (const kind of MOVEMENT_KINDS) addTo(bucket.kinds[kind]!, row.currency!, row[`${kind}_amount`] ?? '0');
  }
  const running: Amounts = new Map(base);
  const data = buckets.map((bucket, i) => {
    for (const [currency, value] of bucket.net) addTo(running, currency, value);
    const amount = (amounts: Amounts) => toMinorUnits(convert(reporting, amounts).total);
    return {
      at: (starts[i + 1] ?? period.to).toISOString(),
      mrr: amount(running),
      new: amount(bucket.kinds.new!),
      expansion: amount(bucket.kinds.expansion!),
      contraction: amount(bucket.kinds.contraction!),
      churn: amount(bucket.kinds.churn!),
      reactivation: amount(bucket.kinds.reactivation!),
    };
  });
  return { header, interval: period.interval, data, unconverted: inReporting(reporting, running).unconverted };
}
