import { unsellableReason, type Offer } from '../src/domain/sellability';

const offer = (overrides: Partial<Offer> = {}): Offer => ({
  priceStatus: 'active',
  bundleStatus: 'active',
  storefrontIds: [],
  countries: [],
  ...overrides,
});

test.each<[string, string, Offer, { storefrontId?: string; country?: string }]>([
  ['an active price of an active bundle', 'sellable', offer(), {}],
  ['anywhere, when unrestricted', 'sellable', offer(), { storefrontId: 'sf_a', country: 'FR' }],
  ['an archived price', 'price_archived', offer({ priceStatus: 'archived' }), {}],
  ['the price first, then the bundle', 'price_archived', offer({ priceStatus: 'archived', bundleStatus: 'archived' }), {}],
  ['an archived bundle', 'bundle_archived', offer({ bundleStatus: 'archived' }), {}],
  ['a draft bundle', 'bundle_draft', offer({ bundleStatus: 'draft' }), {}],
  ['an allowed storefront', 'sellable', offer({ storefrontIds: ['sf_a'] }), { storefrontId: 'sf_a' }],
  ['another storefront', 'storefront_not_allowed', offer({ storefrontIds: ['sf_a'] }), { storefrontId: 'sf_b' }],
  ['a restricted price, no storefront named', 'sellable', offer({ storefrontIds: ['sf_a'] }), {}],
  ['an allowed country', 'sellable', offer({ countries: ['DE', 'AT'] }), { country: 'AT' }],
  ['another country', 'country_not_allowed', offer({ countries: ['DE'] }), { country: 'FR' }],
])('%s → %s', (_name, expected, o, where) => {
  expect(unsellableReason(o, where) ?? 'sellable').toBe(expected);
});
