import { z } from 'zod';
import { Currency, listOf, PageQuery, Timestamp } from '../http/schemas';

/**
 * Request and response schemas of the campaign routes. The gateway checks
 * shapes, offers, codes and variants here, every problem at once; the rule
 * tree of `targeting` is checked by the campaign service's registered
 * conditions (one per field), which name each problem by its path
 * (`targeting.all.1.any.0.op`). The service checks everything again.
 */

export const CAMPAIGN_STATUSES = ['draft', 'active', 'paused', 'ended'] as const;
export const REJECTION_REASONS = ['expired', 'exhausted', 'not_targeted', 'unknown_code', 'not_active'] as const;
const MAX_LIMIT = 1_000_000_000;

type Report = (path: Array<string | number>, message: string) => void;

/** A rule across fields that runs even when some of them failed their own checks (every problem at once). */
function acrossFields<V>(rule: (value: V, report: Report) => void) {
  return z.core._check<object>(
    (payload) =>
      rule(payload.value as V, (path, message) => payload.issues.push({ code: 'custom', path, message, input: payload.value })),
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
}

const whole = (what: string, min: number, max: number) =>
  z
    .number({ error: `must be a whole number of ${what}` })
    .int(`must be a whole number of ${what}`)
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

// ---- offers --------------------------------------------------------------------------------

const DurationCycles = whole('billing cycles', 1, 1_000)
  .optional()
  .openapi({ description: 'Billing cycles the discount lasts; absent = forever.' });

/** Each offer type takes exactly its own fields: another type's field is named, not dropped. */
const onlyFields = (type: string, fields: string[]) =>
  acrossFields<Record<string, unknown>>((offer, report) => {
    for (const key of Object.keys(offer)) if (key !== 'type' && !fields.includes(key)) report([key], `is not used by ${type} offers`);
  });

const PercentOffOffer = z
  .looseObject({
    type: z.literal('percent_off'),
    percentOff: z
      .number({ error: 'must be a number above 0 and at most 100' })
      .gt(0, 'must be above 0')
      .max(100, 'must be at most 100')
      .refine((n) => /^\d{1,3}(\.\d{1,4})?$/.test(String(n)), 'must have at most 4 decimals')
      .openapi({ example: 25 }),
    durationCycles: DurationCycles,
  })
  .check(onlyFields('percent_off', ['percentOff', 'durationCycles']))
  .openapi('PercentOffOffer');

const AmountOffOffer = z
  .looseObject({
    type: z.literal('amount_off'),
    amountOff: whole('minor units', 1, 999_999_999).openapi({ description: 'Integer minor units of `currency`.', example: 500 }),
    currency: Currency,
    durationCycles: DurationCycles,
  })
  .check(onlyFields('amount_off', ['amountOff', 'currency', 'durationCycles']))
  .openapi('AmountOffOffer', { description: 'Applies only to prices in its currency.' });

const TrialExtensionOffer = z
  .looseObject({
    type: z.literal('trial_extension'),
    trialDays: whole('days', 1, 730).openapi({ example: 14 }),
  })
  .check(onlyFields('trial_extension', ['trialDays']))
  .openapi('TrialExtensionOffer');

export const OfferInput = z
  .discriminatedUnion('type', [PercentOffOffer, AmountOffOffer, TrialExtensionOffer], {
    error: 'must be an offer of type percent_off, amount_off or trial_extension',
  })
  .openapi('OfferInput');

export type OfferBody = z.infer<typeof OfferInput>;

// ---- campaigns -----------------------------------------------------------------------------

const Name = z.string({ error: 'is required' }).trim().min(1, 'is required').max(200, 'must be at most 200 characters');
const At = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 timestamp such as 2026-03-01T00:00:00Z' })
  .openapi({ format: 'date-time', example: '2026-03-01T00:00:00Z' });

const Targeting = z
  .record(z.string(), z.unknown(), { error: 'must be a rule tree: {all: [rules…]} or {any: [rules…]}' })
  .openapi('Targeting', {
    description:
      'A rule tree `{ all: [node…] }` or `{ any: [node…] }`, a node being a group or a rule `{ field, op, value }`; groups nest up to 5 levels, 100 rules in all. Fields: `storefrontId`, `country`, `bundleId`, `priceId`, `currency` (ops eq, neq, in, nin), `newCustomer` (eq, neq; true when the customer has no earlier subscription), `customer.metadata.<key>` (eq, neq, in, nin on strings; gte, lte on numbers). `in`/`nin` take a list.',
    example: { all: [{ field: 'country', op: 'in', value: ['DE', 'AT'] }, { field: 'newCustomer', op: 'eq', value: true }] },
  });

const Limit = whole('redemptions', 1, MAX_LIMIT);

const CodeInput = z.object({
  code: z
    .string({ error: 'is required' })
    .refine((c) => /^[A-Z0-9_-]{3,40}$/.test(c.trim().toUpperCase()), 'must be 3 to 40 letters, digits, _ or - (matched case-insensitively)'),
  maxRedemptions: Limit.optional().openapi({ description: 'Redemptions of this code; absent = unlimited.' }),
});

const Codes = z
  .array(CodeInput)
  .max(1_000, 'must list at most 1000 codes')
  .check(
    acrossFields<unknown[]>((codes, report) => {
      const seen = new Set<string>();
      codes.forEach((c, i) => {
        const code = (c as { code?: unknown } | null)?.code;
        if (typeof code !== 'string') return;
        const normal = code.trim().toUpperCase();
        if (seen.has(normal)) report([i, 'code'], 'is listed twice (codes are case-insensitive)');
        seen.add(normal);
      });
    }),
  )
  .openapi({
    description:
      'Coupon codes, unique in the environment (409 `code_taken`). With codes, the offer applies only to whoever presents one.',
  });

const VariantInput = z.object({
  key: z.string({ error: 'is required' }).regex(/^[a-z0-9][a-z0-9_-]{0,39}$/i, 'must be 1 to 40 letters, digits, _ or -'),
  weight: z
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(10_000, 'must be at most 10000')
    .openapi({ description: "A customer's chance is weight / sum of weights." }),
  offer: OfferInput,
});

const Variants = z
  .array(VariantInput)
  .max(10, 'must list at most 10 variants')
  .refine((v) => v.length !== 1, 'must list at least two variants for an A/B test (or none)')
  .check(
    acrossFields<unknown[]>((variants, report) => {
      const seen = new Set<unknown>();
      variants.forEach((v, i) => {
        const key = (v as { key?: unknown } | null)?.key;
        if (seen.has(key)) report([i, 'key'], 'is listed twice');
        seen.add(key);
      });
    }),
  )
  .openapi({
    description:
      "An A/B test: each customer gets one variant, chosen by weight from the campaign and the customer, for ever; the variant's offer replaces `offer`. Fixed once the campaign leaves draft.",
  });

export const CreateCampaignBody = z
  .object({
    name: Name,
    startsAt: At.optional(),
    endsAt: At.optional().openapi({ description: 'Exclusive: from this time on the campaign is expired.' }),
    offer: OfferInput,
    targeting: Targeting.optional(),
    codes: Codes.optional(),
    maxRedemptions: Limit.optional().openapi({ description: 'Total redemptions (reserved and confirmed); absent = unlimited.' }),
    variants: Variants.optional(),
  })
  .openapi('CreateCampaignRequest', {
    description: 'The schedule is read on the environment\'s clock (a sandbox\'s test clock included).',
  });

export const UpdateCampaignBody = z
  .object({
    name: Name.optional(),
    startsAt: At.nullable().optional().openapi({ description: '`null` removes the start.' }),
    endsAt: At.nullable().optional().openapi({ description: '`null` removes the end.' }),
    offer: OfferInput.optional(),
    targeting: Targeting.nullable().optional().openapi({ description: '`null` targets everyone.' }),
    codes: Codes.optional().openapi({ description: 'Replaces every code; codes that stay keep their redemption counts.' }),
    maxRedemptions: Limit.nullable().optional().openapi({ description: '`null` removes the limit.' }),
    variants: Variants.optional().openapi({ description: 'Replaces the variants; only while the campaign is a draft (409 `variants_locked`).' }),
  })
  .openapi('UpdateCampaignRequest', { description: 'An ended campaign cannot change (409 `campaign_ended`).' });

export const ListCampaignsQuery = PageQuery.extend({
  status: z.enum(CAMPAIGN_STATUSES, { error: 'must be draft, active, paused or ended' }).optional(),
});

export const EvaluateBody = z
  .object({
    customerId: z.string({ error: 'is required' }).min(1, 'is required').max(64, 'is not a customer id'),
    priceId: z.string({ error: 'is required' }).min(1, 'is required').max(64, 'is not a price id'),
    storefrontId: z.string().max(64, 'is not a storefront id').optional().openapi({ description: "Default: the customer's storefront." }),
    couponCode: z.string().max(100, 'must be at most 100 characters').optional(),
  })
  .openapi('EvaluateCampaignsRequest');

// ---- responses -----------------------------------------------------------------------------

export const OfferSchema = z
  .union([
    z.object({ type: z.literal('percent_off'), percentOff: z.number(), durationCycles: z.number().int().optional() }),
    z.object({ type: z.literal('amount_off'), amountOff: z.number().int(), currency: Currency, durationCycles: z.number().int().optional() }),
    z.object({ type: z.literal('trial_extension'), trialDays: z.number().int() }),
  ])
  .openapi('Offer', { description: 'Exactly the fields of its type; `durationCycles` absent = forever.' });

export const CampaignSchema = z
  .object({
    id: z.string().openapi({ example: 'cmp_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M' }),
    name: z.string(),
    status: z.enum(CAMPAIGN_STATUSES),
    startsAt: Timestamp.nullable(),
    endsAt: Timestamp.nullable(),
    offer: OfferSchema,
    targeting: z.record(z.string(), z.unknown()).nullable(),
    codes: z.array(z.object({ code: z.string(), maxRedemptions: z.number().int().nullable(), redemptions: z.number().int() })),
    maxRedemptions: z.number().int().nullable(),
    redemptions: z.number().int().openapi({ description: 'Reserved and confirmed redemptions.' }),
    variants: z.array(z.object({ key: z.string(), weight: z.number().int(), offer: OfferSchema })),
    environmentId: z.string(),
    createdAt: Timestamp.nullable(),
    updatedAt: Timestamp.nullable(),
  })
  .openapi('Campaign', {
    description: '`draft` → `active` ⇄ `paused` → `ended` (a draft may be ended too); ended is final.',
  });

export const EvaluationSchema = z
  .object({
    data: z.array(
      z.object({
        campaignId: z.string(),
        variant: z.string().optional().openapi({ description: "The customer's A/B variant, when the campaign has variants." }),
        offer: OfferSchema,
      }),
    ),
    rejected: z
      .array(
        z.object({
          campaignId: z.string().nullable().openapi({ description: 'null when the code matches no campaign.' }),
          code: z.string().nullable(),
          reason: z.enum(REJECTION_REASONS),
          message: z.string(),
        }),
      )
      .openapi({ description: 'Why a presented code, or a running campaign, does not apply.' }),
  })
  .openapi('CampaignEvaluation', {
    description: 'The offers that would apply (what billing applies at checkout): at most one discount and one trial extension.',
  });

export const CampaignList = listOf(CampaignSchema, 'CampaignList');
