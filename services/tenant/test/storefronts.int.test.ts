import { aRegional, aStorefront, aUser } from './support/builders';
import { failureOf, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('storefronts');
});
afterAll(async () => {
  await h?.close();
});

test('a storefront is created active in the caller environment', async () => {
  const t = await h.newTenant();
  const request = aStorefront();
  const storefront = await h.client.createStorefront(request, { context: t.admin });
  expect(storefront).toMatchObject({
    name: request.name,
    slug: request.slug,
    branding: request.branding,
    paymentMethods: request.paymentMethods,
    regional: request.regional,
    status: 'active',
    environmentId: t.environment('production').id,
  });
  expect(storefront.id).toMatch(/^sf_/);
  expect(await h.client.getStorefront({ id: storefront.id }, { context: t.admin })).toEqual(storefront);
});

test('validation reports every bad field at once, with its path', async () => {
  const { admin } = await h.newTenant();
  const failure = await failureOf(
    h.client.createStorefront(
      aStorefront({
        name: '',
        slug: 'Bad Slug',
        branding: { logoUrl: 'ftp://example.com/logo.png', primaryColor: 'red', theme: 'neon' },
        paymentMethods: ['card', 'cash', 'card'],
        regional: aRegional({
          countries: ['DE', 'UK', 'de'],
          defaultCurrency: 'USD',
          currencies: ['EUR', 'EURO'],
          locale: 'de_DE!',
          timezone: 'Europe/Atlantis',
          taxBehavior: 'sometimes',
          taxRatePercent: '100.5',
        }),
      }),
      { context: admin },
    ),
  );
  expect(failure.kind).toBe('invalid_argument');
  expect(failure.fields.map((f) => f.path).sort()).toEqual(
    [
      'name',
      'slug',
      'branding.logoUrl',
      'branding.primaryColor',
      'branding.theme',
      'paymentMethods.1',
      'paymentMethods.2',
      'regional.countries.1',
      'regional.countries.2',
      'regional.defaultCurrency',
      'regional.currencies.1',
      'regional.locale',
      'regional.timezone',
      'regional.taxBehavior',
      'regional.taxRatePercent',
    ].sort(),
  );
});

test('a slug is unique within an environment, and free again once archived', async () => {
  const t = await h.newTenant();
  const first = await h.client.createStorefront(aStorefront({ slug: 'main' }), { context: t.admin });
  expect(await failureOf(h.client.createStorefront(aStorefront({ slug: 'main' }), { context: t.admin }))).toMatchObject({
    kind: 'conflict',
    code: 'slug_taken',
  });
  // Another environment has its own slugs.
  await h.client.createStorefront(aStorefront({ slug: 'main' }), { context: t.adminInSandbox });
  await h.client.archiveStorefront({ id: first.id }, { context: t.admin });
  await h.client.createStorefront(aStorefront({ slug: 'main' }), { context: t.admin });
});

test('an update replaces the fields given, merges branding and regional, and is validated whole', async () => {
  const { admin } = await h.newTenant();
  const created = await h.client.createStorefront(aStorefront(), { context: admin });

  const updated = await h.client.updateStorefront(
    {
      id: created.id,
      name: 'Austria shop',
      branding: { theme: 'dark', primaryColor: '' },
      paymentMethods: ['paypal'],
      replacePaymentMethods: true,
      regional: { countries: ['AT'], defaultCurrency: '', currencies: [], locale: '', timezone: 'Europe/Vienna', taxBehavior: '', taxRatePercent: '20' },
    },
    { context: admin },
  );
  expect(updated).toMatchObject({
    name: 'Austria shop',
    slug: created.slug,
    branding: { theme: 'dark', logoUrl: created.branding!.logoUrl },
    paymentMethods: ['paypal'],
    regional: { ...created.regional, countries: ['AT'], timezone: 'Europe/Vienna', taxRatePercent: '20' },
  });
  expect(updated.branding!.primaryColor).toBeUndefined();
  expect(updated.updatedAt! > created.updatedAt!).toBe(true);

  const failure = await failureOf(
    h.client.updateStorefront(
      { id: created.id, paymentMethods: [], replacePaymentMethods: false, regional: { ...created.regional!, defaultCurrency: 'USD' } },
      { context: admin },
    ),
  );
  expect(failure.fields).toEqual([{ path: 'regional.defaultCurrency', message: 'must be one of the currencies' }]);
});

test('an archived storefront refuses updates, and archiving again changes nothing', async () => {
  const { admin } = await h.newTenant();
  const created = await h.client.createStorefront(aStorefront(), { context: admin });
  const archived = await h.client.archiveStorefront({ id: created.id }, { context: admin });
  expect(archived.status).toBe('archived');
  expect(await h.client.archiveStorefront({ id: created.id }, { context: admin })).toEqual(archived);

  const failure = await failureOf(
    h.client.updateStorefront({ id: created.id, name: 'Again', paymentMethods: [], replacePaymentMethods: false }, { context: admin }),
  );
  expect(failure).toMatchObject({ kind: 'conflict', code: 'storefront_archived' });
});

test('lists are newest first and include archived storefronts with their status', async () => {
  const { admin } = await h.newTenant();
  const a = await h.client.createStorefront(aStorefront(), { context: admin });
  const b = await h.client.createStorefront(aStorefront(), { context: admin });
  await h.client.archiveStorefront({ id: a.id }, { context: admin });
  const page1 = await h.client.listStorefronts({ page: { limit: 1, cursor: '' } }, { context: admin });
  expect(page1.data.map((s) => s.id)).toEqual([b.id]);
  const page2 = await h.client.listStorefronts({ page: { limit: 1, cursor: page1.nextCursor } }, { context: admin });
  expect(page2.data.map((s) => [s.id, s.status])).toEqual([[a.id, 'archived']]);
  expect(page2.nextCursor).toBe('');
});

test("a storefront of another environment of the same tenant is not found", async () => {
  const t = await h.newTenant();
  const inSandbox = await h.client.createStorefront(aStorefront(), { context: t.adminInSandbox });
  for (const call of [
    h.client.getStorefront({ id: inSandbox.id }, { context: t.admin }),
    h.client.archiveStorefront({ id: inSandbox.id }, { context: t.admin }),
    h.client.updateStorefront({ id: inSandbox.id, name: 'x', paymentMethods: [], replacePaymentMethods: false }, { context: t.admin }),
  ]) {
    expect(await failureOf(call)).toMatchObject({ kind: 'not_found', code: 'storefront_not_found' });
  }
  expect((await h.client.listStorefronts({}, { context: t.admin })).data).toEqual([]);
});

test("a storefront of another tenant is not found", async () => {
  const mine = await h.newTenant();
  const other = await h.newTenant();
  const theirs = await h.client.createStorefront(aStorefront(), { context: other.admin });
  expect(await failureOf(h.client.getStorefront({ id: theirs.id }, { context: mine.admin }))).toMatchObject({
    kind: 'not_found',
  });
});

test('operators and viewers read storefronts but do not change them', async () => {
  const { admin } = await h.newTenant();
  const storefront = await h.client.createStorefront(aStorefront(), { context: admin });
  const operator = await h.client.createUser(aUser({ role: 'operator' }), { context: admin });
  const asOperator = await h.signIn(operator.id);
  expect(await h.client.getStorefront({ id: storefront.id }, { context: asOperator })).toEqual(storefront);
  expect(await failureOf(h.client.createStorefront(aStorefront(), { context: asOperator }))).toMatchObject({
    kind: 'permission_denied',
  });
});
