import { z } from 'zod';
import type { Schema } from '../../../lib/api';
import { t } from '../../../lib/i18n';
import { isoToLocal, localToIso } from '../model/datetime';
import { wholeOf, wholeText } from '../model/numbers';
import { emptyOffer, offerFromApi, offerSchema, offerToApi, type OfferValues } from '../model/offer';
import { fromTargeting, newGroup, toTargeting, type GroupDraft } from '../targeting/tree';
import { validateTree } from '../targeting/validate';

type Campaign = Schema<'Campaign'>;

/**
 * The campaign form, its fields named as the API names them (`offer.percentOff`,
 * `codes.0.code`, `variants.1.offer.amountOff`, `targeting.all.0.value`), so
 * that the API's `errors[]` land beside the field each names.
 */
export interface CampaignValues {
  name: string;
  startsAt: string;
  endsAt: string;
  maxRedemptions: string;
  offer: OfferValues;
  codes: Array<{ code: string; maxRedemptions: string; redemptions?: number }>;
  variants: Array<{ key: string; weight: string; offer: OfferValues }>;
  targeting: GroupDraft;
}

/** The top-level fields: where applyApiErrors may place the API's problems. */
export const CAMPAIGN_FIELDS = ['name', 'startsAt', 'endsAt', 'maxRedemptions', 'offer', 'codes', 'variants', 'targeting'] as const;

const c = t.campaigns.check;
const CODE = /^[A-Za-z0-9_-]{3,40}$/;
const VARIANT_KEY = /^[a-z0-9][a-z0-9_-]{0,39}$/i;

const dateTimeText = z.string().refine((s) => s.trim() === '' || localToIso(s) !== undefined, c.dateTime);

export const campaignSchema = z
  .object({
    name: z.string().trim().min(1, c.required).max(200),
    startsAt: dateTimeText,
    endsAt: dateTimeText,
    maxRedemptions: wholeText(1, 1_000_000_000, { optional: true }),
    offer: offerSchema,
    codes: z.array(
      z.object({
        code: z.string().refine((s) => CODE.test(s.trim()), c.code),
        maxRedemptions: wholeText(1, 1_000_000_000, { optional: true }),
        redemptions: z.number().optional(),
      }),
    ),
    variants: z
      .array(z.object({ key: z.string().refine((s) => VARIANT_KEY.test(s.trim()), c.variantKey), weight: wholeText(1, 10_000), offer: offerSchema }))
      .refine((v) => v.length !== 1, c.variantCount)
      .refine((v) => v.length <= 10, c.tooManyVariants),
    targeting: z.custom<GroupDraft>((v) => typeof v === 'object' && v !== null),
  })
  .superRefine((v, ctx) => {
    // Every problem at once, each at the path the API would name.
    const starts = localToIso(v.startsAt);
    const ends = localToIso(v.endsAt);
    if (starts && ends && ends <= starts) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: c.endsAfterStart });
    const codes = new Set<string>();
    v.codes.forEach((code, i) => {
      const normal = code.code.trim().toUpperCase();
      if (normal && codes.has(normal)) ctx.addIssue({ code: 'custom', path: ['codes', i, 'code'], message: c.codeTwice });
      codes.add(normal);
    });
    const keys = new Set<string>();
    v.variants.forEach((variant, i) => {
      if (variant.key && keys.has(variant.key.trim())) ctx.addIssue({ code: 'custom', path: ['variants', i, 'key'], message: c.variantTwice });
      keys.add(variant.key.trim());
    });
    for (const problem of validateTree(v.targeting, 'targeting')) {
      const path = problem.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
      ctx.addIssue({ code: 'custom', path, message: problem.message });
    }
  });

export const emptyCampaign = (): CampaignValues => ({
  name: '',
  startsAt: '',
  endsAt: '',
  maxRedemptions: '',
  offer: emptyOffer(),
  codes: [],
  variants: [],
  targeting: newGroup(),
});

export const newVariant = (index: number): CampaignValues['variants'][number] => ({
  key: String.fromCharCode(97 + (index % 26)),
  weight: '50',
  offer: emptyOffer(),
});

/** The form as a stored campaign fills it. */
export function valuesOf(campaign: Campaign): CampaignValues {
  return {
    name: campaign.name,
    startsAt: isoToLocal(campaign.startsAt),
    endsAt: isoToLocal(campaign.endsAt),
    maxRedemptions: campaign.maxRedemptions === null ? '' : String(campaign.maxRedemptions),
    offer: offerFromApi(campaign.offer),
    codes: campaign.codes.map((code) => ({
      code: code.code,
      maxRedemptions: code.maxRedemptions === null ? '' : String(code.maxRedemptions),
      redemptions: code.redemptions,
    })),
    variants: campaign.variants.map((v) => ({ key: v.key, weight: String(v.weight), offer: offerFromApi(v.offer) })),
    targeting: fromTargeting(campaign.targeting),
  };
}

const codesOf = (v: CampaignValues) =>
  v.codes.map((code) => {
    const max = wholeOf(code.maxRedemptions);
    return { code: code.code.trim(), ...(max === undefined ? {} : { maxRedemptions: max }) };
  });

const variantsOf = (v: CampaignValues) => v.variants.map((variant) => ({ key: variant.key.trim(), weight: Number(variant.weight.trim()), offer: offerToApi(variant.offer) }));

/** POST /campaigns: what is empty is left out (no schedule, no limit, no targeting …). */
export function createBody(v: CampaignValues): Schema<'CreateCampaignRequest'> {
  const startsAt = localToIso(v.startsAt);
  const endsAt = localToIso(v.endsAt);
  const maxRedemptions = wholeOf(v.maxRedemptions);
  const targeting = toTargeting(v.targeting);
  return {
    name: v.name.trim(),
    offer: offerToApi(v.offer),
    ...(startsAt ? { startsAt } : {}),
    ...(endsAt ? { endsAt } : {}),
    ...(maxRedemptions === undefined ? {} : { maxRedemptions }),
    ...(targeting ? { targeting } : {}),
    ...(v.codes.length > 0 ? { codes: codesOf(v) } : {}),
    ...(v.variants.length > 0 ? { variants: variantsOf(v) } : {}),
  };
}

/**
 * PATCH /campaigns/{id}: every field, an emptied one as null (the API's
 * "remove"). A time left as shown is not sent, as the input shows minutes
 * only and would drop the stored seconds. Variants are sent only while the
 * campaign is a draft: afterwards the API refuses to change them.
 */
export function updateBody(v: CampaignValues, campaign: Campaign): Schema<'UpdateCampaignRequest'> {
  const time = (text: string, stored: string | null) => (text === isoToLocal(stored) ? undefined : (localToIso(text) ?? null));
  const startsAt = time(v.startsAt, campaign.startsAt);
  const endsAt = time(v.endsAt, campaign.endsAt);
  return {
    name: v.name.trim(),
    offer: offerToApi(v.offer),
    ...(startsAt === undefined ? {} : { startsAt }),
    ...(endsAt === undefined ? {} : { endsAt }),
    maxRedemptions: wholeOf(v.maxRedemptions) ?? null,
    targeting: toTargeting(v.targeting),
    codes: codesOf(v),
    ...(campaign.status === 'draft' ? { variants: variantsOf(v) } : {}),
  };
}
