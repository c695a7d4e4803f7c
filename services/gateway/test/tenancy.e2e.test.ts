import { createGrpcClient } from '@azotte/common';
import { waitFor } from '@azotte/common/testing';
import { tenantV1 } from '@azotte/proto';
import { startPlatform, storefrontBody, type Platform } from './support/platform';

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform('tenancy');
});
afterAll(async () => {
  await platform.stop();
});

describe('tenants', () => {
  it('are created by the platform administrator with a production and a sandbox environment', async () => {
    const { tenant } = await platform.createTenant({ fxRates: { USD: '0.92' } });
    expect(tenant).toMatchObject({ id: expect.stringMatching(/^ten_/), reportingCurrency: 'EUR', fxRates: { USD: '0.92' } });
    expect(tenant.environments.map((e: { kind: string }) => e.kind).sort()).toEqual(['production', 'sandbox']);
    expect(tenant.environments[0].id).toMatch(/^env_/);
  });

  it('refuse a duplicate slug with 409', async () => {
    const { tenant } = await platform.createTenant();
    const token = await platform.login(platform.admin.email, platform.admin.password);
    const res = await platform.call('POST', '/tenants', {
      token,
      body: { name: 'Again', slug: tenant.slug, reportingCurrency: 'EUR', admin: { email: 'other@x.test', password: 'long-enough-pw' } },
    });
    expect(res.status).toBe(409);
  });

  it('are listed: all for the platform administrator, only its own for a tenant', async () => {
    const a = await platform.createTenant();
    await platform.createTenant();
    const own = await platform.call('GET', '/tenants', { token: a.token });
    expect(own.body.data.map((t: { id: string }) => t.id)).toEqual([a.tenant.id]);
    const platformToken = await platform.login(platform.admin.email, platform.admin.password);
    const all = await platform.call('GET', '/tenants?limit=100', { token: platformToken });
    expect(all.body.data.length).toBeGreaterThanOrEqual(2);
  });

  it("are changed by their administrator, and another tenant's is a 404", async () => {
    const a = await platform.createTenant();
    const b = await platform.createTenant();
    const renamed = await platform.call('PATCH', `/tenants/${a.tenant.id}`, { token: a.token, body: { name: 'Renamed' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Renamed');
    expect((await platform.call('GET', `/tenants/${a.tenant.id}`, { token: b.token })).status).toBe(404);
    expect((await platform.call('PATCH', `/tenants/${a.tenant.id}`, { token: b.token, body: { name: 'x' } })).status).toBe(404);
  });
});

describe('login', () => {
  it('answers a wrong password and an unknown email identically', async () => {
    const { adminEmail } = await platform.createTenant();
    const wrong = await platform.call('POST', '/auth/login', { body: { email: adminEmail, password: 'not-the-password' } });
    const unknown = await platform.call('POST', '/auth/login', { body: { email: 'nobody@nowhere.test', password: 'not-the-password' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('issues a bearer token that /me recognises', async () => {
    const { token, adminEmail, tenant } = await platform.createTenant();
    const me = await platform.call('GET', '/me', { token });
    expect(me.body).toMatchObject({ tenantId: tenant.id, role: 'administrator', user: { email: adminEmail }, environment: { name: 'production' } });
    const sandbox = await platform.call('GET', '/me', { token, headers: { 'X-Environment': 'sandbox' } });
    expect(sandbox.body.environment).toMatchObject({ name: 'sandbox', kind: 'sandbox' });
  });

  it('refuses a disabled user from the next request on', async () => {
    const { token } = await platform.createTenant();
    const { user, token: userToken } = await platform.createUser(token, 'manager');
    expect((await platform.call('GET', '/me', { token: userToken })).status).toBe(200);
    expect((await platform.call('PATCH', `/users/${user.id}`, { token, body: { disabled: true } })).status).toBe(200);
    expect((await platform.call('GET', '/me', { token: userToken })).status).toBe(401);
  });

  it('locks an email after repeated failures', async () => {
    const { adminEmail } = await platform.createTenant();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await platform.call('POST', '/auth/login', { body: { email: adminEmail, password: `wrong-${i}` } })).status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    // Even the right password waits out the lock.
    expect((await platform.call('POST', '/auth/login', { body: { email: adminEmail, password: 'owner-password' } })).status).toBe(429);
  });
});

describe('the platform administrator', () => {
  it('acts in a tenant with X-Tenant-Id, and must name one for tenant routes', async () => {
    const { tenant } = await platform.createTenant();
    const token = await platform.login(platform.admin.email, platform.admin.password);
    const without = await platform.call('GET', '/users', { token });
    expect(without.status).toBe(400);
    expect(without.body.errors).toEqual([expect.objectContaining({ path: 'X-Tenant-Id' })]);
    const within = await platform.call('GET', '/users', { token, headers: { 'X-Tenant-Id': tenant.id } });
    expect(within.status).toBe(200);
    expect(within.body.data).toHaveLength(1);
    const unknown = await platform.call('GET', '/users', { token, headers: { 'X-Tenant-Id': 'ten_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M' } });
    expect(unknown.status).toBe(404);
  });
});

describe('environments', () => {
  it('a new one is offered at once, to a user whose sign-in was already known to the gateway', async () => {
    const { token } = await platform.createTenant();
    const names = async () => ((await platform.call('GET', '/me', { token })).body.environments as Array<{ name: string }>).map((e) => e.name).sort();
    expect(await names()).toEqual(['production', 'sandbox']); // now cached
    const created = await platform.call('POST', '/environments', { token, body: { name: 'staging', kind: 'sandbox' } });
    expect(created).toMatchObject({ status: 201, body: { name: 'staging', kind: 'sandbox' } });
    expect(await names()).toEqual(['production', 'sandbox', 'staging']);
    expect((await platform.call('GET', '/me', { token, headers: { 'X-Environment': 'staging' } })).body.environment).toMatchObject({ id: created.body.id });
  });
});

describe('API keys', () => {
  it('are shown once, work in their environment, and are refused at once when revoked', async () => {
    const { token } = await platform.createTenant();
    const created = await platform.call('POST', '/api-keys', { token, body: { name: 'backend', role: 'manager', environment: 'sandbox' } });
    expect(created.status).toBe(201);
    const { key, id } = created.body;
    expect(key).toMatch(/^azk_test_/);
    const listed = await platform.call('GET', '/api-keys', { token });
    expect(JSON.stringify(listed.body)).not.toContain(key);

    const me = await platform.call('GET', '/me', { token: key });
    expect(me.body).toMatchObject({ role: 'manager', environment: { name: 'sandbox' }, apiKey: { id } });
    const mismatch = await platform.call('GET', '/me', { token: key, headers: { 'X-Environment': 'production' } });
    expect(mismatch.status).toBe(400);

    expect((await platform.call('DELETE', `/api-keys/${id}`, { token })).status).toBe(200);
    expect((await platform.call('GET', '/me', { token: key })).status).toBe(401);
  });

  it('are refused soon after being revoked elsewhere (another gateway, say), from the revocation event', async () => {
    const { token } = await platform.createTenant();
    const me = await platform.call('GET', '/me', { token });
    const created = await platform.call('POST', '/api-keys', { token, body: { name: 'k', role: 'viewer', environment: 'production' } });
    const key = created.body.key as string;
    expect((await platform.call('GET', '/me', { token: key })).status).toBe(200); // now cached
    const tenant = createGrpcClient(tenantV1.TenantServiceService, `127.0.0.1:${platform.tenantPort}`, { name: 'tenant' });
    await tenant.revokeApiKey(
      { id: created.body.id },
      { context: { actor: { type: 'user', id: me.body.user.id, role: 'administrator' }, tenantId: me.body.tenantId } },
    );
    tenant.close();
    await waitFor(async () => (await platform.call('GET', '/me', { token: key })).status === 401, { what: 'the key to be refused', timeoutMs: 5_000 });
  });

  it("of another tenant cannot be revoked: 404", async () => {
    const a = await platform.createTenant();
    const b = await platform.createTenant();
    const created = await platform.call('POST', '/api-keys', { token: a.token, body: { name: 'k', role: 'viewer', environment: 'production' } });
    expect((await platform.call('DELETE', `/api-keys/${created.body.id}`, { token: b.token })).status).toBe(404);
    expect((await platform.call('GET', '/me', { token: created.body.key })).status).toBe(200);
  });
});

describe('storefronts', () => {
  it('are created, read, changed and archived', async () => {
    const { token } = await platform.createTenant();
    const created = await platform.call('POST', '/storefronts', { token, body: storefrontBody() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^sf_/),
      status: 'active',
      branding: { theme: 'dark', primaryColor: '#112233', logoUrl: null },
      regional: { countries: ['DE', 'AT'], taxBehavior: 'inclusive', taxRatePercent: 19 },
    });
    const id = created.body.id;
    const patched = await platform.call('PATCH', `/storefronts/${id}`, { token, body: { name: 'Renamed', regional: { taxRatePercent: 7.5 } } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Renamed', regional: { taxRatePercent: 7.5, countries: ['DE', 'AT'] } });
    const archived = await platform.call('DELETE', `/storefronts/${id}`, { token });
    expect(archived.body.status).toBe('archived');
    expect((await platform.call('GET', `/storefronts/${id}`, { token })).body.status).toBe('archived');
    expect((await platform.call('PATCH', `/storefronts/${id}`, { token, body: { name: 'x' } })).status).toBe(409);
  });

  it('clear an optional setting with null', async () => {
    const { token } = await platform.createTenant();
    const created = await platform.call('POST', '/storefronts', { token, body: storefrontBody({ branding: { theme: 'light', logoUrl: 'https://cdn.test/logo.png' } }) });
    const res = await platform.call('PATCH', `/storefronts/${created.body.id}`, {
      token,
      body: { branding: { logoUrl: null }, regional: { taxRatePercent: null } },
    });
    expect(res.status).toBe(200);
    expect(res.body.branding).toMatchObject({ logoUrl: null, theme: 'light' });
    expect(res.body.regional).toMatchObject({ taxRatePercent: null, defaultCurrency: 'EUR' });
  });

  it('report every invalid field at once', async () => {
    const { token } = await platform.createTenant();
    const res = await platform.call('POST', '/storefronts', {
      token,
      body: storefrontBody({ slug: 'Not A Slug', paymentMethods: ['card', 'cash'], regional: { countries: ['de'], defaultCurrency: 'EURO', currencies: [], locale: 'de-DE', timezone: 'Europe/Berlin', taxBehavior: 'sometimes' } }),
    });
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(
      expect.arrayContaining(['slug', 'paymentMethods.1', 'regional.countries.0', 'regional.defaultCurrency', 'regional.currencies', 'regional.taxBehavior']),
    );
  });

  it('of another tenant or another environment are a 404', async () => {
    const a = await platform.createTenant();
    const b = await platform.createTenant();
    const sandboxStore = await platform.call('POST', '/storefronts', { token: a.token, body: storefrontBody(), headers: { 'X-Environment': 'sandbox' } });
    const id = sandboxStore.body.id;
    expect((await platform.call('GET', `/storefronts/${id}`, { token: a.token, headers: { 'X-Environment': 'sandbox' } })).status).toBe(200);
    expect((await platform.call('GET', `/storefronts/${id}`, { token: a.token })).status).toBe(404);
    expect((await platform.call('GET', `/storefronts/${id}`, { token: b.token, headers: { 'X-Environment': 'sandbox' } })).status).toBe(404);
    expect((await platform.call('PATCH', `/storefronts/${id}`, { token: b.token, body: { name: 'x' } })).status).toBe(404);
    expect((await platform.call('GET', '/storefronts', { token: a.token })).body.data).toEqual([]);
  });

  it('are paginated newest first with an opaque cursor', async () => {
    const { token } = await platform.createTenant();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await platform.call('POST', '/storefronts', { token, body: storefrontBody() })).body.id);
    const first = await platform.call('GET', '/storefronts?limit=2', { token });
    expect(first.body.data.map((s: { id: string }) => s.id)).toEqual([ids[4], ids[3]]);
    const second = await platform.call('GET', `/storefronts?limit=2&cursor=${first.body.nextCursor}`, { token });
    expect(second.body.data.map((s: { id: string }) => s.id)).toEqual([ids[2], ids[1]]);
    const last = await platform.call('GET', `/storefronts?limit=2&cursor=${second.body.nextCursor}`, { token });
    expect(last.body).toEqual({ data: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
    expect((await platform.call('GET', '/storefronts?limit=0', { token })).status).toBe(400);
    expect((await platform.call('GET', '/storefronts?limit=101', { token })).status).toBe(400);
  });
});

describe('users', () => {
  it('keep at least one enabled administrator', async () => {
    const { token } = await platform.createTenant();
    const me = await platform.call('GET', '/me', { token });
    const res = await platform.call('PATCH', `/users/${me.body.user.id}`, { token, body: { role: 'viewer' } });
    expect(res.status).toBe(422);
  });
});

describe('payment providers', () => {
  it('have the sandbox provider always on in sandbox, off until enabled in production, and never show credentials', async () => {
    const { token } = await platform.createTenant();
    const sandbox = await platform.call('GET', '/payment-providers', { token, headers: { 'X-Environment': 'sandbox' } });
    expect(sandbox.body.data).toEqual([expect.objectContaining({ provider: 'sandbox', enabled: true })]);
    const production = await platform.call('GET', '/payment-providers', { token });
    expect(production.body.data).toEqual([expect.objectContaining({ provider: 'sandbox', enabled: false })]);
    const put = await platform.call('PUT', '/payment-providers/sandbox', { token, body: { enabled: true, credentials: { apiSecret: 'super-secret-value-1234' } } });
    expect(put.status).toBe(200);
    expect(JSON.stringify(put.body)).not.toContain('super-secret-value');
    const after = await platform.call('GET', '/payment-providers', { token });
    expect(after.body.data[0].enabled).toBe(true);
    expect(JSON.stringify(after.body)).not.toContain('super-secret-value');
  });
});
