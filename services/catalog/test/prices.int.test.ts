import { aBundle, aFlatPrice, aPrice, aStorefront, aTieredPrice } from './support/builders';
import { failureOf, startHarness, type Harness, type TestTenant } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('prices');
});
afterAll(async () => {
  await h?.close();
});

async function withBundle(): Promise<TestTenant & { bundleId: string }> {
  const t = await h.newTenant();
  const bundle = await h.client.createBundle(aBundle(), { context: t.admin });
  return { ...t, bundleId: bundle.id };
}

test('a per-unit price is created active, with the defaults of what was not given', async () => {
  const { admin, bundleId, tenant } = await withBundle();
  const price = await h.client.createPrice(aPrice(bundleId, { strategy: '', intervalCount: 0 }), { context: admin });
  expect(price).toMatchObject({
    id: expect.stringMatching(/^price_/),
    bundleId,
    currency: 'EUR',
    strategy: 'per_unit',
    amount: 999,
    interval: 'month',
    intervalCount: 1,
    trialDays: 0,
    storefrontIds: [],
    countries: [],
    tiers: [],
    status: 'active',
    environmentId: tenant.environments.find((e) => e.name === 'production')!.id,
  });
  expect(price.setupFee).toBeUndefined();
  expect(price.tiersMode).toBeUndefined();
  expect(await h.client.getPrice({ id: price.id }, { context: admin })).toEqual(price);
});

test('flat, decimal per-unit and tiered prices keep their terms', async () => {
  const { admin, bundleId } = await withBundle();
  const flat = await h.client.createPrice(aFlatPrice(bundleId, { setupFee: 1500, trialDays: 14, interval: 'year' }), { context: admin });
  expect(flat).toMatchObject({ strategy: 'flat', amount: 4900, setupFee: 1500, trialDays: 14, interval: 'year' });

  const decimal = await h.client.createPrice(aPrice(bundleId, { amount: undefined, unitAmountDecimal: '0.50' }), { context: admin });
  expect(decimal).toMatchObject({ strategy: 'per_unit', unitAmountDecimal: '0.5' });
  expect(decimal.amount).toBeUndefined();

  const tiered = await h.client.createPrice(aTieredPrice(bundleId, { tiersMode: 'volume' }), { context: admin });
  expect(tiered).toMatchObject({
    strategy: 'tiered',
    tiersMode: 'volume',
    tiers: [{ upTo: 10, unitAmount: 100 }, { upTo: 20, unitAmount: 80, flatAmount: 500 }, { unitAmount: 50 }],
  });
  expect(tiered.amount).toBeUndefined();
  expect(tiered.tiers[2]!.upTo).toBeUndefined();
});

test('invalid money is refused with the field named', async () => {
  const { admin, bundleId } = await withBundle();
  const failure = await failureOf(
    h.client.createPrice(
      aTieredPrice(bundleId, {
        currency: 'EURO',
        setupFee: -1,
        tiers: [{ upTo: 10, unitAmount: -100 }, { upTo: 5, unitAmount: 80 }, { unitAmountDecimal: '0.1234567890123' }],
      }),
      { context: admin },
    ),
  );
  expect(failure.kind).toBe('invalid_argument');
  expect(failure.fields.map((f) => f.path).sort()).toEqual(
    ['currency', 'setupFee', 'tiers.0.unitAmount', 'tiers.1.upTo', 'tiers.2.unitAmountDecimal'].sort(),
  );
  expect(
    (await failureOf(h.client.createPrice(aPrice(bundleId, { amount: -5 }), { context: admin }))).fields,
  ).toEqual([{ path: 'amount', message: 'must not be negative' }]);
});

test('a price is archived once, stays readable, and archiving it again changes nothing', async () => {
  const { admin, bundleId } = await withBundle();
  const price = await h.client.createPrice(aPrice(bundleId), { context: admin });
  const archived = await h.client.archivePrice({ id: price.id }, { context: admin });
  expect(archived).toEqual({ ...price, status: 'archived', archivedAt: expect.any(String) });
  expect(await h.client.archivePrice({ id: price.id }, { context: admin })).toEqual(archived);
  expect(await h.client.getPrice({ id: price.id }, { context: admin })).toEqual(archived);
});

test('a price goes on a draft or active bundle, never an archived or unknown one', async () => {
  const t = await h.newTenant();
  const draft = await h.client.createBundle(aBundle({ status: 'draft' }), { context: t.admin });
  expect((await h.client.createPrice(aPrice(draft.id), { context: t.admin })).bundleId).toBe(draft.id);

  await h.client.archiveBundle({ id: draft.id }, { context: t.admin });
  expect(await failureOf(h.client.createPrice(aPrice(draft.id), { context: t.admin }))).toMatchObject({
    kind: 'conflict',
    code: 'bundle_archived',
  });
  expect(await failureOf(h.client.createPrice(aPrice('bun_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M'), { context: t.admin }))).toMatchObject({
    kind: 'not_found',
    code: 'bundle_not_found',
  });
});

test('a price may be restricted to storefronts of its environment, checked with the tenant service', async () => {
  const { admin, adminInSandbox, bundleId } = await withBundle();
  const germany = await h.tenants.createStorefront(aStorefront() as never, { context: admin });
  const closed = await h.tenants.createStorefront(aStorefront() as never, { context: admin });
  await h.tenants.archiveStorefront({ id: closed.id }, { context: admin });
  const elsewhere = await h.tenants.createStorefront(aStorefront() as never, { context: adminInSandbox });

  const restricted = await h.client.createPrice(aPrice(bundleId, { storefrontIds: [germany.id], countries: ['DE', 'AT'] }), {
    context: admin,
  });
  expect(restricted).toMatchObject({ storefrontIds: [germany.id], countries: ['DE', 'AT'] });

  const failure = await failureOf(
    h.client.createPrice(
      aPrice(bundleId, { storefrontIds: ['sf_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M', germany.id, closed.id, elsewhere.id, 'nonsense'] }),
      { context: admin },
    ),
  );
  expect(failure).toMatchObject({ kind: 'invalid_argument' });
  expect(failure.fields).toEqual([
    { path: 'storefrontIds.0', message: 'is not a storefront of this environment' },
    { path: 'storefrontIds.2', message: 'is an archived storefront' },
    { path: 'storefrontIds.3', message: 'is not a storefront of this environment' },
    { path: 'storefrontIds.4', message: 'is not a storefront of this environment' },
  ]);
});

test("a bundle's prices are listed newest first, paginated and filtered by status", async () => {
  const { admin, bundleId } = await withBundle();
  const other = await h.client.createBundle(aBundle(), { context: admin });
  const first = await h.client.createPrice(aPrice(bundleId), { context: admin });
  const second = await h.client.createPrice(aFlatPrice(bundleId), { context: admin });
  await h.client.createPrice(aPrice(other.id), { context: admin });
  await h.client.archivePrice({ id: first.id }, { context: admin });

  const page1 = await h.client.listPrices({ bundleId, page: { limit: 1, cursor: '' }, status: '' }, { context: admin });
  expect(page1.data.map((p) => p.id)).toEqual([second.id]);
  const page2 = await h.client.listPrices({ bundleId, page: { limit: 1, cursor: page1.nextCursor }, status: '' }, { context: admin });
  expect(page2.data.map((p) => [p.id, p.status])).toEqual([[first.id, 'archived']]);
  expect(page2.nextCursor).toBe('');
  const active = await h.client.listPrices({ bundleId, status: 'active' }, { context: admin });
  expect(active.data.map((p) => p.id)).toEqual([second.id]);
});

test('a price of another environment or tenant is not found; other services may read a price', async () => {
  const t = await h.newTenant();
  const other = await h.newTenant();
  const sandboxBundle = await h.client.createBundle(aBundle(), { context: t.adminInSandbox });
  const inSandbox = await h.client.createPrice(aPrice(sandboxBundle.id), { context: t.adminInSandbox });
  const theirBundle = await h.client.createBundle(aBundle(), { context: other.admin });
  const theirs = await h.client.createPrice(aPrice(theirBundle.id), { context: other.admin });
  for (const id of [inSandbox.id, theirs.id]) {
    expect(await failureOf(h.client.getPrice({ id }, { context: t.admin }))).toMatchObject({ code: 'price_not_found' });
    expect(await failureOf(h.client.archivePrice({ id }, { context: t.admin }))).toMatchObject({ code: 'price_not_found' });
  }
  expect(await failureOf(h.client.createPrice(aPrice(sandboxBundle.id), { context: t.admin }))).toMatchObject({
    code: 'bundle_not_found',
  });
  expect((await h.client.getPrice({ id: theirs.id }, { context: other.as('system') })).id).toBe(theirs.id);
  expect(await failureOf(h.client.createPrice(aPrice(theirBundle.id), { context: other.as('operator') }))).toMatchObject({
    kind: 'permission_denied',
  });
});
