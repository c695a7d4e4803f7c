import type { tenantV1 } from '@azotte/proto';
import type { StorefrontFields } from '../store/storefronts';

// proto3 cannot tell an absent string from an empty one, nor an absent list from an empty one:
// an empty value means "not given". For the optional fields that may be removed (logoUrl,
// primaryColor, taxRatePercent) a present empty string means "remove it".

const given = (text: string | undefined) => (text === undefined || text === '' ? undefined : text);

/** The storefront a create request describes, before validation. */
export function storefrontFromRequest(request: tenantV1.CreateStorefrontRequest): unknown {
  const { branding, regional } = request;
  return {
    name: request.name,
    slug: request.slug,
    branding: branding && {
      theme: branding.theme,
      logoUrl: given(branding.logoUrl),
      primaryColor: given(branding.primaryColor),
    },
    paymentMethods: request.paymentMethods,
    regional: regional && { ...regional, taxRatePercent: given(regional.taxRatePercent) },
  };
}

/** Replaces the stored value when a new one is present; '' removes it. */
const replaceOptional = (stored: string | undefined, next: string | undefined) =>
  next === undefined ? stored : given(next);

const replaceList = (stored: string[], next: string[]) => (next.length > 0 ? next : stored);

/**
 * The storefront after an update, before validation: fields present replace
 * the stored ones, and branding and regional are merged one level deep.
 */
export function mergeStorefront(stored: StorefrontFields, request: tenantV1.UpdateStorefrontRequest): unknown {
  const b = request.branding;
  const r = request.regional;
  return {
    name: request.name ?? stored.name,
    slug: request.slug ?? stored.slug,
    branding: b
      ? {
          theme: b.theme || stored.branding.theme,
          logoUrl: replaceOptional(stored.branding.logoUrl, b.logoUrl),
          primaryColor: replaceOptional(stored.branding.primaryColor, b.primaryColor),
        }
      : stored.branding,
    paymentMethods:
      request.replacePaymentMethods || request.paymentMethods.length > 0 ? request.paymentMethods : stored.paymentMethods,
    regional: r
      ? {
          countries: replaceList(stored.regional.countries, r.countries),
          defaultCurrency: r.defaultCurrency || stored.regional.defaultCurrency,
          currencies: replaceList(stored.regional.currencies, r.currencies),
          locale: r.locale || stored.regional.locale,
          timezone: r.timezone || stored.regional.timezone,
          taxBehavior: r.taxBehavior || stored.regional.taxBehavior,
          taxRatePercent: replaceOptional(stored.regional.taxRatePercent, r.taxRatePercent),
        }
      : stored.regional,
  };
}

/** JSON with object keys sorted and undefined dropped: jsonb does not keep key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** True when two storefronts say the same (an update that changes nothing emits nothing). */
export const sameStorefront = (a: StorefrontFields, b: StorefrontFields) => canonical(a) === canonical(b);
