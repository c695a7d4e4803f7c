import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { t } from '../../../lib/i18n';
import { ChartFigure, COLORS, formatCount } from '../../../lib/reporting';

const axis = { fontSize: 12, fill: COLORS.axis };

/** Failed attempts per decline code, as horizontal bars (longest first). */
export function FailuresChart({ failures }: { failures: ReadonlyArray<{ code: string; count: number }> }) {
  const data = [...failures].sort((a, b) => b.count - a.count);
  const summary = t.analytics.chart.failuresSummary(data.map((f) => `${f.code} ${formatCount(f.count)}`).join(', '));
  return (
    <ChartFigure summary={summary} height={Math.max(120, 44 * data.length + 40)}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid stroke={COLORS.grid} horizontal={false} />
          <XAxis type="number" tick={axis} allowDecimals={false} tickLine={false} />
          <YAxis type="category" dataKey="code" tick={axis} width={150} tickLine={false} axisLine={false} />
          <Tooltip />
          <Bar dataKey="count" name={t.analytics.payments.count} fill={COLORS.failures} isAnimationActive={false} maxBarSize={26} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
