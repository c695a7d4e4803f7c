import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { z } from 'zod';
import type { Schema } from '../../../lib/api';
import { minorOf, moneyText } from '../../../lib/forms';
import { minorToInput } from '../../../lib/money';
import { t } from '../../../lib/i18n';
import type { Price } from './format';
import { rowsToTiers, startingTierRows, tierProblems, tiersToRows, type TierRow } from './tiers';

export type CreatePriceBody = Schema<'CreatePriceRequest'>;
export const STRATEGIES = ['flat', 'per_unit', 'tiered'] as const;
export const TIERS_MODES = ['graduated', 'volume'] as const;
export const INTERVALS = ['day', 'week', 'month', 'year'] as const;
/** A billing period is at most three years (the API's rule). */
export const MAX_INTERVAL_COUNT: Record<(typeof INTERVALS)[number], number> = { day: 1095, week: 156, month: 36, year: 3 };

/** The price form as typed: every amount and count is text until it is sent. */
export interface PriceFormValues {
  currency: string;
  strategy: (typeof STRATEGIES)[number];
  amount: string;
  tiersMode: (typeof TIERS_MODES)[number];
  tiers: TierRow[];
  interval: (typeof INTERVALS)[number];
  intervalCount: string;
  setupFee: string;
  trialDays: string;
  storefrontIds: string[];
  countries: string[];
}

/** Form fields named as the API names them, so that its `errors[]` land beside them. */
export const PRICE_FIELDS = ['currency', 'amount', 'strategy', 'tiersMode', 'tiers', 'interval', 'intervalCount', 'setupFee', 'trialDays', 'storefrontIds', 'countries'] as const;

const WHOLE = /^\d+$/;
const v = t.catalog.validation;

export function emptyPriceForm(currency: string): PriceFormValues {
  return {
    currency,
    strategy: 'flat',
    amount: '',
    tiersMode: 'graduated',
    tiers: startingTierRows(),
    interval: 'month',
    intervalCount: '1',
    setupFee: '',
    trialDays: '0',
    storefrontIds: [],
    countries: [],
  };
}

/** A price's terms as the form's starting point for its new version. */
export function priceToFormValues(price: Price): PriceFormValues {
  const money = (minor: number | null) => (minor === null ? '' : minorToInput(minor, price.currency));
  return {
    currency: price.currency,
    strategy: price.strategy,
    amount: money(price.amount),
    tiersMode: price.tiersMode ?? 'graduated',
    tiers: price.tiers?.length ? tiersToRows(price.tiers, price.currency) : startingTierRows(),
    interval: price.interval,
    intervalCount: String(price.intervalCount),
    setupFee: price.setupFee ? money(price.setupFee) : '',
    trialDays: String(price.trialDays),
    storefrontIds: [...price.storefrontIds],
    countries: [...price.countries],
  };
}

/** The form's schema for one currency (amounts are checked with its number of decimals). */
export function priceFormSchema(currency: string) {
  const whole = (max: number, min: number) =>
    z.string().superRefine((text, ctx) => {
      const s = text.trim();
      if (!WHOLE.test(s)) ctx.addIssue({ code: 'custom', message: v.wholeNumber });
      else if (Number(s) < min) ctx.addIssue({ code: 'custom', message: v.atLeast(min) });
      else if (Number(s) > max) ctx.addIssue({ code: 'custom', message: v.atMost(max) });
    });
  return z
    .object({
      currency: z.string().regex(/^[A-Z]{3}$/, v.currency),
      strategy: z.enum(STRATEGIES),
      amount: z.string(),
      tiersMode: z.enum(TIERS_MODES),
      tiers: z.array(z.object({ upTo: z.string(), unitAmount: z.string(), flatAmount: z.string() })),
      interval: z.enum(INTERVALS),
      intervalCount: whole(MAX_INTERVAL_COUNT.day, 1),
      setupFee: moneyText(() => currency, { optional: true }),
      trialDays: whole(730, 0),
      storefrontIds: z.array(z.string()),
      countries: z.array(z.string()),
    })
    .superRefine((values, ctx) => {
      if (values.strategy !== 'tiered') {
        const amount = moneyText(() => currency).safeParse(values.amount);
        if (!amount.success) ctx.addIssue({ code: 'custom', path: ['amount'], message: amount.error.issues[0]?.message ?? v.notAnAmount });
      } else {
        if (values.tiers.length === 0) ctx.addIssue({ code: 'custom', path: ['tiers'], message: v.tiersRequired });
        for (const problem of tierProblems(values.tiers, currency)) ctx.addIssue({ code: 'custom', path: ['tiers', ...problem.path], message: problem.message });
      }
      const max = MAX_INTERVAL_COUNT[values.interval];
      const count = values.intervalCount.trim();
      if (WHOLE.test(count) && Number(count) > max) ctx.addIssue({ code: 'custom', path: ['intervalCount'], message: v.intervalCountMax(max, values.interval) });
    });
}

/** Validates with the currency being submitted: a JPY amount has no decimals, a KWD one three. */
export const priceFormResolver: Resolver<PriceFormValues> = (values, context, options) =>
  zodResolver(priceFormSchema(values.currency))(values, context, options);

/** The form as POST /bundles/{id}/prices takes it: integer minor units, whole counts, only what the strategy uses. */
export function toCreatePriceBody(values: PriceFormValues): CreatePriceBody {
  const { currency } = values;
  const body: CreatePriceBody = {
    currency,
    strategy: values.strategy,
    interval: values.interval,
    intervalCount: Number(values.intervalCount.trim()),
    trialDays: Number(values.trialDays.trim()),
  };
  if (values.strategy === 'tiered') {
    body.tiersMode = values.tiersMode;
    body.tiers = rowsToTiers(values.tiers, currency);
  } else {
    body.amount = minorOf(values.amount, currency);
  }
  const setupFee = values.setupFee.trim() === '' ? undefined : minorOf(values.setupFee, currency);
  if (setupFee) body.setupFee = setupFee;
  if (values.storefrontIds.length > 0) body.storefrontIds = values.storefrontIds;
  if (values.countries.length > 0) body.countries = values.countries;
  return body;
}
