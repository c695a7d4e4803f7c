import type { PriceFacts } from './facts';
import { discountOn, isDiscount, type Offer } from './offers';
import type { Variant } from './variants';

/** A campaign that applies, with the offer it gives this customer. */
export interface Applicable {
  campaignId: string;
  /** The presented code that unlocked it, upper case. */
  code?: string;
  variant?: Variant;
  offer: Offer;
}

/**
 * What billing applies: at most one discount and at most one trial
 * extension. In each slot the campaign of a presented code wins if it fills
 * it; otherwise the largest discount on one period of the price (amount at
 * quantity 1), or the longest trial extension. Ties go to the oldest
 * campaign (ids sort by creation time).
 */
export function selectOffers(applicable: Applicable[], price: PriceFacts, presentedCampaignId?: string): Applicable[] {
  const best = (slot: Applicable[], worth: (offer: Offer) => number): Applicable | undefined => {
    const presented = slot.find((a) => a.campaignId === presentedCampaignId);
    if (presented) return presented;
    return [...slot].sort((a, b) => worth(b.offer) - worth(a.offer) || (a.campaignId < b.campaignId ? -1 : 1))[0];
  };
  const discount = best(
    applicable.filter((a) => isDiscount(a.offer)),
    (offer) => discountOn(offer, price.amount, price.currency),
  );
  const trial = best(
    applicable.filter((a) => a.offer.type === 'trial_extension'),
    (offer) => (offer.type === 'trial_extension' ? offer.trialDays : 0),
  );
  return [discount, trial].filter((a): a is Applicable => a !== undefined);
}
