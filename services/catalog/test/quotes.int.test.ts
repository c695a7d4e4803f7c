import type { catalogV1 } from '@azotte/proto';
import { aBundle, aFlatPrice, aPrice, aStorefront, aTieredPrice } from './support/builders';
import { failureOf, startHarness, type Harness, type TestTenant } from './support/harness';

let h: Harness;
let t: TestTenant;
let bundleId: string;
beforeAll(async () => {
  h = await startHarness('quotes');
  t = await h.newTenant();
  bundleId = (await h.client.createBundle(aBundle(), { context: t.admin })).id;
});
afterAll(async () => {
  await h?.close();
});

const quote = (priceId: string, quantity: number, more: Partial<catalogV1.QuoteAmountRequest> = {}) =>
  h.client.quoteAmount({ priceId, quantity, storefrontId: '', country: '', ...more }, { context: t.as('system') });

describe('QuoteAmount', () => {
  it('answers what billing needs to invoice a period', async () => {
    const price = await h.client.createPrice(aFlatPrice(bundleId, { setupFee: 1500, trialDays: 7, interval: 'week', intervalCount: 2 }), {
      context: t.admin,
    });
    expect(await quote(price.id, 3)).toEqual({
      priceId: price.id,
      bundleId,
      currency: 'EUR',
      quantity: 3,
      amount: 4900,
      setupFee: 1500,
      interval: 'week',
      intervalCount: 2,
      trialDays: 7,
      strategy: 'flat',
      priceStatus: 'active',
      bundleStatus: 'active',
      sellable: true,
      unsellableReason: '',
    });
  });

  it.each<[string, number, number, (bundle: string) => catalogV1.CreatePriceRequest]>([
    ['per unit', 3, 2997, (b) => aPrice(b, { amount: 999 })],
    ['per unit, decimal, half a cent rounds up', 3, 2, (b) => aPrice(b, { amount: undefined, unitAmountDecimal: '0.5' })],
    ['graduated, one above a tier edge', 11, 1580, (b) => aTieredPrice(b)],
    ['graduated, in the unbounded tier', 21, 2350, (b) => aTieredPrice(b)],
    ['volume, at a tier edge', 20, 2100, (b) => aTieredPrice(b, { tiersMode: 'volume' })],
    ['volume, one above it', 21, 1050, (b) => aTieredPrice(b, { tiersMode: 'volume' })],
  ])('computes %s (quantity %d → %d)', async (_name, quantity, expected, build) => {
    const price = await h.client.createPrice(build(bundleId), { context: t.admin });
    expect((await quote(price.id, quantity)).amount).toBe(expected);
  });

  it('refuses a quantity out of range, and an unknown price', async () => {
    const price = await h.client.createPrice(aPrice(bundleId), { context: t.admin });
    for (const quantity of [0, -1, 1_000_001]) {
      expect(await failureOf(quote(price.id, quantity))).toMatchObject({ kind: 'invalid_argument', fields: [{ path: 'quantity' }] });
    }
    expect(await failureOf(quote(price.id, 1, { country: 'Germany' }))).toMatchObject({ fields: [{ path: 'country' }] });
    expect(await failureOf(quote('price_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M', 1))).toMatchObject({ kind: 'not_found', code: 'price_not_found' });
  });

  it('still quotes an archived price, for the subscriptions it keeps, but says it is not sellable', async () => {
    const price = await h.client.createPrice(aPrice(bundleId), { context: t.admin });
    await h.client.archivePrice({ id: price.id }, { context: t.admin });
    expect(await quote(price.id, 2)).toMatchObject({ amount: 1998, priceStatus: 'archived', sellable: false, unsellableReason: 'price_archived' });
  });

  it('says a price of a draft or archived bundle is not sellable', async () => {
    const draft = await h.client.createBundle(aBundle({ status: 'draft' }), { context: t.admin });
    const price = await h.client.createPrice(aPrice(draft.id), { context: t.admin });
    expect(await quote(price.id, 1)).toMatchObject({ bundleStatus: 'draft', sellable: false, unsellableReason: 'bundle_draft' });
    await h.client.archiveBundle({ id: draft.id }, { context: t.admin });
    expect(await quote(price.id, 1)).toMatchObject({ bundleStatus: 'archived', sellable: false, unsellableReason: 'bundle_archived' });
  });

  it('checks the storefront and country restrictions when asked about them', async () => {
    const germany = await h.tenants.createStorefront(aStorefront() as never, { context: t.admin });
    const price = await h.client.createPrice(aPrice(bundleId, { storefrontIds: [germany.id], countries: ['DE'] }), { context: t.admin });
    expect(await quote(price.id, 1, { storefrontId: germany.id, country: 'DE' })).toMatchObject({ sellable: true });
    expect(await quote(price.id, 1)).toMatchObject({ sellable: true });
    expect(await quote(price.id, 1, { storefrontId: 'sf_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M' })).toMatchObject({
      sellable: false,
      unsellableReason: 'storefront_not_allowed',
    });
    expect(await quote(price.id, 1, { country: 'FR' })).toMatchObject({ sellable: false, unsellableReason: 'country_not_allowed' });
  });

  it('does not quote a price of another environment', async () => {
    const price = await h.client.createPrice(aPrice(bundleId), { context: t.admin });
    expect(
      await failureOf(h.client.quoteAmount({ priceId: price.id, quantity: 1, storefrontId: '', country: '' }, { context: t.adminInSandbox })),
    ).toMatchObject({ kind: 'not_found' });
  });
});

describe('ResolveEntitlements', () => {
  it('lists each entitlement with the bundle granting it, in the order asked, a key from several bundles once per bundle', async () => {
    const basic = await h.client.createBundle(aBundle({ entitlements: [{ key: 'max_streams', value: 1 }, { key: 'ads', value: true }] }), {
      context: t.admin,
    });
    const sports = await h.client.createBundle(aBundle({ entitlements: [{ key: 'max_streams', value: 2 }, { key: 'league', value: 'premier' }] }), {
      context: t.admin,
    });
    const empty = await h.client.createBundle(aBundle({ entitlements: [] }), { context: t.admin });
    await h.client.archiveBundle({ id: sports.id }, { context: t.admin });

    const resolved = await h.client.resolveEntitlements({ bundleIds: [sports.id, basic.id, empty.id, sports.id] }, { context: t.as('system') });
    expect(resolved.data).toEqual([
      { key: 'max_streams', value: 2, bundleId: sports.id },
      { key: 'league', value: 'premier', bundleId: sports.id },
      { key: 'max_streams', value: 1, bundleId: basic.id },
      { key: 'ads', value: true, bundleId: basic.id },
    ]);
    expect((await h.client.resolveEntitlements({ bundleIds: [] }, { context: t.as('viewer') })).data).toEqual([]);
  });

  it('refuses a bundle it does not know, or one of another scope', async () => {
    const inSandbox = await h.client.createBundle(aBundle(), { context: t.adminInSandbox });
    expect(await failureOf(h.client.resolveEntitlements({ bundleIds: [bundleId, inSandbox.id] }, { context: t.admin }))).toMatchObject({
      kind: 'not_found',
      code: 'bundle_not_found',
    });
  });
});
