import { createHash } from 'node:crypto';
import type { campaignV1 } from '@azotte/proto';
import { validateOffer, type Offer } from './offers';
import { at, type Problems } from './problems';

/** One arm of an A/B test: its key, its weight, and the offer that replaces the campaign's. */
export interface Variant {
  key: string;
  weight: number;
  offer: Offer;
}

export const MAX_VARIANTS = 10;
export const MAX_WEIGHT = 10_000;
const KEY = /^[a-z0-9][a-z0-9_-]{0,39}$/i;

/** Checks the variants of a campaign, each problem under `variants.<i>.<field>`. */
export function validateVariants(input: campaignV1.Variant[], problems: Problems): Variant[] {
  if (input.length > MAX_VARIANTS) problems.add('variants', `must list at most ${MAX_VARIANTS} variants`);
  if (input.length === 1) problems.add('variants', 'must list at least two variants for an A/B test (or none)');
  const seen = new Set<string>();
  const variants: Variant[] = [];
  input.forEach((v, i) => {
    const path = at('variants', i);
    if (!KEY.test(v.key)) problems.add(at(path, 'key'), 'must be 1 to 40 letters, digits, _ or -, starting with a letter or digit');
    else if (seen.has(v.key)) problems.add(at(path, 'key'), 'is listed twice');
    seen.add(v.key);
    if (!Number.isInteger(v.weight) || v.weight < 1 || v.weight > MAX_WEIGHT) {
      problems.add(at(path, 'weight'), `must be a whole number from 1 to ${MAX_WEIGHT}`);
    }
    const offer = validateOffer(v.offer, at(path, 'offer'), problems);
    if (offer) variants.push({ key: v.key, weight: v.weight, offer });
  });
  return variants;
}

const TWO_TO_64 = 1n << 64n;

/**
 * The variant a customer gets, by weight, deterministically: the same
 * campaign and customer always give the same variant for the same variants.
 * (The first choice is also stored, so later changes cannot move a customer.)
 */
export function chooseVariant(campaignId: string, customerId: string, variants: readonly Variant[]): Variant | undefined {
  if (variants.length === 0) return undefined;
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  const digest = createHash('sha256').update(`${campaignId}:${customerId}`).digest();
  // floor(h × total / 2^64), exact in big integers: a point in [0, total).
  const point = Number((digest.readBigUInt64BE(0) * BigInt(total)) / TWO_TO_64);
  let cumulative = 0;
  for (const variant of variants) {
    cumulative += variant.weight;
    if (point < cumulative) return variant;
  }
  return variants[variants.length - 1];
}

export const toProtoVariant = (v: Variant, offer: (o: Offer) => campaignV1.Offer): campaignV1.Variant => ({
  key: v.key,
  weight: v.weight,
  offer: offer(v.offer),
});
