import { invalidArgument, mulDivRound, parseDecimal } from '@azotte/common';

/**
 * Pricing arithmetic: what a price costs per period at a quantity. This is the
 * one place in Azotte where it is computed (billing, campaigns and analytics
 * ask the catalog's QuoteAmount). Pure functions, no I/O.
 *
 * Unit amounts may be decimals of the minor unit ("0.5" is half a cent), so a
 * total is summed exactly, as a fraction over 10^12, and rounded once at the
 * end with mulDivRound: half away from zero (ARCHITECTURE.md rule 5).
 */

export type Strategy = 'flat' | 'per_unit' | 'tiered';
export type TiersMode = 'graduated' | 'volume';

export interface PricingTier {
  /** Largest quantity (inclusive) of the tier; null for the last, unbounded tier. */
  upTo: number | null;
  unitAmount?: number;
  /** Decimal minor units, at most 12 decimals. */
  unitAmountDecimal?: string;
  flatAmount?: number;
}

/** The terms of a price that decide its amount (validated before they get here). */
export type PriceTerms =
  | { strategy: 'flat'; amount: number }
  | { strategy: 'per_unit'; amount?: number; unitAmountDecimal?: string }
  | { strategy: 'tiered'; tiersMode: TiersMode; tiers: PricingTier[] };

export const MIN_QUANTITY = 1;
export const MAX_QUANTITY = 1_000_000;
/** Decimals a decimal unit amount may have (as Stripe's unit_amount_decimal). */
export const MAX_DECIMALS = 12;

const SCALE = 10n ** BigInt(MAX_DECIMALS);

/**
 * Bounds of every amount a price holds. With quantities at most MAX_QUANTITY
 * and at most MAX_TIERS tiers, no total can leave the safe integers.
 */
export const MAX_AMOUNT = 999_999_999;
export const MAX_TIERS = 50;

/** A unit amount as an exact numerator over SCALE. */
function scaled(unitAmount: number | undefined, unitAmountDecimal: string | undefined): bigint {
  if (unitAmountDecimal !== undefined) {
    const { numerator, denominator } = parseDecimal(unitAmountDecimal);
    if (denominator > SCALE) throw new RangeError(`More than ${MAX_DECIMALS} decimals: ${unitAmountDecimal}`);
    return numerator * (SCALE / denominator);
  }
  return BigInt(unitAmount ?? 0) * SCALE;
}

/** What a tier charges for `units` of it, over SCALE. */
function tierTotal(tier: PricingTier, units: number): bigint {
  return BigInt(units) * scaled(tier.unitAmount, tier.unitAmountDecimal) + BigInt(tier.flatAmount ?? 0) * SCALE;
}

/** The problem with a quantity, or undefined when it can be quoted. */
export function quantityProblem(quantity: number): string | undefined {
  if (!Number.isSafeInteger(quantity)) return 'must be a whole number';
  if (quantity < MIN_QUANTITY || quantity > MAX_QUANTITY) return `must be from ${MIN_QUANTITY} to ${MAX_QUANTITY}`;
  return undefined;
}

/** Graduated: each unit at the price of the tier it falls in, plus the flat amount of every tier reached. */
function graduated(tiers: PricingTier[], quantity: number): bigint {
  let total = 0n;
  let below = 0; // the quantity the tiers before this one cover
  for (const tier of tiers) {
    if (quantity <= below) break;
    const upper = tier.upTo ?? Number.POSITIVE_INFINITY;
    total += tierTotal(tier, Math.min(quantity, upper) - below);
    below = upper;
  }
  return total;
}

/** Volume: every unit at the price of the tier the whole quantity falls in, plus that tier's flat amount. */
function volume(tiers: PricingTier[], quantity: number): bigint {
  const tier = tiers.find((t) => t.upTo === null || quantity <= t.upTo);
  if (!tier) throw new RangeError('The tiers do not cover the quantity (the last tier must be unbounded)');
  return tierTotal(tier, quantity);
}

/**
 * The amount to charge per period for `quantity` under `terms`, in minor units,
 * rounded once, half away from zero. An invalid quantity is an invalid_argument
 * naming `quantity`.
 */
export function amountFor(terms: PriceTerms, quantity: number): number {
  const problem = quantityProblem(quantity);
  if (problem) throw invalidArgument([{ path: 'quantity', message: problem }]);
  let exact: bigint;
  switch (terms.strategy) {
    case 'flat':
      exact = BigInt(terms.amount) * SCALE;
      break;
    case 'per_unit':
      exact = BigInt(quantity) * scaled(terms.amount, terms.unitAmountDecimal);
      break;
    case 'tiered':
      exact = terms.tiersMode === 'graduated' ? graduated(terms.tiers, quantity) : volume(terms.tiers, quantity);
      break;
  }
  return mulDivRound(1, exact, SCALE);
}
