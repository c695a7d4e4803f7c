import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { t } from '../../../lib/i18n';
import { ChartFigure, COLORS, formatCount, Legend } from '../../../lib/reporting';
import type { VariantRow } from './campaigns';

const text = t.analytics.campaigns;
const axis = { fontSize: 12, fill: COLORS.axis };

/** Per A/B variant: customers assigned beside redemptions. */
export function VariantsChart({ variants }: { variants: readonly VariantRow[] }) {
  const summary = t.analytics.chart.variantsSummary(
    variants.map((v) => `${v.variant}: ${formatCount(v.assigned)} ${text.assigned.toLowerCase()}, ${formatCount(v.redemptions)} ${text.redemptions.toLowerCase()}`).join('; '),
  );
  return (
    <div>
      <Legend items={[{ label: text.assigned, color: COLORS.assigned }, { label: text.redemptions, color: COLORS.redemptions }]} />
      <ChartFigure summary={summary} height={220}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={[...variants]} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke={COLORS.grid} vertical={false} />
            <XAxis dataKey="variant" tick={axis} tickLine={false} />
            <YAxis tick={axis} width={48} allowDecimals={false} axisLine={false} tickLine={false} />
            <Tooltip />
            <Bar dataKey="assigned" name={text.assigned} fill={COLORS.assigned} isAnimationActive={false} maxBarSize={40} />
            <Bar dataKey="redemptions" name={text.redemptions} fill={COLORS.redemptions} isAnimationActive={false} maxBarSize={40} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
    </div>
  );
}
