import type { Schema } from '../../../lib/api';

export type RevenueReport = Schema<'RevenueReport'>;
export type RevenueRow = RevenueReport['data'][number];
export type GroupBy = 'storefront' | 'bundle' | 'currency';

export const GROUP_BYS: readonly GroupBy[] = ['storefront', 'bundle', 'currency'];

export const isGroupBy = (value: string | null): value is GroupBy => (GROUP_BYS as readonly string[]).includes(value ?? '');

export interface GroupTotal {
  group: string | null;
  gross: number;
  refunds: number;
  net: number;
}

/** The report's rows summed per group, largest net first. */
export function totalsByGroup(rows: readonly RevenueRow[]): GroupTotal[] {
  const totals = new Map<string | null, GroupTotal>();
  for (const row of rows) {
    const total = totals.get(row.group) ?? { group: row.group, gross: 0, refunds: 0, net: 0 };
    total.gross += row.gross;
    total.refunds += row.refunds;
    total.net += row.net;
    totals.set(row.group, total);
  }
  return [...totals.values()].sort((a, b) => b.net - a.net);
}

/** A CSV row: a converted row of `data`, or one of `unconverted` in its own currency. */
export type RevenueCsvRow = RevenueRow & { converted: boolean };

export const csvRows = (report: RevenueReport): RevenueCsvRow[] => [
  ...report.data.map((r) => ({ ...r, converted: true })),
  ...report.unconverted.map((r) => ({ ...r, converted: false })),
];
