import type { campaignV1 } from '../../gen';

// Proto carries enumerations as documented strings; the campaign service guarantees their values.
type CampaignStatus = 'draft' | 'active' | 'paused' | 'ended';
type Reason = 'expired' | 'exhausted' | 'not_targeted' | 'unknown_code' | 'not_active';

export type OfferJson =
  | { type: 'percent_off'; percentOff: number; durationCycles?: number }
  | { type: 'amount_off'; amountOff: number; currency: string; durationCycles?: number }
  | { type: 'trial_extension'; trialDays: number };

const cycles = (o: { durationCycles?: number }) => (o.durationCycles === undefined ? {} : { durationCycles: o.durationCycles });

/** An offer as API.md writes it: exactly the fields of its type; a percentage is a JSON number. */
export function presentOffer(o: campaignV1.Offer | undefined): OfferJson {
  switch (o?.type) {
    case 'percent_off':
      return { type: 'percent_off', percentOff: Number(o.percentOff), ...cycles(o) };
    case 'amount_off':
      return { type: 'amount_off', amountOff: o.amountOff ?? 0, currency: o.currency ?? '', ...cycles(o) };
    default:
      return { type: 'trial_extension', trialDays: o?.trialDays ?? 0 };
  }
}

export const presentCampaign = (c: campaignV1.Campaign) => ({
  id: c.id,
  name: c.name,
  status: c.status as CampaignStatus,
  startsAt: c.startsAt ?? null,
  endsAt: c.endsAt ?? null,
  offer: presentOffer(c.offer),
  targeting: (c.targeting ?? null) as Record<string, unknown> | null,
  codes: c.codes.map((code) => ({ code: code.code, maxRedemptions: code.maxRedemptions ?? null, redemptions: code.redemptions })),
  maxRedemptions: c.maxRedemptions ?? null,
  redemptions: c.redemptions,
  variants: c.variants.map((v) => ({ key: v.key, weight: v.weight, offer: presentOffer(v.offer) })),
  environmentId: c.environmentId,
  createdAt: c.createdAt ?? null,
  updatedAt: c.updatedAt ?? null,
});

/** API.md's `{ data: [{ campaignId, variant?, offer }] }`, with the reasons for what did not apply beside it. */
export const presentEvaluation = (e: campaignV1.EvaluateResponse) => ({
  data: e.applied.map((a) => ({ campaignId: a.campaignId, ...(a.variant ? { variant: a.variant } : {}), offer: presentOffer(a.offer) })),
  rejected: e.rejected.map((r) => ({
    campaignId: r.campaignId || null,
    code: r.code || null,
    reason: r.reason as Reason,
    message: r.message,
  })),
});
