import { failureOf, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('providers');
});
afterAll(async () => {
  await h?.close();
});

const CREDENTIALS = { apiKey: 'sk_sandbox_4eC39HqLyjWDarjtT1zdp7dc', accountId: 'acct_1' };

test('the sandbox provider is always on in a sandbox environment', async () => {
  const { adminInSandbox } = await h.newTenant();
  const { data } = await h.client.listPaymentProviders({}, { context: adminInSandbox });
  expect(data).toEqual([{ provider: 'sandbox', enabled: true, configured: true, details: {} }]);

  const failure = await failureOf(
    h.client.putPaymentProvider({ provider: 'sandbox', enabled: false }, { context: adminInSandbox }),
  );
  expect(failure).toMatchObject({ kind: 'unprocessable', code: 'sandbox_always_on' });
});

test('the sandbox provider is off in production until enabled', async () => {
  const { admin } = await h.newTenant();
  expect((await h.client.listPaymentProviders({}, { context: admin })).data).toEqual([
    { provider: 'sandbox', enabled: false, configured: true, details: {} },
  ]);
  const enabled = await h.client.putPaymentProvider({ provider: 'sandbox', enabled: true }, { context: admin });
  expect(enabled).toMatchObject({ provider: 'sandbox', enabled: true });
  expect((await h.client.listPaymentProviders({}, { context: admin })).data[0]!.enabled).toBe(true);
  // ... and only in that environment.
  const other = await h.newTenant();
  expect((await h.client.listPaymentProviders({}, { context: other.admin })).data[0]!.enabled).toBe(false);
});

test('credentials are encrypted at rest and never returned', async () => {
  const { admin, tenant } = await h.newTenant();
  const saved = await h.client.putPaymentProvider(
    { provider: 'sandbox', enabled: true, credentials: CREDENTIALS },
    { context: admin },
  );
  expect(saved.details).toEqual({ credentialsHint: '••••p7dc' });
  const listed = await h.client.listPaymentProviders({}, { context: admin });
  for (const answer of [saved, listed]) {
    expect(JSON.stringify(answer)).not.toContain(CREDENTIALS.apiKey);
    expect(JSON.stringify(answer)).not.toContain('acct_1');
  }

  const row = await h.db('payment_providers').where({ tenant_id: tenant.id, provider: 'sandbox' }).first();
  expect(row.credentials_encrypted).toEqual(expect.any(String));
  expect(row.credentials_encrypted).not.toContain(CREDENTIALS.apiKey);
  expect(Buffer.from(row.credentials_encrypted, 'base64').toString('latin1')).not.toContain(CREDENTIALS.apiKey);

  // A later change without credentials keeps them.
  const kept = await h.client.putPaymentProvider({ provider: 'sandbox', enabled: false }, { context: admin });
  expect(kept.details).toEqual({ credentialsHint: '••••p7dc' });
  const after = await h.db('payment_providers').where({ tenant_id: tenant.id, provider: 'sandbox' }).first();
  expect(after.credentials_encrypted).toBe(row.credentials_encrypted);
});

test('the payment_provider.updated event carries no credentials', async () => {
  const { admin, tenant } = await h.newTenant();
  await h.client.putPaymentProvider({ provider: 'sandbox', enabled: true, credentials: CREDENTIALS }, { context: admin });
  const rows = await h.db('outbox').where({ tenant_id: tenant.id, routing_key: 'tenant.payment_provider.updated.v1' });
  expect(rows).toHaveLength(1);
  expect(JSON.stringify(rows[0].payload)).not.toContain(CREDENTIALS.apiKey);
  expect(rows[0].payload).toEqual({
    paymentProvider: { provider: 'sandbox', enabled: true, configured: true, details: { credentialsHint: '••••p7dc' } },
  });
});

test('an unknown provider is payment_provider_not_found', async () => {
  const { admin } = await h.newTenant();
  const failure = await failureOf(h.client.putPaymentProvider({ provider: 'paypal', enabled: true }, { context: admin }));
  expect(failure).toMatchObject({ kind: 'not_found', code: 'payment_provider_not_found' });
});

test('only administrators change providers', async () => {
  const { admin } = await h.newTenant();
  const manager = await h.client.createUser(
    { email: `pm-${Date.now()}@example.com`, password: 'manager-password', name: '', role: 'manager' },
    { context: admin },
  );
  const failure = await failureOf(
    h.client.putPaymentProvider({ provider: 'sandbox', enabled: true }, { context: await h.signIn(manager.id) }),
  );
  expect(failure).toMatchObject({ kind: 'permission_denied' });
});
