import type { tenantV1 } from '@azotte/proto';
import type { TaxSettings } from '@azotte/common';

/** A storefront as a hosted page renders it: branding, theme, locale and tax. */
export interface HostedStorefront {
  id: string;
  name: string;
  logoUrl: string | null;
  primaryColor: string | null;
  theme: 'light' | 'dark';
  locale: string;
  timezone: string;
  taxBehavior: 'inclusive' | 'exclusive';
  taxRatePercent: string | null;
}

/** The look of a page whose customer has no storefront: neutral, in the customer's locale. */
const NEUTRAL = { logoUrl: null, primaryColor: null, theme: 'light', timezone: 'UTC', taxBehavior: 'exclusive', taxRatePercent: null } as const;

export function hostedStorefront(sf: tenantV1.Storefront | undefined, fallback: { name: string; locale?: string }): HostedStorefront {
  if (!sf) return { id: '', name: fallback.name, locale: fallback.locale || 'en-US', ...NEUTRAL };
  const regional = sf.regional;
  return {
    id: sf.id,
    name: sf.name,
    logoUrl: sf.branding?.logoUrl || null,
    primaryColor: sf.branding?.primaryColor || null,
    theme: sf.branding?.theme === 'dark' ? 'dark' : 'light',
    locale: regional?.locale || fallback.locale || 'en-US',
    timezone: regional?.timezone || 'UTC',
    taxBehavior: regional?.taxBehavior === 'inclusive' ? 'inclusive' : 'exclusive',
    taxRatePercent: regional?.taxRatePercent || null,
  };
}

/** The storefront's tax, as the money helpers take it; undefined when it charges none. */
export const taxOf = (sf: HostedStorefront): TaxSettings | undefined =>
  sf.taxRatePercent ? { behavior: sf.taxBehavior, ratePercent: sf.taxRatePercent } : undefined;
