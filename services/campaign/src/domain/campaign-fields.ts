import type { campaignV1 } from '@azotte/proto';
import { MAX_REDEMPTIONS, validateCodes, validLimit, type CodeSpec } from './codes';
import { validateOffer, type Offer } from './offers';
import { Problems } from './problems';
import { validateTargeting, type Targeting } from './targeting';
import { validateVariants, type Variant } from './variants';

/** A campaign's editable fields, valid and normalised: what the store keeps. */
export interface CampaignFields {
  name: string;
  startsAt: Date | null;
  endsAt: Date | null;
  offer: Offer;
  targeting: Targeting | null;
  codes: CodeSpec[];
  maxRedemptions: number | null;
  variants: Variant[];
}

/** The fields as they arrive (or as they will be after an update), before any check. */
export interface CampaignInput {
  name: string;
  startsAt?: string | null;
  endsAt?: string | null;
  offer?: campaignV1.Offer;
  targeting?: unknown;
  codes: campaignV1.Code[];
  maxRedemptions?: number | null;
  variants: campaignV1.Variant[];
}

const MIN_TIME = Date.UTC(2000, 0, 1);
const MAX_TIME = Date.UTC(9999, 11, 31);

function timestamp(value: string | null | undefined, path: string, problems: Problems): Date | null {
  if (value === undefined || value === null || value === '') return null;
  const at = new Date(value);
  if (Number.isNaN(at.getTime()) || at.getTime() < MIN_TIME || at.getTime() > MAX_TIME) {
    problems.add(path, 'must be an ISO 8601 timestamp between the years 2000 and 9999');
    return null;
  }
  return at;
}

/**
 * Checks a whole campaign, on creation and again after every update, and
 * reports every problem at once with its HTTP path. Codes and variants are
 * checked here for shape; whether a code is free is the store's question.
 */
export function validateCampaign(input: CampaignInput): CampaignFields {
  const problems = new Problems();
  const name = (input.name ?? '').trim();
  if (name.length === 0) problems.add('name', 'is required');
  else if (name.length > 200) problems.add('name', 'must be at most 200 characters');

  const startsAt = timestamp(input.startsAt, 'startsAt', problems);
  const endsAt = timestamp(input.endsAt, 'endsAt', problems);
  if (startsAt && endsAt && endsAt <= startsAt) problems.add('endsAt', 'must be after startsAt');

  const offer = validateOffer(input.offer, 'offer', problems);
  const targeting =
    input.targeting === undefined || input.targeting === null ? null : (validateTargeting(input.targeting, problems) ?? null);
  const codes = validateCodes(input.codes, problems);
  const maxRedemptions = input.maxRedemptions ?? undefined;
  if (!validLimit(maxRedemptions)) {
    problems.add('maxRedemptions', `must be a whole number from 1 to ${MAX_REDEMPTIONS} (absent = unlimited)`);
  }
  const variants = validateVariants(input.variants, problems);

  problems.throwIfAny();
  return {
    name,
    startsAt,
    endsAt,
    offer: offer!,
    targeting,
    codes,
    maxRedemptions: maxRedemptions ?? null,
    variants,
  };
}
