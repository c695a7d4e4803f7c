import { randomBytes } from 'node:crypto';
import type { customerV1, tenantV1 } from '@azotte/proto';

export const PLATFORM_ADMIN = { email: 'platform@azotte.test', password: 'platform-admin-password' };

/** A label no other test uses (slugs, email local parts). */
export const unique = (label = 'x') => `${label}-${randomBytes(4).toString('hex')}`;

export function aTenant(overrides: Partial<tenantV1.CreateTenantRequest> = {}): tenantV1.CreateTenantRequest {
  return {
    name: 'Acme Streaming',
    slug: unique('acme'),
    reportingCurrency: 'EUR',
    fxRates: {},
    admin: { email: `${unique('owner')}@example.com`, password: 'correct-horse-battery', name: 'Ada Owner' },
    ...overrides,
  };
}

export function aStorefront(overrides: Partial<tenantV1.CreateStorefrontRequest> = {}): tenantV1.CreateStorefrontRequest {
  return {
    name: 'Germany web shop',
    slug: unique('shop'),
    branding: { theme: 'light' },
    paymentMethods: ['card'],
    regional: {
      countries: ['DE'],
      defaultCurrency: 'EUR',
      currencies: ['EUR'],
      locale: 'de-DE',
      timezone: 'Europe/Berlin',
      taxBehavior: 'inclusive',
      taxRatePercent: '19',
    },
    ...overrides,
  };
}

export function aCustomer(overrides: Partial<customerV1.CreateCustomerRequest> = {}): customerV1.CreateCustomerRequest {
  return {
    email: `${unique('anna')}@example.com`,
    name: 'Anna Schmidt',
    country: 'DE',
    locale: 'de-DE',
    metadata: { plan: 'gold' },
    ...overrides,
  };
}

export function aSupportRequest(
  customerId: string,
  overrides: Partial<customerV1.CreateSupportRequestRequest> = {},
): customerV1.CreateSupportRequestRequest {
  return {
    customerId,
    subject: 'Cannot play episode 3',
    body: 'The player stops after ten seconds, every time.',
    priority: '',
    ...overrides,
  };
}
