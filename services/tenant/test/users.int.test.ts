import { aUser } from './support/builders';
import { failureOf, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('users');
});
afterAll(async () => {
  await h?.close();
});

test('an administrator creates users who are listed newest first, without any password hash', async () => {
  const { admin, adminUser } = await h.newTenant();
  const grace = await h.client.createUser(aUser({ name: 'Grace', role: 'operator' }), { context: admin });
  expect(grace).toMatchObject({ name: 'Grace', role: 'operator', disabled: false });
  expect(grace.id).toMatch(/^usr_/);

  const list = await h.client.listUsers({}, { context: admin });
  expect(list.data.map((u) => u.id)).toEqual([grace.id, adminUser.id]);
  expect(JSON.stringify(list)).not.toMatch(/argon2|password/i);
});

test('an email already used, in any tenant, is a conflict email_taken', async () => {
  const first = await h.newTenant();
  const second = await h.newTenant();
  const request = aUser();
  await h.client.createUser(request, { context: first.admin });
  const failure = await failureOf(h.client.createUser({ ...request, email: ` ${request.email.toUpperCase()} ` }, { context: second.admin }));
  expect(failure).toMatchObject({ kind: 'conflict', code: 'email_taken' });
});

test('an invalid user is reported field by field', async () => {
  const { admin } = await h.newTenant();
  const failure = await failureOf(h.client.createUser({ email: 'not-an-email', password: 'short', name: '', role: 'owner' }, { context: admin }));
  expect(failure.kind).toBe('invalid_argument');
  expect(failure.fields.map((f) => f.path).sort()).toEqual(['email', 'password', 'role']);
});

test('only administrators manage users', async () => {
  const { admin } = await h.newTenant();
  const manager = await h.client.createUser(aUser({ role: 'manager' }), { context: admin });
  const asManager = await h.signIn(manager.id);
  expect(await failureOf(h.client.listUsers({}, { context: asManager }))).toMatchObject({ kind: 'permission_denied' });
  expect(await failureOf(h.client.createUser(aUser(), { context: asManager }))).toMatchObject({ kind: 'permission_denied' });
});

test("another tenant's user is not found", async () => {
  const mine = await h.newTenant();
  const other = await h.newTenant();
  const failure = await failureOf(h.client.updateUser({ id: other.adminUser.id, role: 'viewer' }, { context: mine.admin }));
  expect(failure).toMatchObject({ kind: 'not_found', code: 'user_not_found' });
});

describe('the last administrator', () => {
  test('cannot be demoted', async () => {
    const { admin, adminUser } = await h.newTenant();
    const failure = await failureOf(h.client.updateUser({ id: adminUser.id, role: 'manager' }, { context: admin }));
    expect(failure).toMatchObject({ kind: 'unprocessable', code: 'last_administrator' });
  });

  test('cannot be disabled', async () => {
    const { admin, adminUser } = await h.newTenant();
    const failure = await failureOf(h.client.updateUser({ id: adminUser.id, disabled: true }, { context: admin }));
    expect(failure).toMatchObject({ kind: 'unprocessable', code: 'last_administrator' });
  });

  test('can step down once another administrator is enabled', async () => {
    const { admin, adminUser } = await h.newTenant();
    const second = await h.client.createUser(aUser({ role: 'administrator' }), { context: admin });
    const demoted = await h.client.updateUser({ id: adminUser.id, role: 'viewer' }, { context: admin });
    expect(demoted.role).toBe('viewer');
    // Now the second is the last one.
    const asSecond = await h.signIn(second.id);
    expect(await failureOf(h.client.updateUser({ id: second.id, disabled: true }, { context: asSecond }))).toMatchObject({
      code: 'last_administrator',
    });
  });

  test('a disabled administrator does not count as one', async () => {
    const { admin, adminUser } = await h.newTenant();
    const second = await h.client.createUser(aUser({ role: 'administrator' }), { context: admin });
    await h.client.updateUser({ id: second.id, disabled: true }, { context: admin });
    expect(await failureOf(h.client.updateUser({ id: adminUser.id, role: 'operator' }, { context: admin }))).toMatchObject({
      code: 'last_administrator',
    });
  });
});
