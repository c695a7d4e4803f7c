import type { CallContext } from '@azotte/common';
import type { analyticsV1 } from '@azotte/proto';
import type { Deps } from '../domain/deps';
import { toMinorUnits } from '../domain/exact';
import { reportContext } from './context';
import { bucketOfDay, bucketStarts, type GroupBy } from './period';
import { addTo, convert, type Amounts } from './reporting';
import { PAYMENTS, REFUNDS } from './rollups';
import { sumsByDay, type Row } from './window';

const GROUP_COLUMN: Record<GroupBy, (row: Row) => string> = {
  '': () => '',
  storefront: (row) => row.storefront_id ?? '',
  bundle: (row) => row.bundle_id ?? '',
  currency: (row) => row.currency ?? '',
};

interface Cell {
  at: string;
  group: string;
  gross: Amounts;
  refunds: Amounts;
}

/**
 * Revenue per bucket (and group): succeeded payments (gross), succeeded
 * refunds, and net = gross − refunds, in the reporting currency; rows in a
 * currency without a rate are listed apart in their own currency.
 */
export async function revenueReport(deps: Deps, ctx: CallContext, request: analyticsV1.PeriodRequest): Promise<analyticsV1.RevenueReport> {
  const { scope, period, reporting, header } = await reportContext(deps, ctx, request);
  const starts = bucketStarts(period);
  const [payments, refunds] = await Promise.all([
    sumsByDay(deps.db, PAYMENTS, scope, period.from, period.to),
    sumsByDay(deps.db, REFUNDS, scope, period.from, period.to),
  ]);
  const groupOf = GROUP_COLUMN[period.groupBy];
  const cells = new Map<string, Cell>();
  const cell = (row: Row) => {
    const at = starts[bucketOfDay(starts, row.day!)]!.toISOString();
    const group = groupOf(row);
    const key = `${at}|${group}`;
    let found = cells.get(key);
    if (!found) cells.set(key, (found = { at, group, gross: new Map(), refunds: new Map() }));
    return found;
  };
  const totals = { gross: new Map() as Amounts, refunds: new Map() as Amounts };
  for (const row of payments) {
    addTo(cell(row).gross, row.currency!, row.collected ?? '0');
    addTo(totals.gross, row.currency!, row.collected ?? '0');
  }
  for (const row of refunds) {
    addTo(cell(row).refunds, row.currency!, row.amount ?? '0');
    addTo(totals.refunds, row.currency!, row.amount ?? '0');
  }

  const data: analyticsV1.RevenueRow[] = [];
  const unconverted: analyticsV1.RevenueRow[] = [];
  const sorted = [...cells.values()].sort((a, b) => (a.at === b.at ? a.group.localeCompare(b.group) : a.at.localeCompare(b.at)));
  for (const c of sorted) {
    const gross = convert(reporting, c.gross);
    const refunded = convert(reporting, c.refunds);
    // A bucket that only saw failed attempts has nothing to show.
    if (gross.total.n !== 0n || refunded.total.n !== 0n) {
      const g = toMinorUnits(gross.total);
      const r = toMinorUnits(refunded.total);
      data.push({ at: c.at, group: c.group, gross: g, refunds: r, net: g - r, currency: reporting?.currency ?? '' });
    }
    for (const currency of new Set([...gross.unconverted.keys(), ...refunded.unconverted.keys()])) {
      const g = toMinorUnits(gross.unconverted.get(currency) ?? { n: 0n, d: 1n });
      const r = toMinorUnits(refunded.unconverted.get(currency) ?? { n: 0n, d: 1n });
      unconverted.push({ at: c.at, group: c.group, gross: g, refunds: r, net: g - r, currency });
    }
  }
  const gross = toMinorUnits(convert(reporting, totals.gross).total);
  const refunded = toMinorUnits(convert(reporting, totals.refunds).total);
  return { header, interval: period.interval, groupBy: period.groupBy, data, unconverted, gross, refunds: refunded, net: gross - refunded };
}
