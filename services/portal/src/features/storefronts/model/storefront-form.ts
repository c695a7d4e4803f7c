import { z } from 'zod';
import type { Schema } from '../../../lib/api';
import { t } from '../../../lib/i18n';
import { isHexColor } from './contrast';
import { browserTimeZone, isLocale } from './regional';

export type Storefront = Schema<'Storefront'>;
export type PaymentMethod = Storefront['paymentMethods'][number];
export const PAYMENT_METHODS: readonly PaymentMethod[] = ['card', 'paypal', 'sepa_debit', 'apple_pay', 'google_pay'];
/** What the hosted pages use when a storefront has no primary colour of its own. */
export const DEFAULT_PRIMARY = '#3B3FD8';

/** The storefront form as typed; named as the API names its fields, so that its `errors[]` land beside them. */
export interface StorefrontFormValues {
  name: string;
  slug: string;
  branding: { logoUrl: string; primaryColor: string; theme: 'light' | 'dark' };
  paymentMethods: PaymentMethod[];
  regional: {
    countries: string[];
    currencies: string[];
    defaultCurrency: string;
    locale: string;
    timezone: string;
    taxBehavior: 'inclusive' | 'exclusive';
    taxRatePercent: string;
  };
}

export const STOREFRONT_FIELDS = ['name', 'slug', 'branding', 'paymentMethods', 'regional'] as const;

/** `regional.countries.1` names one code of a list: the list's field shows it. */
export const fieldOfApiPath = (path: string) => path.replace(/^((?:regional\.)?(?:countries|currencies)|paymentMethods)\.\d+$/, '$1');

const v = t.storefronts.validation;
const TAX_RATE = /^\d{1,3}(\.\d{1,4})?$/;

const isHttpUrl = (text: string) => {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

export const storefrontFormSchema = z.object({
  name: z.string().trim().min(1, v.required).max(100, v.maxLength(100)),
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, v.slug),
  branding: z.object({
    logoUrl: z.string().trim().max(2048, v.maxLength(2048)).refine((s) => s === '' || isHttpUrl(s), v.url),
    primaryColor: z.string().trim().refine((s) => s === '' || isHexColor(s), v.color),
    theme: z.enum(['light', 'dark']),
  }),
  paymentMethods: z.array(z.enum(PAYMENT_METHODS as [PaymentMethod, ...PaymentMethod[]])).min(1, v.paymentMethods),
  regional: z
    .object({
      countries: z.array(z.string()).min(1, v.countries),
      currencies: z.array(z.string()).min(1, v.currencies),
      defaultCurrency: z.string(),
      locale: z.string().trim().refine(isLocale, v.locale),
      timezone: z.string().min(1, v.required),
      taxBehavior: z.enum(['inclusive', 'exclusive']),
      taxRatePercent: z.string().trim().refine((s) => s === '' || (TAX_RATE.test(s) && Number(s) <= 100), v.taxRate),
    })
    .superRefine((regional, ctx) => {
      // The API's rule: the default currency is one of the storefront's currencies.
      if (!regional.currencies.includes(regional.defaultCurrency)) {
        ctx.addIssue({ code: 'custom', path: ['defaultCurrency'], message: regional.defaultCurrency ? v.defaultCurrency : v.defaultCurrencyMissing });
      }
    }),
});

/**
 * The default currency once the list of currencies changes: it stays if it is
 * still listed; else the first currency listed takes its place (or none).
 */
export function defaultCurrencyAfter(currencies: readonly string[], current: string): string {
  return currencies.includes(current) ? current : (currencies[0] ?? '');
}

export function newStorefrontForm(): StorefrontFormValues {
  return {
    name: '',
    slug: '',
    branding: { logoUrl: '', primaryColor: DEFAULT_PRIMARY, theme: 'light' },
    paymentMethods: ['card'],
    regional: {
      countries: [],
      currencies: ['EUR'],
      defaultCurrency: 'EUR',
      locale: 'en-US',
      timezone: browserTimeZone(),
      taxBehavior: 'exclusive',
      taxRatePercent: '',
    },
  };
}

export function storefrontToForm(s: Storefront): StorefrontFormValues {
  return {
    name: s.name,
    slug: s.slug,
    branding: { logoUrl: s.branding.logoUrl ?? '', primaryColor: s.branding.primaryColor ?? '', theme: s.branding.theme },
    paymentMethods: [...s.paymentMethods],
    regional: {
      countries: [...s.regional.countries],
      currencies: [...s.regional.currencies],
      defaultCurrency: s.regional.defaultCurrency,
      locale: s.regional.locale,
      timezone: s.regional.timezone,
      taxBehavior: s.regional.taxBehavior,
      taxRatePercent: s.regional.taxRatePercent === null ? '' : String(s.regional.taxRatePercent),
    },
  };
}

const regionalOf = (r: StorefrontFormValues['regional']) => ({
  countries: r.countries,
  currencies: r.currencies,
  defaultCurrency: r.defaultCurrency,
  locale: r.locale.trim(),
  timezone: r.timezone,
  taxBehavior: r.taxBehavior,
});

export function toCreateStorefrontBody(values: StorefrontFormValues): Schema<'CreateStorefrontRequest'> {
  const { logoUrl, primaryColor, theme } = values.branding;
  const rate = values.regional.taxRatePercent.trim();
  return {
    name: values.name.trim(),
    slug: values.slug,
    branding: { theme, ...(logoUrl.trim() ? { logoUrl: logoUrl.trim() } : {}), ...(primaryColor.trim() ? { primaryColor: primaryColor.trim() } : {}) },
    paymentMethods: values.paymentMethods,
    // A percentage, not money: the API takes it as a number with at most 4 decimals.
    regional: { ...regionalOf(values.regional), ...(rate ? { taxRatePercent: Number(rate) } : {}) },
  };
}

/** A PATCH of the whole form: an emptied logo, colour or tax rate is sent as null, which clears it. */
export function toUpdateStorefrontBody(values: StorefrontFormValues): Schema<'UpdateStorefrontRequest'> {
  const { logoUrl, primaryColor, theme } = values.branding;
  const rate = values.regional.taxRatePercent.trim();
  return {
    name: values.name.trim(),
    slug: values.slug,
    branding: { theme, logoUrl: logoUrl.trim() || null, primaryColor: primaryColor.trim() || null },
    paymentMethods: values.paymentMethods,
    regional: { ...regionalOf(values.regional), taxRatePercent: rate ? Number(rate) : null },
  };
}
