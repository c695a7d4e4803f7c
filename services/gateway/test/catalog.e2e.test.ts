import { startPlatform, storefrontBody, type Platform } from './support/platform';

let platform: Platform;
let token: string;
beforeAll(async () => {
  platform = await startPlatform('catalog');
  ({ token } = await platform.createTenant());
});
afterAll(async () => {
  await platform.stop();
});

const bundleBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Premium',
  description: 'Everything, in 4K',
  entitlements: [
    { key: 'hd', value: true },
    { key: 'max_streams', value: 4 },
    { key: 'quality', value: '4k' },
  ],
  ...overrides,
});

const priceBody = (overrides: Record<string, unknown> = {}) => ({ currency: 'EUR', amount: 999, interval: 'month', ...overrides });

async function newBundle(as = token, overrides: Record<string, unknown> = {}) {
  const res = await platform.call('POST', '/bundles', { token: as, body: bundleBody(overrides) });
  expect(res.status).toBe(201);
  return res.body as { id: string; status: string };
}

/** The paths a 400 names, each once (a field may have several problems), sorted. */
const pathsOf = (res: { status: number; body: { errors?: Array<{ path: string }> } }) => {
  expect(res.status).toBe(400);
  return [...new Set((res.body.errors ?? []).map((e) => e.path))].sort();
};

describe('bundles', () => {
  it('are created active with entitlements of every kind, read back, and listed', async () => {
    const res = await platform.call('POST', '/bundles', { token, body: bundleBody() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^bun_/),
      name: 'Premium',
      description: 'Everything, in 4K',
      status: 'active',
      entitlements: [
        { key: 'hd', value: true },
        { key: 'max_streams', value: 4 },
        { key: 'quality', value: '4k' },
      ],
      archivedAt: null,
    });
    const read = await platform.call('GET', `/bundles/${res.body.id}`, { token });
    expect(read).toMatchObject({ status: 200, body: res.body });
    const listed = await platform.call('GET', '/bundles?limit=100', { token });
    expect(listed.body.data.map((b: { id: string }) => b.id)).toContain(res.body.id);
  });

  it('refuse bad entitlements with every field named', async () => {
    const res = await platform.call('POST', '/bundles', {
      token,
      body: {
        name: '',
        entitlements: [
          { key: 'Bad Key', value: 1 },
          { key: 'dup', value: null },
          { key: 'dup', value: { nested: true } },
        ],
      },
    });
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(pathsOf(res)).toEqual(['entitlements.0.key', 'entitlements.1.value', 'entitlements.2.key', 'entitlements.2.value', 'name']);
  });

  it('are changed, made active from draft, and archived; an archived bundle is read but not changed', async () => {
    const draft = await newBundle(token, { status: 'draft' });
    expect(draft.status).toBe('draft');
    const patched = await platform.call('PATCH', `/bundles/${draft.id}`, {
      token,
      body: { name: 'Premium+', description: null, entitlements: [{ key: 'max_streams', value: 6 }], status: 'active' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Premium+', description: null, status: 'active', entitlements: [{ key: 'max_streams', value: 6 }] });

    const back = await platform.call('PATCH', `/bundles/${draft.id}`, { token, body: { status: 'draft' } });
    expect(back).toMatchObject({ status: 409, body: { code: 'bundle_already_active' } });

    const archived = await platform.call('DELETE', `/bundles/${draft.id}`, { token });
    expect(archived).toMatchObject({ status: 200, body: { status: 'archived', archivedAt: expect.any(String) } });
    expect((await platform.call('GET', `/bundles/${draft.id}`, { token })).body.status).toBe('archived');
    expect(await platform.call('PATCH', `/bundles/${draft.id}`, { token, body: { name: 'x' } })).toMatchObject({
      status: 409,
      body: { code: 'bundle_archived' },
    });
    expect(await platform.call('POST', `/bundles/${draft.id}/prices`, { token, body: priceBody() })).toMatchObject({
      status: 409,
      body: { code: 'bundle_archived' },
    });
  });

  it('are listed newest first, a page at a time, filtered by status', async () => {
    const { token: own } = await platform.createTenant();
    const a = await newBundle(own);
    const b = await newBundle(own, { status: 'draft' });
    const c = await newBundle(own);
    const page1 = await platform.call('GET', '/bundles?limit=2', { token: own });
    expect(page1.body.data.map((x: { id: string }) => x.id)).toEqual([c.id, b.id]);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await platform.call('GET', `/bundles?limit=2&cursor=${page1.body.nextCursor}`, { token: own });
    expect(page2.body).toEqual({ data: [expect.objectContaining({ id: a.id })], nextCursor: null });
    const drafts = await platform.call('GET', '/bundles?status=draft', { token: own });
    expect(drafts.body.data.map((x: { id: string }) => x.id)).toEqual([b.id]);
    expect(pathsOf(await platform.call('GET', '/bundles?status=deleted', { token: own }))).toEqual(['status']);
  });

  it('take an Idempotency-Key: a retry replays the first response and creates nothing more', async () => {
    const { token: own } = await platform.createTenant();
    const headers = { 'Idempotency-Key': `bundle-${Math.random()}` };
    const first = await platform.call('POST', '/bundles', { token: own, body: bundleBody(), headers });
    const retry = await platform.call('POST', '/bundles', { token: own, body: bundleBody(), headers });
    expect(first.status).toBe(201);
    expect(retry).toMatchObject({ status: 201, body: first.body });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((await platform.call('GET', '/bundles', { token: own })).body.data).toHaveLength(1);
    const other = await platform.call('POST', '/bundles', { token: own, body: bundleBody({ name: 'Other' }), headers });
    expect(other).toMatchObject({ status: 422, body: { code: 'idempotency_key_reused' } });
  });
});

describe('prices', () => {
  it('are created for each strategy, with the defaults of what was not given', async () => {
    const bundle = await newBundle();
    const perUnit = await platform.call('POST', `/bundles/${bundle.id}/prices`, { token, body: priceBody() });
    expect(perUnit.status).toBe(201);
    expect(perUnit.body).toMatchObject({
      id: expect.stringMatching(/^price_/),
      bundleId: bundle.id,
      status: 'active',
      currency: 'EUR',
      strategy: 'per_unit',
      amount: 999,
      unitAmountDecimal: null,
      tiersMode: null,
      tiers: null,
      interval: 'month',
      intervalCount: 1,
      setupFee: null,
      trialDays: 0,
      storefrontIds: [],
      countries: [],
      archivedAt: null,
    });

    const flat = await platform.call('POST', `/bundles/${bundle.id}/prices`, {
      token,
      body: priceBody({ strategy: 'flat', amount: 4900, interval: 'year', setupFee: 1500, trialDays: 14, countries: ['DE', 'AT'] }),
    });
    expect(flat).toMatchObject({
      status: 201,
      body: { strategy: 'flat', amount: 4900, interval: 'year', setupFee: 1500, trialDays: 14, countries: ['DE', 'AT'] },
    });

    const decimal = await platform.call('POST', `/bundles/${bundle.id}/prices`, {
      token,
      body: priceBody({ amount: undefined, unitAmountDecimal: '0.125', interval: 'day', intervalCount: 7 }),
    });
    expect(decimal).toMatchObject({ status: 201, body: { strategy: 'per_unit', amount: null, unitAmountDecimal: '0.125', intervalCount: 7 } });

    for (const tiersMode of ['graduated', 'volume']) {
      const tiered = await platform.call('POST', `/bundles/${bundle.id}/prices`, {
        token,
        body: priceBody({
          amount: undefined,
          strategy: 'tiered',
          tiersMode,
          tiers: [
            { upTo: 10, unitAmount: 100 },
            { upTo: 20, unitAmountDecimal: '80.5', flatAmount: 500 },
            { upTo: null, unitAmount: 50 },
          ],
        }),
      });
      expect(tiered).toMatchObject({
        status: 201,
        body: {
          strategy: 'tiered',
          tiersMode,
          amount: null,
          tiers: [
            { upTo: 10, unitAmount: 100, unitAmountDecimal: null, flatAmount: null },
            { upTo: 20, unitAmount: null, unitAmountDecimal: '80.5', flatAmount: 500 },
            { upTo: null, unitAmount: 50, unitAmountDecimal: null, flatAmount: null },
          ],
        },
      });
    }
  });

  it('refuse invalid money with a 400 naming each field', async () => {
    const bundle = await newBundle();
    const post = (body: Record<string, unknown>) => platform.call('POST', `/bundles/${bundle.id}/prices`, { token, body });
    expect(pathsOf(await post(priceBody({ amount: -1 })))).toEqual(['amount']);
    expect(pathsOf(await post(priceBody({ amount: 9.99 })))).toEqual(['amount']);
    expect(pathsOf(await post(priceBody({ amount: '999' })))).toEqual(['amount']);
    expect(pathsOf(await post(priceBody({ currency: 'EURO' })))).toEqual(['currency']);
    expect(pathsOf(await post(priceBody({ currency: 'XTS' })))).toEqual(['currency']);
    expect(pathsOf(await post(priceBody({ setupFee: -100 })))).toEqual(['setupFee']);
    expect(pathsOf(await post(priceBody({ amount: undefined, unitAmountDecimal: '-0.5' })))).toEqual(['unitAmountDecimal']);
    const tiers = await post(
      priceBody({
        amount: undefined,
        strategy: 'tiered',
        tiersMode: 'volume',
        tiers: [{ upTo: 10, unitAmount: -5 }, { upTo: 20, flatAmount: 0.5 }, { upTo: null, unitAmount: 1.5 }],
      }),
    );
    expect(pathsOf(tiers)).toEqual(['tiers.0.unitAmount', 'tiers.1.flatAmount', 'tiers.2.unitAmount']);
    expect(tiers.body.errors.find((e: { path: string }) => e.path === 'tiers.0.unitAmount').message).toBe('must not be negative');
    // Every problem at once, the rules between fields included.
    expect(pathsOf(await post({ currency: 'ABC', amount: -5, interval: 'month', strategy: 'tiered', intervalCount: 40 }))).toEqual([
      'amount',
      'currency',
      'intervalCount',
      'tiers',
      'tiersMode',
    ]);
  });

  it('are immutable: there is no route to change one', async () => {
    const bundle = await newBundle();
    const price = (await platform.call('POST', `/bundles/${bundle.id}/prices`, { token, body: priceBody() })).body;
    for (const method of ['PATCH', 'PUT']) {
      const res = await platform.call(method, `/prices/${price.id}`, { token, body: { amount: 1 } });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('route_not_found');
    }
    expect((await platform.call('GET', `/prices/${price.id}`, { token })).body.amount).toBe(999);
  });

  it('are archived with a 200, stay readable, and archiving again changes nothing', async () => {
    const bundle = await newBundle();
    const price = (await platform.call('POST', `/bundles/${bundle.id}/prices`, { token, body: priceBody() })).body;
    const archived = await platform.call('POST', `/prices/${price.id}/archive`, { token });
    expect(archived).toMatchObject({ status: 200, body: { ...price, status: 'archived', archivedAt: expect.any(String) } });
    expect(await platform.call('POST', `/prices/${price.id}/archive`, { token })).toMatchObject({ status: 200, body: archived.body });
    expect(await platform.call('GET', `/prices/${price.id}`, { token })).toMatchObject({ status: 200, body: archived.body });
    const active = await platform.call('GET', `/bundles/${bundle.id}/prices?status=active`, { token });
    expect(active.body).toEqual({ data: [], nextCursor: null });
    const all = await platform.call('GET', `/bundles/${bundle.id}/prices`, { token });
    expect(all.body.data.map((p: { id: string }) => p.id)).toEqual([price.id]);
  });

  it("of a bundle are listed newest first, a page at a time", async () => {
    const bundle = await newBundle();
    const ids: string[] = [];
    for (const amount of [100, 200, 300]) {
      ids.push((await platform.call('POST', `/bundles/${bundle.id}/prices`, { token, body: priceBody({ amount }) })).body.id);
    }
    const page1 = await platform.call('GET', `/bundles/${bundle.id}/prices?limit=2`, { token });
    expect(page1.body.data.map((p: { id: string }) => p.id)).toEqual([ids[2], ids[1]]);
    const page2 = await platform.call('GET', `/bundles/${bundle.id}/prices?limit=2&cursor=${page1.body.nextCursor}`, { token });
    expect(page2.body).toEqual({ data: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
  });

  it('may be restricted to storefronts of the environment; an unknown one is a 400 naming it', async () => {
    const bundle = await newBundle();
    const storefront = (await platform.call('POST', '/storefronts', { token, body: storefrontBody() })).body;
    const restricted = await platform.call('POST', `/bundles/${bundle.id}/prices`, {
      token,
      body: priceBody({ storefrontIds: [storefront.id] }),
    });
    expect(restricted).toMatchObject({ status: 201, body: { storefrontIds: [storefront.id] } });

    const unknown = await platform.call('POST', `/bundles/${bundle.id}/prices`, {
      token,
      body: priceBody({ storefrontIds: ['sf_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M', storefront.id] }),
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ path: 'storefrontIds.0', message: 'is not a storefront of this environment' }]);
  });
});

describe('quotes', () => {
  it('answer what one period costs at a quantity, from the same pricing as billing', async () => {
    const bundle = await newBundle();
    const price = (
      await platform.call('POST', `/bundles/${bundle.id}/prices`, {
        token,
        body: priceBody({ amount: undefined, strategy: 'tiered', tiersMode: 'graduated', setupFee: 500, trialDays: 7, tiers: [{ upTo: 10, unitAmount: 100 }, { upTo: null, unitAmount: 80 }] }),
      })
    ).body;
    const quote = await platform.call('GET', `/prices/${price.id}/quote?quantity=12`, { token });
    expect(quote).toMatchObject({ status: 200 });
    expect(quote.body).toEqual({
      priceId: price.id,
      bundleId: bundle.id,
      currency: 'EUR',
      quantity: 12,
      amount: 10 * 100 + 2 * 80,
      setupFee: 500,
      interval: 'month',
      intervalCount: 1,
      trialDays: 7,
      strategy: 'tiered',
      sellable: true,
      unsellableReason: null,
    });
    expect((await platform.call('GET', `/prices/${price.id}/quote`, { token })).body).toMatchObject({ quantity: 1, amount: 100 });
  });

  it('say why a price cannot be sold in a storefront or a country', async () => {
    const bundle = await newBundle();
    const storefront = (await platform.call('POST', '/storefronts', { token, body: storefrontBody() })).body;
    const price = (await platform.call('POST', `/bundles/${bundle.id}/prices`, { token, body: priceBody({ countries: ['DE'] }) })).body;
    const inCountry = (country: string) => platform.call('GET', `/prices/${price.id}/quote?country=${country}&storefrontId=${storefront.id}`, { token });
    expect((await inCountry('DE')).body).toMatchObject({ sellable: true, unsellableReason: null });
    expect((await inCountry('FR')).body).toMatchObject({ sellable: false, unsellableReason: 'country_not_allowed', amount: 999 });
    await platform.call('POST', `/prices/${price.id}/archive`, { token });
    expect((await inCountry('DE')).body).toMatchObject({ sellable: false, unsellableReason: 'price_archived' });
  });

  it('refuse a quantity out of range or a bad country, naming them, and are a 404 for an unknown price', async () => {
    const bundle = await newBundle();
    const price = (await platform.call('POST', `/bundles/${bundle.id}/prices`, { token, body: priceBody() })).body;
    for (const quantity of ['0', '1000001', '1.5', 'many']) {
      expect(pathsOf(await platform.call('GET', `/prices/${price.id}/quote?quantity=${quantity}`, { token }))).toEqual(['quantity']);
    }
    expect(pathsOf(await platform.call('GET', `/prices/${price.id}/quote?quantity=0&country=Germany`, { token }))).toEqual(['country', 'quantity']);
    expect((await platform.call('GET', '/prices/price_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M/quote', { token })).status).toBe(404);
    expect((await platform.call('GET', `/prices/${price.id}/quote`, { token, headers: { 'X-Environment': 'sandbox' } })).status).toBe(404);
  });
});

describe('scope', () => {
  it("another tenant's or another environment's bundles and prices are a 404", async () => {
    const bundle = await newBundle();
    const price = (await platform.call('POST', `/bundles/${bundle.id}/prices`, { token, body: priceBody() })).body;
    const other = await platform.createTenant();
    const sandbox = { 'X-Environment': 'sandbox' };
    const attempts: Array<[string, string, string, Record<string, string>?, unknown?]> = [
      ['GET', `/bundles/${bundle.id}`, other.token],
      ['PATCH', `/bundles/${bundle.id}`, other.token, undefined, { name: 'x' }],
      ['DELETE', `/bundles/${bundle.id}`, other.token],
      ['GET', `/bundles/${bundle.id}/prices`, other.token],
      ['POST', `/bundles/${bundle.id}/prices`, other.token, undefined, priceBody()],
      ['GET', `/prices/${price.id}`, other.token],
      ['POST', `/prices/${price.id}/archive`, other.token],
      ['GET', `/bundles/${bundle.id}`, token, sandbox],
      ['DELETE', `/bundles/${bundle.id}`, token, sandbox],
      ['GET', `/prices/${price.id}`, token, sandbox],
      ['POST', `/prices/${price.id}/archive`, token, sandbox],
    ];
    for (const [method, path, as, headers, body] of attempts) {
      const res = await platform.call(method, path, { token: as, headers, body });
      expect([method, path, res.status]).toEqual([method, path, 404]);
    }
    expect((await platform.call('GET', '/bundles', { token, headers: sandbox })).body.data).toEqual([]);
    // Untouched by all of that.
    expect((await platform.call('GET', `/prices/${price.id}`, { token })).body.status).toBe('active');
    expect((await platform.call('GET', `/bundles/${bundle.id}`, { token })).body.status).toBe('active');
  });
});

test('the OpenAPI document describes every catalog route and its schemas', async () => {
  const doc = (await platform.call('GET', '/openapi.json')).body;
  for (const [path, methods] of Object.entries({
    '/bundles': ['get', 'post'],
    '/bundles/{id}': ['get', 'patch', 'delete'],
    '/bundles/{id}/prices': ['get', 'post'],
    '/prices/{id}': ['get'],
    '/prices/{id}/archive': ['post'],
    '/prices/{id}/quote': ['get'],
  })) {
    expect(Object.keys(doc.paths[path]).sort()).toEqual(methods.sort());
  }
  expect(doc.paths['/prices/{id}/archive'].post.responses['200']).toBeDefined();
  expect(Object.keys(doc.components.schemas)).toEqual(
    expect.arrayContaining(['Bundle', 'Price', 'CreateBundleRequest', 'UpdateBundleRequest', 'CreatePriceRequest', 'BundleList', 'PriceList', 'PriceQuote']),
  );
  expect(doc.components.schemas.CreatePriceRequest.properties.strategy.enum).toEqual(['flat', 'per_unit', 'tiered']);
});
