import type { catalogV1 } from '@azotte/proto';
import { z } from 'zod';
import type { Interval, PriceFields } from '../store/prices';
import { isCountry } from './countries';
import { MAX_QUANTITY, MAX_TIERS } from './pricing';
import { acrossFields, amount, canonicalDecimal, currency, decimalAmount, noDuplicates, type Report } from './validation';

export const STRATEGIES = ['flat', 'per_unit', 'tiered'] as const;
export const TIERS_MODES = ['graduated', 'volume'] as const;
export const INTERVALS = ['day', 'week', 'month', 'year'] as const;

/** The longest period, per interval: three years, as Stripe allows. */
export const MAX_INTERVAL_COUNT: Record<Interval, number> = { day: 1095, week: 156, month: 36, year: 3 };
export const MAX_TRIAL_DAYS = 730;
export const MAX_STOREFRONTS = 50;

const tier = z
  .object(
    {
      upTo: z
        .number({ error: 'must be a whole quantity, or null on the last tier' })
        .int('must be a whole quantity')
        .min(1, 'must be at least 1')
        .max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`)
        .nullable(),
      unitAmount: amount.optional(),
      unitAmountDecimal: decimalAmount.optional(),
      flatAmount: amount.optional(),
    },
    { error: 'must be an object { upTo, unitAmount?, unitAmountDecimal?, flatAmount? }' },
  )
  .check(
    acrossFields((t, report) => {
      if (t.unitAmount !== undefined && t.unitAmountDecimal !== undefined) {
        report(['unitAmountDecimal'], 'cannot be given with unitAmount');
      }
      if (t.unitAmount === undefined && t.unitAmountDecimal === undefined && t.flatAmount === undefined) {
        report(['unitAmount'], 'is required when the tier has no flatAmount');
      }
    }),
  );

/** Tiers ascend strictly by upTo; only the last one is unbounded. */
function tierBounds(items: unknown[], report: Report): void {
  let previous: number | undefined;
  items.forEach((item, i) => {
    const upTo = (item as { upTo?: unknown } | null)?.upTo;
    const last = i === items.length - 1;
    if (last && upTo !== null && upTo !== undefined) report([i, 'upTo'], 'must be null on the last tier, which has no upper bound');
    if (!last && upTo === null) report([i, 'upTo'], 'is required on every tier but the last');
    if (typeof upTo !== 'number') return;
    if (previous !== undefined && upTo <= previous) report([i, 'upTo'], `must be greater than the previous tier's (${previous})`);
    previous = upTo;
  });
}

const tiers = z
  .array(tier)
  .min(1, 'must list at least one tier')
  .max(MAX_TIERS, `must list at most ${MAX_TIERS} tiers`)
  .check(acrossFields<unknown[]>(tierBounds));

/** The rules between fields: which strategy takes which amounts, and how long a period may be. */
function priceRules(p: Record<string, unknown>, report: Report): void {
  const { strategy, interval, intervalCount } = p;
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
  const max = typeof interval === 'string' ? MAX_INTERVAL_COUNT[interval as Interval] : undefined;
  if (max !== undefined && typeof intervalCount === 'number' && intervalCount > max) {
    report(['intervalCount'], `must be at most ${max} when the interval is ${interval} (a period is at most three years)`);
  }
}

/** A whole price as it will be stored (prices are never changed afterwards). */
export const priceSchema = z
  .object({
    currency,
    strategy: z.enum(STRATEGIES, { error: 'must be flat, per_unit or tiered' }),
    amount: amount.optional(),
    unitAmountDecimal: decimalAmount.optional(),
    tiersMode: z.enum(TIERS_MODES, { error: 'must be graduated or volume' }).optional(),
    tiers: tiers.optional(),
    interval: z.enum(INTERVALS, { error: 'must be day, week, month or year' }),
    intervalCount: z.number().int('must be a whole number').min(1, 'must be at least 1'),
    setupFee: amount.optional(),
    trialDays: z
      .number()
      .int('must be a whole number of days')
      .min(0, 'must not be negative')
      .max(MAX_TRIAL_DAYS, `must be at most ${MAX_TRIAL_DAYS}`),
    storefrontIds: z
      .array(z.string().min(1, 'is required').max(64, 'is not a storefront id'))
      .max(MAX_STOREFRONTS, `must list at most ${MAX_STOREFRONTS} storefronts`)
      .superRefine(noDuplicates),
    countries: z
      .array(z.string().refine(isCountry, { error: 'is not an ISO 3166-1 alpha-2 country code such as DE' }))
      .superRefine(noDuplicates),
  })
  .check(acrossFields(priceRules));

/** The price a create request describes, before validation: proto's empty values become absent. */
export function priceFromRequest(request: catalogV1.CreatePriceRequest): unknown {
  return {
    currency: request.currency,
    strategy: request.strategy || 'per_unit',
    amount: request.amount,
    unitAmountDecimal: request.unitAmountDecimal,
    tiersMode: request.tiersMode,
    tiers:
      request.tiers.length > 0
        ? request.tiers.map((t) => ({
            upTo: t.upTo ?? null,
            unitAmount: t.unitAmount,
            unitAmountDecimal: t.unitAmountDecimal,
            flatAmount: t.flatAmount,
          }))
        : undefined,
    interval: request.interval,
    intervalCount: request.intervalCount || 1,
    setupFee: request.setupFee,
    trialDays: request.trialDays,
    storefrontIds: request.storefrontIds,
    countries: request.countries,
  };
}

/** The validated price as it is stored: decimals in canonical form, a tiered price's `amount: 0` dropped. */
export function storedPrice(p: z.output<typeof priceSchema>): PriceFields {
  const decimal = (text: string | undefined) => (text === undefined ? undefined : canonicalDecimal(text));
  return {
    ...p,
    amount: p.strategy === 'tiered' ? undefined : p.amount,
    unitAmountDecimal: decimal(p.unitAmountDecimal),
    tiers: p.tiers?.map((t) => ({
      upTo: t.upTo,
      ...(t.unitAmount !== undefined ? { unitAmount: t.unitAmount } : {}),
      ...(t.unitAmountDecimal !== undefined ? { unitAmountDecimal: decimal(t.unitAmountDecimal) } : {}),
      ...(t.flatAmount !== undefined ? { flatAmount: t.flatAmount } : {}),
    })),
  };
}
