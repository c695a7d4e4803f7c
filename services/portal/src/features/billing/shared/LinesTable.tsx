import type { ReactNode } from 'react';
import type { Schema } from '../../../lib/api';
import { Money } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { formatDate } from '../../../lib/time';

type Line = Schema<'InvoiceLine'>;
const text = t.billing.invoice;

/**
 * An invoice's lines with its totals below them — an invoice, or the one a
 * change of price would make. A credit line (negative) reads as such.
 */
export function LinesTable({ caption, lines, currency, totals }: { caption: string; lines: Line[]; currency: string; totals: Array<[label: string, amount: number, options?: { strong?: boolean; negative?: boolean }]> }) {
  return (
    // A region of its own: on a phone it scrolls sideways, so the keyboard must be able to reach it.
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="table bill-lines">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.description}</th>
            <th scope="col" className="num">
              {text.quantity}
            </th>
            <th scope="col" className="num">
              {text.amount}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, i) => (
            <tr key={i}>
              <td className="bill-line">
                <span>{line.description}</span>
                {line.periodStart && line.periodEnd ? (
                  <span className="muted bill-small">
                    {text.period}: {formatDate(line.periodStart)} – {formatDate(line.periodEnd)}
                  </span>
                ) : null}
              </td>
              <td className="num">{line.quantity}</td>
              <td className="num">
                <Money amount={line.amount} currency={currency} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {totals.map(([label, amount, options]) => (
            <TotalRow key={label} label={label} strong={options?.strong}>
              <Money amount={options?.negative && amount !== 0 ? -amount : amount} currency={currency} />
            </TotalRow>
          ))}
        </tfoot>
      </table>
    </div>
  );
}

function TotalRow({ label, strong, children }: { label: string; strong?: boolean; children: ReactNode }) {
  return (
    <tr className={strong ? 'bill-total-strong' : 'bill-total'}>
      <th scope="row" colSpan={2} className="num">
        {label}
      </th>
      <td className="num">{children}</td>
    </tr>
  );
}
