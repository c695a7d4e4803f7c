import { randomBytes } from 'node:crypto';
import type { tenantV1 } from '@azotte/proto';

export const PLATFORM_ADMIN = { email: 'platform@azotte.test', password: 'platform-admin-password' };

/** A slug (and email local part) no other test uses. */
export const uniqueSlug = (label = 'acme') => `${label}-${randomBytes(4).toString('hex')}`;

export function aTenant(overrides: Partial<tenantV1.CreateTenantRequest> = {}): tenantV1.CreateTenantRequest {
  const slug = overrides.slug ?? uniqueSlug();
  return {
    name: 'Acme Streaming',
    slug,
    reportingCurrency: 'EUR',
    fxRates: { USD: '0.92' },
    admin: { email: `${uniqueSlug('owner')}@example.com`, password: 'correct-horse-battery', name: 'Ada Owner' },
    ...overrides,
  };
}

export function aUser(overrides: Partial<tenantV1.CreateUserRequest> = {}): tenantV1.CreateUserRequest {
  return {
    email: `${uniqueSlug('user')}@example.com`,
    password: 'a-long-enough-password',
    name: 'Grace',
    role: 'manager',
    ...overrides,
  };
}

export function anApiKey(overrides: Partial<tenantV1.CreateApiKeyRequest> = {}): tenantV1.CreateApiKeyRequest {
  return { name: 'Backend', role: 'operator', environment: 'production', ...overrides };
}

export function aStorefront(overrides: Partial<tenantV1.CreateStorefrontRequest> = {}): tenantV1.CreateStorefrontRequest {
  return {
    name: 'Germany web shop',
    slug: uniqueSlug('shop'),
    branding: { logoUrl: 'https://cdn.example.com/logo.png', primaryColor: '#1A2B3C', theme: 'light' },
    paymentMethods: ['card', 'sepa_debit'],
    regional: aRegional(),
    ...overrides,
  };
}

export function aRegional(overrides: Partial<tenantV1.Regional> = {}): tenantV1.Regional {
  return {
    countries: ['DE', 'AT'],
    defaultCurrency: 'EUR',
    currencies: ['EUR', 'CHF'],
    locale: 'de-DE',
    timezone: 'Europe/Berlin',
    taxBehavior: 'inclusive',
    taxRatePercent: '19',
    ...overrides,
  };
}

/** The whole audit log: no filter, the first page. */
export function anAuditLogQuery(overrides: Partial<tenantV1.ListAuditLogRequest> = {}): tenantV1.ListAuditLogRequest {
  return { actorId: '', action: '', objectType: '', objectId: '', environmentId: '', ...overrides };
}
