import type { Schema } from '../../../lib/api';
import { t } from '../../../lib/i18n';
import { OfferSummary } from './OfferSummary';
import { ScrollTable } from './ScrollTable';

const d = t.campaigns.detail;
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

/** A campaign's A/B variants: key, weight with its share of customers, and offer. */
export function VariantsTable({ variants }: { variants: Schema<'Campaign'>['variants'] }) {
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  return (
    <ScrollTable label={d.variantsCaption}>
      <table className="table">
        <caption className="sr-only">{d.variantsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{d.variant}</th>
            <th scope="col" className="num">
              {d.weight}
            </th>
            <th scope="col" className="num">
              {d.share}
            </th>
            <th scope="col">{d.offer}</th>
          </tr>
        </thead>
        <tbody>
          {variants.map((v) => (
            <tr key={v.key}>
              <td>
                <code>{v.key}</code>
              </td>
              <td className="num">{v.weight}</td>
              <td className="num">{total > 0 ? percent.format(v.weight / total) : '—'}</td>
              <td>
                <OfferSummary offer={v.offer} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
