import { Button } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { groupedNumber, TEST_CARDS } from './card-form';

const text = t.customers.testCards;

/** The sandbox's test cards, each with a button that fills the form (shown in sandbox environments only). */
export function TestCards({ onUse }: { onUse: (number: string) => void }) {
  return (
    <section className="cus-test-cards" aria-labelledby="test-cards-title">
      <h3 id="test-cards-title">{text.title}</h3>
      <p className="muted cus-small">{text.lead}</p>
      <table className="table cus-test-cards-table">
        <caption className="sr-only">{text.title}</caption>
        <thead>
          <tr>
            <th scope="col">{text.number}</th>
            <th scope="col">{text.behaviour}</th>
            <th scope="col" className="cus-actions">
              <span className="sr-only">{t.common.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {TEST_CARDS.map((card) => (
            <tr key={card.number}>
              <td className="mono cus-nowrap">{groupedNumber(card.number)}</td>
              <td>{card.behaviour}</td>
              <td className="num">
                <Button size="small" aria-label={text.useLabel(card.number)} onClick={() => onUse(card.number)}>
                  {text.use}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
