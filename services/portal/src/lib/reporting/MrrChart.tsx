import { Area, AreaChart, Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../money';
import { t } from '../i18n';
import { atLeastOneUnit, atMostZero } from './axes';
import { ChartFigure, Legend } from './ChartFigure';
import { COLORS } from './colors';
import { formatBucket, formatMoneyShort } from './format';
import { mrrSummary } from './mrrSummary';
import { LOSSES, MOVEMENTS, type MrrReport } from './mrr';

const words = t.analytics.movements;

const money = (minor: number, currency: string | null) => (currency ? formatMoney(minor, currency) : String(minor));

const axis = { fontSize: 12, fill: COLORS.axis };

/**
 * MRR over the period as an area, and below it, on the same time axis, its
 * movements as stacked bars: gains above the line, losses (contraction,
 * churn) below it.
 */
// The default export is what the lazy wrapper loads: recharts stays out of a page's first chunk.
export default function MrrChart({ report, height = 300 }: { report: MrrReport; height?: number }) {
  const currency = report.currency;
  const data = report.data.map((p) => ({
    label: formatBucket(p.at, report.interval, true),
    mrr: p.mrr,
    ...Object.fromEntries(MOVEMENTS.map((m) => [m, LOSSES.has(m) ? -p[m] : p[m]])),
  }));
  const tick = (value: number) => formatMoneyShort(value, currency);
  const tooltip = (value: unknown) => money(Math.abs(Number(value)), currency);
  return (
    <div className="mrr-chart">
      <Legend items={[{ label: t.analytics.chart.legendMrr, color: COLORS.mrr }, ...MOVEMENTS.map((m) => ({ label: words[m], color: COLORS[m] }))]} />
      <ChartFigure summary={mrrSummary(report)} height={height}>
        <ResponsiveContainer width="100%" height={Math.round(height * 0.58)}>
          <AreaChart data={data} syncId="mrr" margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke={COLORS.grid} vertical={false} />
            <XAxis dataKey="label" hide scale="band" />
            <YAxis tickFormatter={tick} tick={axis} width={72} axisLine={false} tickLine={false} allowDecimals={false} domain={[0, atLeastOneUnit]} />
            <Tooltip formatter={tooltip} />
            <Area type="linear" dataKey="mrr" name={t.analytics.chart.legendMrr} stroke={COLORS.mrr} strokeWidth={2} fill={COLORS.mrrFill} isAnimationActive={false} />
          </AreaChart>
        </ResponsiveContainer>
        <p className="chart-sublabel">{t.analytics.chart.movementsTitle}</p>
        <ResponsiveContainer width="100%" height={height - Math.round(height * 0.58) - 24}>
          <BarChart data={data} syncId="mrr" stackOffset="sign" margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke={COLORS.grid} vertical={false} />
            <XAxis dataKey="label" tick={axis} tickLine={false} minTickGap={24} interval="preserveStartEnd" />
            <YAxis tickFormatter={tick} tick={axis} width={72} axisLine={false} tickLine={false} allowDecimals={false} domain={[atMostZero, atLeastOneUnit]} />
            <Tooltip formatter={tooltip} />
            <ReferenceLine y={0} stroke={COLORS.axis} />
            {MOVEMENTS.map((m) => (
              <Bar key={m} dataKey={m} name={words[m]} stackId="movements" fill={COLORS[m]} isAnimationActive={false} maxBarSize={28} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
    </div>
  );
}
