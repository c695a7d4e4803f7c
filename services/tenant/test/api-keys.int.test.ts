import { createHash } from 'node:crypto';
import { anApiKey } from './support/builders';
import { contextOf, failureOf, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('api_keys');
});
afterAll(async () => {
  await h?.close();
});

const authenticateKey = (apiKey: string, environment = '') => h.client.authenticate({ apiKey, environment, tenantId: '' });

test('a new key is shown once and only its hash is stored', async () => {
  const { admin } = await h.newTenant();
  const created = await h.client.createApiKey(anApiKey({ name: 'Billing backend' }), { context: admin });

  expect(created.key).toMatch(/^azk_live_[0-9A-Za-z]{32}$/);
  expect(created.apiKey).toMatchObject({ name: 'Billing backend', role: 'operator', environment: 'production' });
  expect(created.apiKey!.hint).toBe(`${created.key.slice(0, 12)}…${created.key.slice(-4)}`);

  const row = await h.db('api_keys').where({ id: created.apiKey!.id }).first();
  expect(row.key_hash).not.toBe(created.key);
  expect(row.key_hash).toBe(createHash('sha256').update(created.key).digest('hex'));
  expect(JSON.stringify(row)).not.toContain(created.key);

  const listed = await h.client.listApiKeys({}, { context: admin });
  expect(JSON.stringify(listed)).not.toContain(created.key);
});

test('a key of a sandbox environment is a test key', async () => {
  const { admin } = await h.newTenant();
  const created = await h.client.createApiKey(anApiKey({ environment: 'sandbox' }), { context: admin });
  expect(created.key).toMatch(/^azk_test_/);
});

test('a key authenticates with its environment and role', async () => {
  const t = await h.newTenant();
  const sandbox = t.environment('sandbox');
  const { key, apiKey } = await h.client.createApiKey(anApiKey({ role: 'viewer', environment: sandbox.id }), { context: t.admin });

  const principal = await authenticateKey(key);
  expect(principal).toMatchObject({
    actorType: 'api_key',
    actorId: apiKey!.id,
    role: 'viewer',
    platformAdmin: false,
    tenantId: t.tenant.id,
    environment: { id: sandbox.id, name: 'sandbox', kind: 'sandbox' },
    apiKey: { id: apiKey!.id },
  });
  // Naming its own environment, by name or id, is fine.
  await authenticateKey(key, 'sandbox');
  await authenticateKey(key, sandbox.id);
});

test('a key used with another environment is an invalid X-Environment', async () => {
  const { admin } = await h.newTenant();
  const { key } = await h.client.createApiKey(anApiKey({ environment: 'production' }), { context: admin });
  const failure = await failureOf(authenticateKey(key, 'sandbox'));
  expect(failure.kind).toBe('invalid_argument');
  expect(failure.fields).toEqual([{ path: 'X-Environment', message: 'this API key is bound to environment production' }]);
});

test('a revoked key fails at once, and revoking again changes nothing', async () => {
  const { admin } = await h.newTenant();
  const { key, apiKey } = await h.client.createApiKey(anApiKey(), { context: admin });
  await authenticateKey(key);

  const revoked = await h.client.revokeApiKey({ id: apiKey!.id }, { context: admin });
  expect(revoked.revokedAt).toBeDefined();
  expect(await failureOf(authenticateKey(key))).toMatchObject({ kind: 'unauthenticated' });

  const again = await h.client.revokeApiKey({ id: apiKey!.id }, { context: admin });
  expect(again.revokedAt).toBe(revoked.revokedAt);
  const listed = await h.client.listApiKeys({}, { context: admin });
  expect(listed.data.find((k) => k.id === apiKey!.id)?.revokedAt).toBe(revoked.revokedAt);
});

test('an unknown key is unauthenticated', async () => {
  expect(await failureOf(authenticateKey('azk_live_00000000000000000000000000000000'))).toMatchObject({ kind: 'unauthenticated' });
  expect(await failureOf(authenticateKey('garbage'))).toMatchObject({ kind: 'unauthenticated' });
});

test('a key records when it was last used', async () => {
  const { admin } = await h.newTenant();
  const { key, apiKey } = await h.client.createApiKey(anApiKey(), { context: admin });
  expect(apiKey!.lastUsedAt).toBeUndefined();
  await authenticateKey(key);
  const [listed] = (await h.client.listApiKeys({}, { context: admin })).data;
  expect(listed!.lastUsedAt).toBeDefined();
});

test('a key acting through its principal may not manage keys unless it is an administrator key', async () => {
  const { admin } = await h.newTenant();
  const { key } = await h.client.createApiKey(anApiKey({ role: 'operator' }), { context: admin });
  const asKey = contextOf(await authenticateKey(key));
  expect(await failureOf(h.client.listApiKeys({}, { context: asKey }))).toMatchObject({ kind: 'permission_denied' });
});

test('an unknown environment is an invalid field, reported with the other ones', async () => {
  const { admin } = await h.newTenant();
  const failure = await failureOf(h.client.createApiKey({ name: '', role: 'root', environment: 'staging' }, { context: admin }));
  expect(failure.kind).toBe('invalid_argument');
  expect(failure.fields.map((f) => f.path).sort()).toEqual(['environment', 'name', 'role']);
});

test("another tenant's key is not found", async () => {
  const mine = await h.newTenant();
  const other = await h.newTenant();
  const { key, apiKey } = await h.client.createApiKey(anApiKey(), { context: other.admin });
  expect(await failureOf(h.client.revokeApiKey({ id: apiKey!.id }, { context: mine.admin }))).toMatchObject({
    kind: 'not_found',
    code: 'api_key_not_found',
  });
  expect((await h.client.listApiKeys({}, { context: mine.admin })).data).toEqual([]);
  await authenticateKey(key); // still valid: nothing happened to it
});
