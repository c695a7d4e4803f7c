import type { ReactNode } from 'react';

/**
 * A chart as assistive technology meets it: one image whose name says what
 * it shows in words; the numbers are in the table beside it.
 */
export function ChartFigure({ summary, children, height = 260 }: { summary: string; children: ReactNode; height?: number }) {
  return (
    <div className="chart-figure" role="img" aria-label={summary} style={{ height }}>
      {children}
    </div>
  );
}

/** A legend drawn as HTML, so it reads at every width; hidden from assistive technology (the chart is named in words). */
export function Legend({ items }: { items: ReadonlyArray<{ label: string; color: string }> }) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {items.map((item) => (
        <li key={item.label}>
          <span className="legend-swatch" style={{ background: item.color }} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
