import { t } from '../i18n';
import { ratesToRows, type FxRates } from './rates';

/** The rates read-only, exactly as stored (decimal strings, never reformatted through a number). */
export function FxRatesTable({ rates, reportingCurrency }: { rates: FxRates; reportingCurrency: string }) {
  const rows = ratesToRows(rates);
  const fx = t.settings.fx.table;
  if (rows.length === 0) return <p className="muted">{fx.empty}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="sr-only">{fx.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{fx.currency}</th>
            <th scope="col" className="num">
              {fx.rate(reportingCurrency)}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.currency}>
              <td>
                <code>{row.currency}</code>
              </td>
              <td className="num">
                <span className="mono">{row.rate}</span> {reportingCurrency}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
