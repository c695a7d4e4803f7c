import { aUser, PLATFORM_ADMIN } from './support/builders';
import { failureOf, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('auth');
});
afterAll(async () => {
  await h?.close();
});

describe('logging in', () => {
  test('fails the same way for an unknown email and for a wrong password', async () => {
    const { adminUser } = await h.newTenant();
    const unknown = await failureOf(h.client.login({ email: 'nobody@example.com', password: 'whatever-it-is' }));
    const wrong = await failureOf(h.client.login({ email: adminUser.email, password: 'not-the-password' }));
    expect(unknown).toMatchObject({ kind: 'unauthenticated', message: 'Invalid email or password.' });
    expect(wrong).toMatchObject({ kind: unknown.kind, code: unknown.code, message: unknown.message });
  });

  test('ignores the case of the email', async () => {
    const { adminUser, adminPassword } = await h.newTenant();
    const { user } = await h.client.login({ email: adminUser.email.toUpperCase(), password: adminPassword });
    expect(user!.id).toBe(adminUser.id);
  });

  test('works for the platform administrator created at start', async () => {
    const { user } = await h.client.login(PLATFORM_ADMIN);
    expect(user).toMatchObject({ email: PLATFORM_ADMIN.email, role: 'platform_admin', tenantId: '' });
  });

  test('stores passwords as argon2id hashes only', async () => {
    const { adminUser, adminPassword } = await h.newTenant();
    const row = await h.db('users').where({ id: adminUser.id }).first();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(adminPassword);
  });
});

describe('a disabled user', () => {
  test('can neither log in nor authenticate with a token issued before', async () => {
    const { admin } = await h.newTenant();
    const request = aUser({ role: 'viewer' });
    const user = await h.client.createUser(request, { context: admin });
    await h.client.login({ email: request.email, password: request.password });

    await h.client.updateUser({ id: user.id, disabled: true }, { context: admin });

    expect(await failureOf(h.client.login({ email: request.email, password: request.password }))).toMatchObject({
      kind: 'unauthenticated',
      message: 'Invalid email or password.',
    });
    expect(await failureOf(h.client.authenticate({ userId: user.id, environment: '', tenantId: '' }))).toMatchObject({
      kind: 'unauthenticated',
    });
  });
});

describe('authenticating a user', () => {
  test('acts in production unless an environment is named, by name or by id', async () => {
    const t = await h.newTenant();
    const byDefault = await h.client.authenticate({ userId: t.adminUser.id, environment: '', tenantId: '' });
    expect(byDefault).toMatchObject({
      actorType: 'user',
      actorId: t.adminUser.id,
      role: 'administrator',
      platformAdmin: false,
      tenantId: t.tenant.id,
      environment: { name: 'production', kind: 'production', tenantId: t.tenant.id },
    });
    const sandbox = t.environment('sandbox');
    const byId = await h.client.authenticate({ userId: t.adminUser.id, environment: sandbox.id, tenantId: '' });
    expect(byId.environment).toMatchObject({ id: sandbox.id, name: 'sandbox' });
  });

  test('refuses an unknown environment as environment_not_found', async () => {
    const t = await h.newTenant();
    const failure = await failureOf(h.client.authenticate({ userId: t.adminUser.id, environment: 'staging', tenantId: '' }));
    expect(failure).toMatchObject({ kind: 'not_found', code: 'environment_not_found' });
  });

  test("does not find another tenant's environment by its id", async () => {
    const mine = await h.newTenant();
    const other = await h.newTenant();
    const failure = await failureOf(
      h.client.authenticate({ userId: mine.adminUser.id, environment: other.environment('sandbox').id, tenantId: '' }),
    );
    expect(failure).toMatchObject({ kind: 'not_found', code: 'environment_not_found' });
  });

  test('lets a tenant user name only their own tenant', async () => {
    const mine = await h.newTenant();
    const other = await h.newTenant();
    const own = await h.client.authenticate({ userId: mine.adminUser.id, environment: '', tenantId: mine.tenant.id });
    expect(own.tenantId).toBe(mine.tenant.id);
    const failure = await failureOf(
      h.client.authenticate({ userId: mine.adminUser.id, environment: '', tenantId: other.tenant.id }),
    );
    expect(failure).toMatchObject({ kind: 'not_found', code: 'tenant_not_found' });
  });

  test('refuses an unknown user', async () => {
    const failure = await failureOf(h.client.authenticate({ userId: 'usr_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M', environment: '', tenantId: '' }));
    expect(failure).toMatchObject({ kind: 'unauthenticated' });
  });
});

describe('authenticating the platform administrator', () => {
  test('without a tenant gives no tenant and no environment', async () => {
    const { user } = await h.client.login(PLATFORM_ADMIN);
    const principal = await h.client.authenticate({ userId: user!.id, environment: '', tenantId: '' });
    expect(principal).toMatchObject({ role: 'platform_admin', platformAdmin: true, tenantId: '' });
    expect(principal.environment).toBeUndefined();
  });

  test('with a tenant acts there as its administrator', async () => {
    const t = await h.newTenant();
    const { user } = await h.client.login(PLATFORM_ADMIN);
    const principal = await h.client.authenticate({ userId: user!.id, environment: 'sandbox', tenantId: t.tenant.id });
    expect(principal).toMatchObject({
      role: 'administrator',
      platformAdmin: true,
      tenantId: t.tenant.id,
      environment: { id: t.environment('sandbox').id },
    });
  });

  test('with an unknown tenant is tenant_not_found', async () => {
    const { user } = await h.client.login(PLATFORM_ADMIN);
    const failure = await failureOf(
      h.client.authenticate({ userId: user!.id, environment: '', tenantId: 'ten_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M' }),
    );
    expect(failure).toMatchObject({ kind: 'not_found', code: 'tenant_not_found' });
  });
});
