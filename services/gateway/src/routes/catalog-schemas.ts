import { z } from 'zod';
import { Currency, listOf, PageQuery, Timestamp } from '../http/schemas';

/**
 * Request and response schemas of the catalog routes. The requests are checked
 * here, whole, and every problem is reported at once; the catalog service
 * checks the same rules again (and that storefronts exist).
 */

/** Bounds the catalog service holds every amount to: with quantities ≤ 1,000,000, no total leaves the safe integers. */
export const MAX_AMOUNT = 999_999_999;
export const MAX_QUANTITY = 1_000_000;
const MAX_DECIMALS = 12;

type Report = (path: Array<string | number>, message: string) => void;

/**
 * A rule across fields that runs even when some of them failed their own
 * checks, so that every problem is reported at once. It must not trust the
 * types of what it reads.
 */
function acrossFields<V>(rule: (value: V, report: Report) => void) {
  return z.core._check<object>(
    (payload) =>
      rule(payload.value as V, (path, message) => payload.issues.push({ code: 'custom', path, message, input: payload.value })),
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
}

const noDuplicates = (items: unknown[], ctx: z.RefinementCtx) => {
  const seen = new Set<unknown>();
  items.forEach((item, i) => {
    if (seen.has(item)) ctx.addIssue({ code: 'custom', path: [i], message: 'is listed twice' });
    seen.add(item);
  });
};

// ---- money ---------------------------------------------------------------------------------

/** Money: a whole, non-negative number of the currency's minor unit. */
export const Amount = z
  .number({ error: 'must be a whole number of minor units' })
  .int('must be a whole number of minor units (no fractions)')
  .min(0, 'must not be negative')
  .max(MAX_AMOUNT, `must be at most ${MAX_AMOUNT}`)
  .openapi({ description: 'Integer minor units of the currency (1999 = 19.99 EUR).', example: 999 });

/** A unit amount in decimal minor units, as Stripe's `unit_amount_decimal`. */
export const DecimalAmount = z
  .string()
  .superRefine((text, ctx) => {
    if (text.trim().startsWith('-')) return void ctx.addIssue({ code: 'custom', message: 'must not be negative' });
    if (!new RegExp(`^\\d{1,9}(\\.\\d{1,${MAX_DECIMALS}})?$`).test(text)) {
      ctx.addIssue({ code: 'custom', message: `must be a decimal number of minor units with at most ${MAX_DECIMALS} decimals, such as "0.5"` });
    } else if (Number(text.split('.')[0]) > MAX_AMOUNT) {
      ctx.addIssue({ code: 'custom', message: `must be at most ${MAX_AMOUNT}` });
    }
  })
  .openapi({
    description: `A unit amount in minor units with up to ${MAX_DECIMALS} decimals ("0.5" is half a cent). The total of a period is computed exactly and rounded once, half away from zero.`,
    example: '0.5',
  });

// ---- bundles -------------------------------------------------------------------------------

export const ENTITLEMENT_KEY = /^[a-z][a-z0-9_.:-]{0,63}$/;
export const BUNDLE_STATUSES = ['draft', 'active', 'archived'] as const;

const EntitlementValue = z
  .union([z.boolean(), z.number(), z.string()], { error: 'must be a boolean, a number or a string' })
  .refine((v) => typeof v !== 'string' || v.length <= 500, 'must be at most 500 characters')
  .openapi({ description: 'A boolean, a number or a string (at most 500 characters).' });

const Entitlement = z
  .object({
    key: z.string().regex(ENTITLEMENT_KEY, 'must be 1 to 64 characters: a lower-case letter, then lower-case letters, digits, _ . : or -'),
    value: EntitlementValue,
  })
  .openapi('Entitlement', { example: { key: 'max_streams', value: 4 } });

const Entitlements = z
  .array(Entitlement)
  .max(100, 'must list at most 100 entitlements')
  .check(
    acrossFields<unknown[]>((items, report) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        const key = (item as { key?: unknown } | null)?.key;
        if (typeof key !== 'string') return;
        if (seen.has(key)) report([i, 'key'], 'is listed twice');
        seen.add(key);
      });
    }),
  )
  .openapi({ description: 'What the bundle grants; keys are unique within a bundle.' });

const BundleName = z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters');
const Description = z.string().trim().max(1000, 'must be at most 1000 characters');

export const CreateBundleBody = z
  .object({
    name: BundleName,
    description: Description.optional(),
    entitlements: Entitlements,
    status: z
      .enum(['draft', 'active'], { error: 'must be draft or active' })
      .optional()
      .openapi({ description: 'Default `active`, as a new Stripe product. A `draft` bundle takes prices but sells nothing until made active.' }),
  })
  .openapi('CreateBundleRequest');

export const UpdateBundleBody = z
  .object({
    name: BundleName.optional(),
    description: Description.nullable().optional().openapi({ description: '`null` (or "") removes the description.' }),
    entitlements: Entitlements.optional().openapi({
      description: 'Replaces every entitlement (an empty list removes them all). They apply at once to the subscriptions of the bundle.',
    }),
    status: z
      .enum(['draft', 'active'], { error: 'must be draft or active (archive a bundle with DELETE)' })
      .optional()
      .openapi({ description: '`active` makes a draft bundle active. An active bundle cannot go back to draft (409 `bundle_already_active`).' }),
  })
  .openapi('UpdateBundleRequest', { description: 'An archived bundle cannot be changed (409 `bundle_archived`).' });

export const ListBundlesQuery = PageQuery.extend({
  status: z.enum(BUNDLE_STATUSES, { error: 'must be draft, active or archived' }).optional(),
});

export const BundleSchema = z
  .object({
    id: z.string().openapi({ example: 'bun_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M' }),
    name: z.string(),
    description: z.string().nullable(),
    status: z.enum(BUNDLE_STATUSES),
    entitlements: z.array(z.object({ key: z.string(), value: z.union([z.boolean(), z.number(), z.string()]) })),
    environmentId: z.string(),
    createdAt: Timestamp.nullable(),
    updatedAt: Timestamp.nullable(),
    archivedAt: Timestamp.nullable(),
  })
  .openapi('Bundle', {
    description:
      'What a customer gets. `draft` → `active` → `archived`; archived is final. New subscriptions need an active bundle; an archived one keeps its subscriptions and its entitlements.',
  });

// ---- prices --------------------------------------------------------------------------------

export const STRATEGIES = ['flat', 'per_unit', 'tiered'] as const;
export const TIERS_MODES = ['graduated', 'volume'] as const;
export const INTERVALS = ['day', 'week', 'month', 'year'] as const;
export const PRICE_STATUSES = ['active', 'archived'] as const;
const MAX_INTERVAL_COUNT: Record<string, number> = { day: 1095, week: 156, month: 36, year: 3 };

const Tier = z
  .object({
    upTo: z
      .number({ error: 'must be a whole quantity, or null on the last tier' })
      .int('must be a whole quantity')
      .min(1, 'must be at least 1')
      .max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`)
      .nullable()
      .optional()
      .openapi({ description: 'The largest quantity (inclusive) of the tier; `null` (or absent) on the last tier only, which is unbounded.' }),
    unitAmount: Amount.optional(),
    unitAmountDecimal: DecimalAmount.optional(),
    flatAmount: Amount.optional().openapi({
      description: 'Added once: for each tier reached (graduated), or for the tier the quantity falls in (volume).',
    }),
  })
  .check(
    acrossFields<Record<string, unknown>>((t, report) => {
      if (t.unitAmount !== undefined && t.unitAmountDecimal !== undefined) report(['unitAmountDecimal'], 'cannot be given with unitAmount');
      if (t.unitAmount === undefined && t.unitAmountDecimal === undefined && t.flatAmount === undefined) {
        report(['unitAmount'], 'is required when the tier has no flatAmount');
      }
    }),
  )
  .openapi('PriceTierInput');

const Tiers = z
  .array(Tier)
  .min(1, 'must list at least one tier')
  .max(50, 'must list at most 50 tiers')
  .check(
    acrossFields<unknown[]>((items, report) => {
      let previous: number | undefined;
      items.forEach((item, i) => {
        const upTo = (item as { upTo?: unknown } | null)?.upTo ?? null;
        const last = i === items.length - 1;
        if (last && upTo !== null) report([i, 'upTo'], 'must be null on the last tier, which has no upper bound');
        if (!last && upTo === null) report([i, 'upTo'], 'is required on every tier but the last');
        if (typeof upTo !== 'number') return;
        if (previous !== undefined && upTo <= previous) report([i, 'upTo'], `must be greater than the previous tier's (${previous})`);
        previous = upTo;
      });
    }),
  )
  .openapi({ description: 'Tiered prices only: ordered by `upTo`, strictly increasing; the last tier is unbounded.' });

/** Which strategy takes which amounts, and how long a period may be (the service checks the same). */
function priceRules(p: Record<string, unknown>, report: Report): void {
  const strategy = p.strategy ?? 'per_unit';
  const has = (field: string) => p[field] !== undefined;
  if (strategy === 'flat') {
    if (!has('amount')) report(['amount'], 'is required for a flat price');
    if (has('unitAmountDecimal')) report(['unitAmountDecimal'], 'is for per_unit prices and tiers only; a flat amount is whole');
  }
  if (strategy === 'per_unit') {
    if (!has('amount') && !has('unitAmountDecimal')) report(['amount'], 'is required for a per_unit price (or unitAmountDecimal)');
    if (has('amount') && has('unitAmountDecimal')) report(['unitAmountDecimal'], 'cannot be given with amount');
  }
  if (strategy === 'tiered') {
    if (has('amount') && p.amount !== 0) report(['amount'], 'must be omitted for a tiered price: its tiers set the amounts');
    if (has('unitAmountDecimal')) report(['unitAmountDecimal'], 'must be omitted for a tiered price: its tiers set the amounts');
    if (!has('tiers')) report(['tiers'], 'is required for a tiered price');
    if (!has('tiersMode')) report(['tiersMode'], 'is required for a tiered price: graduated or volume');
  } else if (strategy === 'flat' || strategy === 'per_unit') {
    if (has('tiers')) report(['tiers'], 'is for tiered prices only');
    if (has('tiersMode')) report(['tiersMode'], 'is for tiered prices only');
  }
  const max = typeof p.interval === 'string' ? MAX_INTERVAL_COUNT[p.interval] : undefined;
  if (max !== undefined && typeof p.intervalCount === 'number' && p.intervalCount > max) {
    report(['intervalCount'], `must be at most ${max} when the interval is ${p.interval} (a period is at most three years)`);
  }
}

export const CreatePriceBody = z
  .object({
    currency: Currency,
    amount: Amount.optional().openapi({
      description:
        'flat: the amount per period, whatever the quantity (required). per_unit: the amount per unit (required unless `unitAmountDecimal`). tiered: omit it (or 0): the tiers set the amounts.',
    }),
    unitAmountDecimal: DecimalAmount.optional().openapi({ description: 'per_unit only, instead of `amount`: a decimal unit amount.' }),
    interval: z.enum(INTERVALS, { error: 'must be day, week, month or year' }),
    intervalCount: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .optional()
      .openapi({ description: 'Intervals per billing period, default 1; a period is at most three years (1095 days, 156 weeks, 36 months, 3 years).' }),
    strategy: z
      .enum(STRATEGIES, { error: 'must be flat, per_unit or tiered' })
      .optional()
      .openapi({
        description:
          'Default `per_unit`, as Stripe\'s prices (at quantity 1 it charges the same as `flat`). flat: `amount` per period; per_unit: `amount` × quantity; tiered: by `tiers` in `tiersMode`.',
      }),
    tiersMode: z
      .enum(TIERS_MODES, { error: 'must be graduated or volume' })
      .optional()
      .openapi({
        description:
          'Required for tiered prices. graduated: each unit at the price of the tier it falls in, plus the flat amount of each tier reached. volume: every unit at the price of the tier the whole quantity falls in, plus that tier\'s flat amount.',
      }),
    tiers: Tiers.optional(),
    setupFee: Amount.optional().openapi({ description: 'A one-time fee in the price\'s currency, charged with the first invoice; not multiplied by the quantity.' }),
    trialDays: z
      .number()
      .int('must be a whole number of days')
      .min(0, 'must not be negative')
      .max(730, 'must be at most 730')
      .optional()
      .openapi({ description: 'Free days before the first charge, default 0.' }),
    storefrontIds: z
      .array(z.string().min(1, 'is required').max(64, 'is not a storefront id'))
      .max(50, 'must list at most 50 storefronts')
      .superRefine(noDuplicates)
      .optional()
      .openapi({ description: 'Sell only in these storefronts of the environment (each must exist and not be archived). Absent or empty: everywhere.' }),
    countries: z
      .array(z.string().regex(/^[A-Z]{2}$/, 'must be an upper-case ISO 3166-1 alpha-2 code'))
      .superRefine(noDuplicates)
      .optional()
      .openapi({ description: 'Sell only to customers in these countries. Absent or empty: everywhere.' }),
  })
  .check(acrossFields(priceRules))
  .openapi('CreatePriceRequest', {
    description: 'A price is immutable: to change one, create a new price and archive the old one, whose subscriptions go on at its terms.',
  });

export const ListPricesQuery = PageQuery.extend({
  status: z.enum(PRICE_STATUSES, { error: 'must be active or archived' }).optional(),
});

const TierSchema = z
  .object({
    upTo: z.number().int().nullable(),
    unitAmount: z.number().int().nullable(),
    unitAmountDecimal: z.string().nullable(),
    flatAmount: z.number().int().nullable(),
  })
  .openapi('PriceTier');

export const PriceSchema = z
  .object({
    id: z.string().openapi({ example: 'price_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M' }),
    bundleId: z.string(),
    status: z.enum(PRICE_STATUSES),
    currency: Currency,
    strategy: z.enum(STRATEGIES),
    amount: z.number().int().nullable().openapi({ description: 'null for tiered prices and for per_unit prices given by `unitAmountDecimal`.' }),
    unitAmountDecimal: z.string().nullable(),
    tiersMode: z.enum(TIERS_MODES).nullable(),
    tiers: z.array(TierSchema).nullable().openapi({ description: 'null unless tiered.' }),
    interval: z.enum(INTERVALS),
    intervalCount: z.number().int(),
    setupFee: z.number().int().nullable(),
    trialDays: z.number().int(),
    storefrontIds: z.array(z.string()),
    countries: z.array(z.string()),
    environmentId: z.string(),
    createdAt: Timestamp.nullable(),
    archivedAt: Timestamp.nullable(),
  })
  .openapi('Price', {
    description:
      'Immutable once created but for its archival. An archived price stays readable and keeps its subscriptions; subscribing to it is a 422.',
  });

export const BundleList = listOf(BundleSchema, 'BundleList');
export const PriceList = listOf(PriceSchema, 'PriceList');

// ---- quotes --------------------------------------------------------------------------------

export const QuoteQuery = z.object({
  quantity: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`)
    .optional()
    .openapi({ description: 'Units of one period; default 1.', example: 3 }),
  storefrontId: z.string().min(1).max(64).optional().openapi({ description: 'When given, `sellable` also checks the price\'s storefront restriction.' }),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an upper-case ISO 3166-1 alpha-2 code such as DE')
    .optional()
    .openapi({ description: 'When given, `sellable` also checks the price\'s country restriction.' }),
});

export const PriceQuoteSchema = z
  .object({
    priceId: z.string(),
    bundleId: z.string(),
    currency: Currency,
    quantity: z.number().int(),
    amount: z.number().int().openapi({ description: 'One period at `quantity`, minor units: computed exactly, rounded once. Excludes the setup fee, tax and discounts.' }),
    setupFee: z.number().int().openapi({ description: 'Charged once with the first invoice; 0 when none.' }),
    interval: z.enum(INTERVALS),
    intervalCount: z.number().int(),
    trialDays: z.number().int(),
    strategy: z.enum(STRATEGIES),
    sellable: z.boolean().openapi({ description: 'Whether a new subscription may start on the price (in the storefront and country asked about, if any).' }),
    unsellableReason: z.string().nullable().openapi({
      description:
        'Why not, when `sellable` is false (`price_archived`, `bundle_archived`, `bundle_draft`, `storefront_not_allowed`, `country_not_allowed`); null otherwise.',
      example: null,
    }),
  })
  .openapi('PriceQuote', { description: 'What one period of a price costs at a quantity, from the one place pricing is computed.' });
