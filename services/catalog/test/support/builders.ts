import type { catalogV1 } from '@azotte/proto';

export function aBundle(overrides: Partial<catalogV1.CreateBundleRequest> = {}): catalogV1.CreateBundleRequest {
  return {
    name: 'Premium',
    description: 'Everything, in 4K',
    entitlements: [
      { key: 'hd', value: true },
      { key: 'max_streams', value: 4 },
      { key: 'quality', value: '4k' },
    ],
    status: '',
    ...overrides,
  };
}

/** A per-unit monthly price of 9.99 EUR; `bundleId` is the one thing every test must give. */
export function aPrice(bundleId: string, overrides: Partial<catalogV1.CreatePriceRequest> = {}): catalogV1.CreatePriceRequest {
  return {
    bundleId,
    currency: 'EUR',
    amount: 999,
    strategy: 'per_unit',
    tiers: [],
    interval: 'month',
    intervalCount: 1,
    trialDays: 0,
    storefrontIds: [],
    countries: [],
    ...overrides,
  };
}

export function aFlatPrice(bundleId: string, overrides: Partial<catalogV1.CreatePriceRequest> = {}) {
  return aPrice(bundleId, { strategy: 'flat', amount: 4900, ...overrides });
}

/** Graduated: 1–10 at 1.00, 11–20 at 0.80 plus 5.00 on reaching the tier, 21 and up at 0.50. */
export function aTieredPrice(bundleId: string, overrides: Partial<catalogV1.CreatePriceRequest> = {}) {
  return aPrice(bundleId, {
    strategy: 'tiered',
    amount: undefined,
    tiersMode: 'graduated',
    tiers: [
      { upTo: 10, unitAmount: 100 },
      { upTo: 20, unitAmount: 80, flatAmount: 500 },
      { unitAmount: 50 },
    ],
    ...overrides,
  });
}

export function aStorefront(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Germany',
    slug: `de-${Math.random().toString(36).slice(2, 8)}`,
    branding: { theme: 'light' },
    paymentMethods: ['card'],
    regional: {
      countries: ['DE'],
      defaultCurrency: 'EUR',
      currencies: ['EUR'],
      locale: 'de-DE',
      timezone: 'Europe/Berlin',
      taxBehavior: 'inclusive',
    },
    ...overrides,
  };
}
