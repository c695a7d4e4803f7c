import { Money } from '../components';
import { t } from '../i18n';
import { LOSSES, MOVEMENTS, movementTotals, type MrrReport } from './mrr';
import { COLORS } from './colors';

const words = t.analytics.movements;

/** The period's movements as numbers, beside the chart that draws them. */
export function MovementTotals({ report, caption }: { report: MrrReport; caption: string }) {
  const totals = movementTotals(report.data);
  const currency = report.currency;
  return (
    <table className="table movement-totals">
      <caption className="sr-only">{caption}</caption>
      <tbody>
        {MOVEMENTS.map((m) => (
          <tr key={m}>
            <th scope="row">
              <span className="legend-swatch" style={{ background: COLORS[m] }} aria-hidden="true" />
              {words[m]}
            </th>
            <td className="num">
              {LOSSES.has(m) && totals[m] > 0 ? '−' : ''}
              <Money amount={totals[m]} currency={currency} />
            </td>
          </tr>
        ))}
        <tr className="movement-net">
          <th scope="row">{words.net}</th>
          <td className="num">
            <Money amount={totals.net} currency={currency} />
          </td>
        </tr>
      </tbody>
    </table>
  );
}
