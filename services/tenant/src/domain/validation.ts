import { emailField, isCurrency, isDecimalString, parseDecimal, ROLES } from '@azotte/common';
import { z } from 'zod';
import { isCountry, isLocale, isTaxRatePercent, isTimeZone } from './regional';
import { MIN_PASSWORD_LENGTH } from './passwords';

/**
 * The checks of every command, one schema each. A request is checked whole and
 * every problem is reported at once, with dotted paths in the HTTP field names
 * (`regional.currencies.1`), as a single invalid_argument error.
 */


export { fieldErrors, validate } from '@azotte/common';

// ---- shared fields ------------------------------------------------------------------------------

const required = (max = 100) =>
  z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);

const email = emailField;

const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1024, 'must be at most 1024 characters');

const personName = z.string().trim().max(100, 'must be at most 100 characters');

const role = z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` });

export const currency = z.string().refine(isCurrency, { error: 'is not an upper-case ISO 4217 currency code' });

const positiveDecimal = (text: string) => isDecimalString(text) && parseDecimal(text).numerator > 0n;

const fxRates = z.record(
  currency,
  z.string().refine(positiveDecimal, { error: 'must be a positive decimal string such as "0.92"' }),
);

/** Rejects repeated items, naming each repetition by its index. */
const noDuplicates = (items: unknown[], ctx: z.RefinementCtx) => {
  const seen = new Set<unknown>();
  items.forEach((item, i) => {
    if (seen.has(item)) ctx.addIssue({ code: 'custom', path: [i], message: 'is listed twice' });
    seen.add(item);
  });
};

// ---- tenants, environments, users, API keys -----------------------------------------------------

export const TENANT_SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

export const createTenantSchema = z.object({
  name: required(),
  slug: z.string().regex(TENANT_SLUG, { error: 'must be 2 to 63 lower-case letters, digits or dashes' }),
  reportingCurrency: currency,
  fxRates,
  admin: z.object({ email, password, name: personName }, { error: 'is required' }),
});

export const updateTenantSchema = z.object({
  name: required().optional(),
  reportingCurrency: currency.optional(),
  fxRates,
});

export const createEnvironmentSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, {
    error: 'must be 1 to 40 lower-case letters, digits or dashes',
  }),
  kind: z.enum(['production', 'sandbox'], { error: 'must be production or sandbox' }),
});

export const createUserSchema = z.object({ email, password, name: personName, role });

export const updateUserSchema = z.object({ role: role.optional(), disabled: z.boolean().optional() });

export const createApiKeySchema = z.object({
  name: required(),
  role,
  environment: z.string().trim().min(1, 'is required'),
});

// ---- payment providers ------------------------------------------------------------------------

export const putPaymentProviderSchema = z.object({
  enabled: z.boolean(),
  credentials: z
    .record(z.string(), z.unknown())
    .refine((c) => JSON.stringify(c).length <= 16_384, { error: 'must be at most 16 KiB' })
    .optional(),
});

// ---- storefronts ------------------------------------------------------------------------------

export const PAYMENT_METHODS = ['card', 'paypal', 'sepa_debit', 'apple_pay', 'google_pay'] as const;

const isHttpUrl = (text: string) => {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

const branding = z.object(
  {
    logoUrl: z
      .string()
      .max(2048, 'must be at most 2048 characters')
      .refine(isHttpUrl, { error: 'must be an http or https URL' })
      .optional(),
    primaryColor: z
      .string()
      .regex(/^#[0-9A-Fa-f]{6}$/, { error: 'must be a colour in the form #RRGGBB' })
      .optional(),
    theme: z.enum(['light', 'dark'], { error: 'must be light or dark' }),
  },
  { error: 'is required' },
);

const regional = z
  .object(
    {
      countries: z
        .array(z.string().refine(isCountry, { error: 'is not an ISO 3166-1 alpha-2 country code such as DE' }))
        .min(1, 'must list at least one country')
        .superRefine(noDuplicates),
      defaultCurrency: currency,
      currencies: z.array(currency).min(1, 'must list at least one currency').superRefine(noDuplicates),
      locale: z.string().refine(isLocale, { error: 'is not a BCP 47 locale such as de-DE' }),
      timezone: z.string().refine(isTimeZone, { error: 'is not an IANA time zone such as Europe/Berlin' }),
      taxBehavior: z.enum(['inclusive', 'exclusive'], { error: 'must be inclusive or exclusive' }),
      taxRatePercent: z
        .string()
        .refine(isTaxRatePercent, { error: 'must be a decimal from 0 to 100 with at most 4 decimals' })
        .optional(),
    },
    { error: 'is required' },
  )
  .refine(
    (r) => {
      // Runs even when other fields failed (see `when`), so it must not trust their types.
      const listed: unknown = r.currencies;
      return typeof r.defaultCurrency !== 'string' || !Array.isArray(listed) || listed.includes(r.defaultCurrency);
    },
    {
      path: ['defaultCurrency'],
      error: 'must be one of the currencies',
      // Checked alongside the field errors, so every problem is reported at once.
      when: (payload) => typeof payload.value === 'object' && payload.value !== null,
    },
  );

/** A whole storefront as it will be stored: checked on creation and again after every update. */
export const storefrontSchema = z.object({
  name: required(),
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { error: 'must be 1 to 63 lower-case letters, digits or dashes' }),
  branding,
  // Items are checked by the array's own refinement, not z.enum: an enum failure would stop the
  // duplicate check, and both problems should be reported together.
  paymentMethods: z
    .array(z.string())
    .min(1, 'must list at least one payment method')
    .superRefine((items, ctx) => {
      items.forEach((item, i) => {
        if (!(PAYMENT_METHODS as readonly string[]).includes(item)) {
          ctx.addIssue({ code: 'custom', path: [i], message: `must be one of ${PAYMENT_METHODS.join(', ')}` });
        }
      });
      noDuplicates(items, ctx);
    }),
  regional,
});

// ---- usage ------------------------------------------------------------------------------------

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const month = z.string().regex(MONTH, { error: 'must be a month in the form YYYY-MM' });

export const usageMonthSchema = z.object({ month });

export const recordApiCallsSchema = z.object({
  counts: z.array(
    z.object({
      tenantId: z.string().min(1, 'is required'),
      month,
      calls: z.number().int().min(0, 'must not be negative'),
    }),
  ),
});

// ---- audit log --------------------------------------------------------------------------------

const filter = z.string().max(200, 'must be at most 200 characters');

/** The audit log's filters: each optional ('' is none); `from` before `to` when both are given. */
export const auditLogFilterSchema = z
  .object({
    actorId: filter,
    action: filter,
    objectType: filter,
    objectId: filter,
    environmentId: filter,
    from: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 timestamp' }).optional(),
    to: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 timestamp' }).optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.from) < Date.parse(q.to), {
    path: ['from'],
    message: 'must be before to',
  });
