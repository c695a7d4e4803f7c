import { Money } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import type { Price } from '../api/queries';
import { decimalMinorToInput, tierFrom } from '../model/tiers';

const text = t.catalog.tiers;

/** A tiered price's tiers, read-only: from, up to, unit and flat amounts. */
export function TiersTable({ price }: { price: Price }) {
  const tiers = price.tiers ?? [];
  const rows = tiers.map((tier) => ({ upTo: tier.upTo === null ? '' : String(tier.upTo) }));
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="sr-only">{text.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.from}</th>
            <th scope="col">{text.upTo}</th>
            <th scope="col" className="num">
              {text.unitAmount}
            </th>
            <th scope="col" className="num">
              {text.flatAmount}
            </th>
          </tr>
        </thead>
        <tbody>
          {tiers.map((tier, i) => (
            <tr key={i}>
              <td>{tierFrom(rows, i)}</td>
              <td>{tier.upTo === null ? text.andAbove : tier.upTo}</td>
              <td className="num">
                {tier.unitAmount !== null ? (
                  <Money amount={tier.unitAmount} currency={price.currency} />
                ) : tier.unitAmountDecimal ? (
                  <span className="money">
                    {decimalMinorToInput(tier.unitAmountDecimal, price.currency)} {price.currency}
                  </span>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="num">
                <Money amount={tier.flatAmount} currency={price.currency} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
