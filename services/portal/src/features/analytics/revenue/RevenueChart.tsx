import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../../../lib/money';
import { t } from '../../../lib/i18n';
import { atLeastOneUnit, atMostZero, bucketStarts, ChartFigure, COLORS, formatBucket, formatMoneyShort, Legend } from '../../../lib/reporting';
import { totalsByGroup, type GroupBy, type RevenueReport } from './revenue';

const text = t.analytics.revenue;
const axis = { fontSize: 12, fill: COLORS.axis };

/**
 * Revenue drawn: without grouping, the net of each bucket over time (empty
 * buckets at zero); grouped, gross, refunds and net side by side per group.
 */
export function RevenueChart({ report, groupBy, groupName }: { report: RevenueReport; groupBy: GroupBy | undefined; groupName: (g: string | null) => string }) {
  const currency = report.currency;
  const money = (minor: number) => (currency ? formatMoney(minor, currency) : String(minor));
  const tick = (value: number) => formatMoneyShort(value, currency);
  const tooltip = (value: unknown) => money(Number(value));
  if (groupBy) {
    const groups = totalsByGroup(report.data).map((g) => ({ ...g, label: groupName(g.group) }));
    const summary = t.analytics.chart.revenueSummary(text.perGroup(text.groups[groupBy]), groups.map((g) => `${g.label} ${money(g.net)}`).join(', ') || money(0));
    return (
      <div>
        <Legend items={[{ label: text.gross, color: COLORS.gross }, { label: text.refunds, color: COLORS.refunds }, { label: text.net, color: COLORS.net }]} />
        <ChartFigure summary={summary}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={groups} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid stroke={COLORS.grid} vertical={false} />
              <XAxis dataKey="label" tick={axis} tickLine={false} interval={0} />
              <YAxis tickFormatter={tick} tick={axis} width={72} axisLine={false} tickLine={false} allowDecimals={false} domain={[atMostZero, atLeastOneUnit]} />
              <Tooltip formatter={tooltip} />
              <ReferenceLine y={0} stroke={COLORS.axis} />
              <Bar dataKey="gross" name={text.gross} fill={COLORS.gross} isAnimationActive={false} maxBarSize={40} />
              <Bar dataKey="refunds" name={text.refunds} fill={COLORS.refunds} isAnimationActive={false} maxBarSize={40} />
              <Bar dataKey="net" name={text.net} fill={COLORS.net} isAnimationActive={false} maxBarSize={40} />
            </BarChart>
          </ResponsiveContainer>
        </ChartFigure>
      </div>
    );
  }
  const net = new Map<string, number>();
  for (const row of report.data) net.set(new Date(row.at).toISOString(), (net.get(new Date(row.at).toISOString()) ?? 0) + row.net);
  const data = bucketStarts(report.period, report.interval).map((at) => ({ label: formatBucket(at, report.interval), net: net.get(at) ?? 0 }));
  const summary = t.analytics.chart.revenueSummary(text.overTime, money(report.totals.net));
  return (
    <div>
      <Legend items={[{ label: text.net, color: COLORS.net }]} />
      <ChartFigure summary={summary}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke={COLORS.grid} vertical={false} />
            <XAxis dataKey="label" tick={axis} tickLine={false} minTickGap={24} interval="preserveStartEnd" />
            <YAxis tickFormatter={tick} tick={axis} width={72} axisLine={false} tickLine={false} allowDecimals={false} domain={[atMostZero, atLeastOneUnit]} />
            <Tooltip formatter={tooltip} />
            <ReferenceLine y={0} stroke={COLORS.axis} />
            <Bar dataKey="net" name={text.net} fill={COLORS.net} isAnimationActive={false} maxBarSize={32} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
    </div>
  );
}
