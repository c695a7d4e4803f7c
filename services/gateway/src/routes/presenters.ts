import type { Role } from '@azotte/common';
import type { tenantV1 } from '@azotte/proto';

// Proto carries enumerations as documented strings; the service guarantees their values.
type PaymentMethod = 'card' | 'paypal' | 'sepa_debit' | 'apple_pay' | 'google_pay';

/** Proto messages as API.md's JSON: absent optionals are null, decimals are numbers where the contract says so. */
export const presentEnvironment = (e: Pick<tenantV1.Environment, 'id' | 'name' | 'kind'>) => ({
  id: e.id,
  name: e.name,
  kind: e.kind as 'production' | 'sandbox',
});

export const presentTenant = (t: tenantV1.Tenant) => ({
  id: t.id,
  name: t.name,
  slug: t.slug,
  reportingCurrency: t.reportingCurrency,
  fxRates: t.fxRates,
  environments: t.environments.map(presentEnvironment),
  createdAt: t.createdAt ?? null,
});

export const presentUser = (u: tenantV1.User) => ({
  id: u.id,
  tenantId: u.tenantId || null,
  email: u.email,
  name: u.name || null,
  role: u.role as Role | 'platform_admin',
  disabled: u.disabled,
  createdAt: u.createdAt ?? null,
});

export const presentApiKey = (k: tenantV1.ApiKey) => ({
  id: k.id,
  name: k.name,
  role: k.role as Role,
  environment: k.environment,
  environmentId: k.environmentId,
  hint: k.hint,
  createdAt: k.createdAt ?? null,
  revokedAt: k.revokedAt ?? null,
  lastUsedAt: k.lastUsedAt ?? null,
});

export const presentStorefront = (s: tenantV1.Storefront) => ({
  id: s.id,
  name: s.name,
  slug: s.slug,
  status: s.status as 'active' | 'archived',
  branding: {
    logoUrl: s.branding?.logoUrl ?? null,
    primaryColor: s.branding?.primaryColor ?? null,
    theme: (s.branding?.theme ?? 'light') as 'light' | 'dark',
  },
  paymentMethods: s.paymentMethods as PaymentMethod[],
  regional: {
    countries: s.regional?.countries ?? [],
    defaultCurrency: s.regional?.defaultCurrency ?? '',
    currencies: s.regional?.currencies ?? [],
    locale: s.regional?.locale ?? '',
    timezone: s.regional?.timezone ?? '',
    taxBehavior: (s.regional?.taxBehavior ?? 'exclusive') as 'inclusive' | 'exclusive',
    taxRatePercent: s.regional?.taxRatePercent !== undefined ? Number(s.regional.taxRatePercent) : null,
  },
  environmentId: s.environmentId,
  createdAt: s.createdAt ?? null,
  updatedAt: s.updatedAt ?? null,
});

export const presentPaymentProvider = (p: tenantV1.PaymentProvider) => ({
  provider: p.provider,
  enabled: p.enabled,
  configured: p.configured,
  details: p.details ?? {},
});
