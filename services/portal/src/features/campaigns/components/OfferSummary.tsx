import type { Schema } from '../../../lib/api';
import { Money } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { describeOffer } from '../model/offer';

const o = t.campaigns.offer;

/** An offer in words, for tables and the overview; an amount shown with <Money> in its currency. */
export function OfferSummary({ offer }: { offer: Schema<'Offer'> }) {
  if (offer.type !== 'amount_off') return <span className="cmp-offer-summary">{describeOffer(offer)}</span>;
  const duration = offer.durationCycles === undefined ? o.forever : o.forCycles(offer.durationCycles);
  return (
    <span className="cmp-offer-summary">
      <Money amount={offer.amountOff} currency={offer.currency} /> {o.amountSuffix} {duration}
    </span>
  );
}
