import { aTenant } from './support/builders';
import { failureOf, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('tenants');
});
afterAll(async () => {
  await h?.close();
});

describe('creating a tenant', () => {
  test('makes a production and a sandbox environment and an administrator who can log in', async () => {
    const request = aTenant({ fxRates: { USD: '0.92', GBP: '1.17' } });
    const tenant = await h.client.createTenant(request, { context: await h.asPlatformAdmin() });

    expect(tenant).toMatchObject({ name: 'Acme Streaming', slug: request.slug, reportingCurrency: 'EUR' });
    expect(tenant.id).toMatch(/^ten_/);
    expect(tenant.fxRates).toEqual({ USD: '0.92', GBP: '1.17' });
    expect(tenant.environments.map((e) => [e.name, e.kind])).toEqual([
      ['production', 'production'],
      ['sandbox', 'sandbox'],
    ]);
    const { user } = await h.client.login({ email: request.admin!.email, password: request.admin!.password });
    expect(user).toMatchObject({ tenantId: tenant.id, role: 'administrator', email: request.admin!.email, disabled: false });
  });

  test('with a slug already taken is a conflict slug_taken', async () => {
    const { tenant } = await h.newTenant();
    const failure = await failureOf(
      h.client.createTenant(aTenant({ slug: tenant.slug }), { context: await h.asPlatformAdmin() }),
    );
    expect(failure).toMatchObject({ kind: 'conflict', code: 'slug_taken' });
  });

  test('with an administrator email already in use is a conflict email_taken', async () => {
    const first = aTenant();
    await h.client.createTenant(first, { context: await h.asPlatformAdmin() });
    const failure = await failureOf(
      h.client.createTenant(aTenant({ admin: { ...first.admin!, email: first.admin!.email.toUpperCase() } }), {
        context: await h.asPlatformAdmin(),
      }),
    );
    expect(failure).toMatchObject({ kind: 'conflict', code: 'email_taken' });
  });

  test('reports every invalid field at once', async () => {
    const failure = await failureOf(
      h.client.createTenant(
        aTenant({ slug: 'X', reportingCurrency: 'EURO', fxRates: { usd: '1', GBP: '0' }, admin: undefined }),
        { context: await h.asPlatformAdmin() },
      ),
    );
    expect(failure.kind).toBe('invalid_argument');
    expect(failure.fields.map((f) => f.path).sort()).toEqual(['admin', 'fxRates.GBP', 'fxRates.usd', 'reportingCurrency', 'slug']);
  });

  test('is refused to anyone but the platform administrator', async () => {
    const { admin } = await h.newTenant();
    const failure = await failureOf(h.client.createTenant(aTenant(), { context: admin }));
    expect(failure).toMatchObject({ kind: 'permission_denied' });
  });
});

describe('reading tenants', () => {
  test('the platform administrator lists every tenant, newest first, page by page', async () => {
    const a = await h.newTenant();
    const b = await h.newTenant();
    const first = await h.client.listTenants({ page: { limit: 1, cursor: '' } }, { context: await h.asPlatformAdmin() });
    expect(first.data.map((t) => t.id)).toEqual([b.tenant.id]);
    expect(first.nextCursor).not.toBe('');
    const second = await h.client.listTenants({ page: { limit: 1, cursor: first.nextCursor } }, { context: await h.asPlatformAdmin() });
    expect(second.data.map((t) => t.id)).toEqual([a.tenant.id]);
    expect(second.data[0]!.environments).toHaveLength(2);
  });

  test('a tenant administrator lists only their own tenant', async () => {
    await h.newTenant();
    const mine = await h.newTenant();
    const list = await h.client.listTenants({}, { context: mine.admin });
    expect(list.data.map((t) => t.id)).toEqual([mine.tenant.id]);
    expect(list.nextCursor).toBe('');
  });

  test("another tenant's id is not found, never forbidden", async () => {
    const mine = await h.newTenant();
    const other = await h.newTenant();
    expect(await failureOf(h.client.getTenant({ id: other.tenant.id }, { context: mine.admin }))).toMatchObject({
      kind: 'not_found',
      code: 'tenant_not_found',
    });
    expect(
      await failureOf(h.client.updateTenant({ id: other.tenant.id, name: 'Mine now', fxRates: {}, replaceFxRates: false }, { context: mine.admin })),
    ).toMatchObject({ kind: 'not_found' });
  });

  test('the platform administrator reads any tenant', async () => {
    const { tenant } = await h.newTenant();
    expect(await h.client.getTenant({ id: tenant.id }, { context: await h.asPlatformAdmin() })).toEqual(tenant);
  });
});

describe('updating a tenant', () => {
  test('merges fx rates unless told to replace them', async () => {
    const { tenant, admin } = await h.newTenant({ fxRates: { USD: '0.92' } });
    const merged = await h.client.updateTenant(
      { id: tenant.id, name: 'Acme Media', fxRates: { GBP: '1.17' }, replaceFxRates: false },
      { context: admin },
    );
    expect(merged).toMatchObject({ name: 'Acme Media', fxRates: { USD: '0.92', GBP: '1.17' } });
    const replaced = await h.client.updateTenant(
      { id: tenant.id, reportingCurrency: 'USD', fxRates: { EUR: '1.08' }, replaceFxRates: true },
      { context: admin },
    );
    expect(replaced).toMatchObject({ name: 'Acme Media', reportingCurrency: 'USD', fxRates: { EUR: '1.08' } });
  });

  test('is refused to a manager', async () => {
    const { tenant, admin } = await h.newTenant();
    const manager = await h.client.createUser(
      { email: `m-${tenant.slug}@example.com`, password: 'manager-password', name: '', role: 'manager' },
      { context: admin },
    );
    const asManager = await h.signIn(manager.id);
    expect(await h.client.getTenant({ id: tenant.id }, { context: asManager })).toMatchObject({ id: tenant.id });
    expect(
      await failureOf(h.client.updateTenant({ id: tenant.id, name: 'No', fxRates: {}, replaceFxRates: false }, { context: asManager })),
    ).toMatchObject({ kind: 'permission_denied' });
  });
});
