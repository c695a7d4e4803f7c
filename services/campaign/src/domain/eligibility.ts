import type { CampaignRow } from '../store/campaigns';
import type { CodeRow } from '../store/codes';
import { availabilityProblem, limitProblem, type Refusal } from './availability';
import type { Offer } from './offers';
import { matchesTargeting, type Facts } from './targeting';
import { chooseVariant, type Variant } from './variants';

/** A campaign an evaluation considers: an automatic one, or the one the presented code belongs to. */
export interface Candidate {
  campaign: CampaignRow;
  code?: CodeRow;
}

export type Decision = { applies: true; variant?: Variant; offer: Offer } | ({ applies: false } & Refusal);

/**
 * The variant of a customer: the one already assigned if there is one (it
 * never changes), else the one the weights choose from campaign and customer.
 */
export function variantOf(campaign: Pick<CampaignRow, 'id' | 'variants'>, customerId: string, assigned?: string): Variant | undefined {
  const stored = assigned === undefined ? undefined : campaign.variants.find((v) => v.key === assigned);
  return stored ?? chooseVariant(campaign.id, customerId, campaign.variants);
}

/**
 * Whether a campaign applies to a checkout, or why not, checked in this
 * order: running (`not_active`, `expired`), aimed at this checkout
 * (`not_targeted`: the rule tree, or an amount off in another currency than
 * the price's), then room left (`exhausted`).
 */
export function decide(candidate: Candidate, facts: Facts, at: Date, customerId: string, assigned?: string): Decision {
  const { campaign, code } = candidate;
  const unavailable = availabilityProblem(campaign, at);
  if (unavailable) return { applies: false, ...unavailable };
  if (!matchesTargeting(campaign.targeting, facts)) {
    return { applies: false, reason: 'not_targeted', message: 'The campaign does not target this customer and price.' };
  }
  const variant = variantOf(campaign, customerId, assigned);
  const offer = variant?.offer ?? campaign.offer;
  if (offer.type === 'amount_off' && offer.currency !== facts.currency) {
    return {
      applies: false,
      reason: 'not_targeted',
      message: `The offer takes ${offer.currency} off; the price is in ${facts.currency}.`,
    };
  }
  const exhausted = limitProblem(campaign, code);
  if (exhausted) return { applies: false, ...exhausted };
  return { applies: true, variant, offer };
}
