import type { campaignV1 } from '@azotte/proto';
import type { OfferBody } from './campaign-schemas';

// Campaigns as API.md's JSON live in @azotte/proto (proto/src/public/campaign.ts): the webhook
// service's public events carry the very objects these routes answer.
export { presentCampaign, presentEvaluation, presentOffer } from '@azotte/proto';

/** An offer from the HTTP body to the proto: the percentage travels as a decimal string, never a float. */
export function offerToProto(o: OfferBody): campaignV1.Offer {
  switch (o.type) {
    case 'percent_off':
      return { type: o.type, percentOff: String(o.percentOff), durationCycles: o.durationCycles };
    case 'amount_off':
      return { type: o.type, amountOff: o.amountOff, currency: o.currency, durationCycles: o.durationCycles };
    case 'trial_extension':
      return { type: o.type, trialDays: o.trialDays };
  }
}

