import { EVENTS } from '@azotte/proto';
import { aCustomer, aStorefront } from './support/builders';
import { failureOf, pathsOf, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('customers');
});
afterAll(async () => {
  await h?.close();
});

describe('creating a customer', () => {
  it('sent again with its Idempotency-Key (the first answer lost), answers the customer the first made, not email_taken', async () => {
    const t = await h.newTenant();
    const request = { ...aCustomer({ email: 'again@example.com' }), idempotencyKey: 'signup-1' };
    const first = await h.client.createCustomer(request, { context: t.admin });
    expect(await h.client.createCustomer(request, { context: t.admin })).toEqual(first);
    const atOnce = await Promise.all([1, 2, 3].map(() => h.client.createCustomer({ ...aCustomer({ email: 'once@example.com' }), idempotencyKey: 'signup-2' }, { context: t.admin })));
    expect(new Set(atOnce.map((c) => c.id)).size).toBe(1);
    // Without a key, or with another, the same email is taken.
    expect(await failureOf(h.client.createCustomer({ ...request, idempotencyKey: '' }, { context: t.admin }))).toMatchObject({ code: 'email_taken' });
    expect(await failureOf(h.client.createCustomer({ ...request, idempotencyKey: 'signup-3' }, { context: t.admin }))).toMatchObject({ code: 'email_taken' });
  });

  it('stores the profile in the caller environment and publishes customer.customer.created.v1', async () => {
    const t = await h.newTenant();
    const request = aCustomer({ email: '  Anna.Schmidt@Example.COM ', locale: 'de-de', metadata: { plan: 'gold', seats: '3' } });
    const customer = await h.client.createCustomer(request, { context: t.admin });
    expect(customer).toMatchObject({
      id: expect.stringMatching(/^cus_[0-9A-Z]{26}$/),
      email: 'anna.schmidt@example.com',
      name: 'Anna Schmidt',
      country: 'DE',
      locale: 'de-DE',
      metadata: { plan: 'gold', seats: '3' },
      environmentId: t.admin.scope!.environmentId,
      erased: false,
    });
    expect(customer.erasedAt).toBeUndefined();
    expect(customer.createdAt).toBe(customer.updatedAt);
    expect(await h.client.getCustomer({ id: customer.id }, { context: t.admin })).toEqual(customer);

    const [row] = await h.outbox(EVENTS.customer.customerCreated).then((rows) => rows.filter((r) => r.payload.customer.id === customer.id));
    expect(row).toMatchObject({ tenant_id: t.tenant.id, environment_id: customer.environmentId });
    expect(row!.payload.customer).toMatchObject({ id: customer.id, email: customer.email, metadata: customer.metadata });
  });

  it('needs only an email', async () => {
    const t = await h.newTenant();
    const customer = await h.client.createCustomer({ email: 'only@example.com', metadata: {} }, { context: t.admin });
    expect(customer).toMatchObject({ email: 'only@example.com', metadata: {} });
    expect(customer.name).toBeUndefined();
    expect(customer.country).toBeUndefined();
    expect(customer.storefrontId).toBeUndefined();
  });

  it('reports every invalid field at once, with its path', async () => {
    const { admin } = await h.newTenant();
    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    const failure = await failureOf(
      h.client.createCustomer(
        aCustomer({
          email: 'not-an-email',
          name: 'x'.repeat(201),
          country: 'Germany',
          locale: 'not a locale!',
          metadata: { ...tooMany, ['k'.repeat(41)]: 'v', 'a[b]': 'v', long: 'v'.repeat(501) },
        }),
        { context: admin },
      ),
    );
    expect(failure.kind).toBe('invalid_argument');
    expect(pathsOf(failure)).toEqual(
      ['email', 'name', 'country', 'locale', 'metadata', `metadata.${'k'.repeat(41)}`, 'metadata.a[b]', 'metadata.long'].sort(),
    );
  });

  it('refuses an email a customer of the same environment has, in any case, with email_taken', async () => {
    const t = await h.newTenant();
    await h.client.createCustomer(aCustomer({ email: 'taken@example.com' }), { context: t.admin });
    for (const email of ['taken@example.com', 'TAKEN@Example.com']) {
      expect(await failureOf(h.client.createCustomer(aCustomer({ email }), { context: t.admin }))).toMatchObject({
        kind: 'conflict',
        code: 'email_taken',
      });
    }
  });

  it('lets another environment, and another tenant, use the same email', async () => {
    const t = await h.newTenant();
    const other = await h.newTenant();
    const production = await h.client.createCustomer(aCustomer({ email: 'same@example.com' }), { context: t.admin });
    const sandbox = await h.client.createCustomer(aCustomer({ email: 'same@example.com' }), { context: t.adminInSandbox });
    const elsewhere = await h.client.createCustomer(aCustomer({ email: 'same@example.com' }), { context: other.admin });
    expect(new Set([production.id, sandbox.id, elsewhere.id]).size).toBe(3);
  });

  it('attaches an active storefront of the scope, and names storefrontId otherwise', async () => {
    const t = await h.newTenant();
    const storefront = await h.tenant.createStorefront(aStorefront(), { context: t.admin });
    const attached = await h.client.createCustomer(aCustomer({ storefrontId: storefront.id }), { context: t.admin });
    expect(attached.storefrontId).toBe(storefront.id);

    const inSandbox = await h.tenant.createStorefront(aStorefront(), { context: t.adminInSandbox });
    const archived = await h.tenant.createStorefront(aStorefront(), { context: t.admin });
    await h.tenant.archiveStorefront({ id: archived.id }, { context: t.admin });
    for (const storefrontId of ['sf_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M', inSandbox.id, archived.id]) {
      const failure = await failureOf(h.client.createCustomer(aCustomer({ storefrontId }), { context: t.admin }));
      expect(failure).toMatchObject({ kind: 'invalid_argument', fields: [expect.objectContaining({ path: 'storefrontId' })] });
    }
  });
});

describe('reading a customer', () => {
  it("of another tenant or environment is not found", async () => {
    const t = await h.newTenant();
    const other = await h.newTenant();
    const customer = await h.client.createCustomer(aCustomer(), { context: t.admin });
    for (const context of [other.admin, t.adminInSandbox]) {
      expect(await failureOf(h.client.getCustomer({ id: customer.id }, { context }))).toMatchObject({
        kind: 'not_found',
        code: 'customer_not_found',
      });
      expect((await failureOf(h.client.updateCustomer({ id: customer.id, metadata: {}, clearMetadata: false }, { context }))).kind).toBe('not_found');
      expect((await failureOf(h.client.eraseCustomer({ id: customer.id }, { context }))).kind).toBe('not_found');
    }
  });

  it('is open to every role and to other services; writing is not open to viewers', async () => {
    const t = await h.newTenant();
    const customer = await h.client.createCustomer(aCustomer(), { context: await t.as('operator') });
    const viewer = await t.as('viewer');
    expect((await h.client.getCustomer({ id: customer.id }, { context: viewer })).id).toBe(customer.id);
    expect((await h.client.getCustomer({ id: customer.id }, { context: t.system })).id).toBe(customer.id);
    expect((await failureOf(h.client.createCustomer(aCustomer(), { context: viewer }))).kind).toBe('permission_denied');
    expect((await failureOf(h.client.eraseCustomer({ id: customer.id }, { context: viewer }))).kind).toBe('permission_denied');
    expect((await failureOf(h.client.createCustomer(aCustomer(), { context: t.system }))).kind).toBe('permission_denied');
  });

  it('without a scope is refused', async () => {
    const failure = await failureOf(h.client.getCustomer({ id: 'cus_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M' }, { context: { actor: { type: 'system', id: 'x', role: 'system' } } }));
    expect(failure.kind).toBe('unauthenticated');
  });
});

describe('updating a customer', () => {
  it('replaces the fields given, merges metadata like Stripe, and publishes what changed', async () => {
    const t = await h.newTenant();
    const customer = await h.client.createCustomer(aCustomer({ metadata: { plan: 'gold', source: 'ads', keep: 'me' } }), { context: t.admin });
    const updated = await h.client.updateCustomer(
      { id: customer.id, name: 'Anna Weber', country: '', locale: 'fr-fr', metadata: { plan: 'platinum', source: '', extra: 'yes' }, clearMetadata: false },
      { context: t.admin },
    );
    expect(updated).toMatchObject({ name: 'Anna Weber', locale: 'fr-FR', email: customer.email, metadata: { plan: 'platinum', keep: 'me', extra: 'yes' } });
    expect(updated.country).toBeUndefined();
    expect(updated.updatedAt! >= customer.updatedAt!).toBe(true);
    const events = (await h.outbox(EVENTS.customer.customerUpdated)).filter((r) => r.payload.customer.id === customer.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.payload.changedFields.sort()).toEqual(['country', 'locale', 'metadata', 'name']);
  });

  it('clears all metadata when asked to', async () => {
    const t = await h.newTenant();
    const customer = await h.client.createCustomer(aCustomer({ metadata: { a: '1', b: '2' } }), { context: t.admin });
    const updated = await h.client.updateCustomer({ id: customer.id, metadata: { c: '3' }, clearMetadata: true }, { context: t.admin });
    expect(updated.metadata).toEqual({ c: '3' });
  });

  it('that changes nothing publishes nothing', async () => {
    const t = await h.newTenant();
    const customer = await h.client.createCustomer(aCustomer(), { context: t.admin });
    const same = await h.client.updateCustomer({ id: customer.id, name: customer.name, email: customer.email!.toUpperCase(), metadata: customer.metadata, clearMetadata: false }, { context: t.admin });
    expect(same).toEqual(customer);
    expect((await h.outbox(EVENTS.customer.customerUpdated)).filter((r) => r.payload.customer.id === customer.id)).toHaveLength(0);
  });

  it('refuses an email another customer has, and metadata past 50 keys after the merge', async () => {
    const t = await h.newTenant();
    const first = await h.client.createCustomer(aCustomer({ email: 'first@example.com' }), { context: t.admin });
    const second = await h.client.createCustomer(aCustomer({ metadata: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v'])) }), { context: t.admin });
    expect(await failureOf(h.client.updateCustomer({ id: second.id, email: 'First@example.com', metadata: {}, clearMetadata: false }, { context: t.admin }))).toMatchObject({ code: 'email_taken' });
    expect(pathsOf(await failureOf(h.client.updateCustomer({ id: second.id, metadata: { one: 'more' }, clearMetadata: false }, { context: t.admin })))).toEqual(['metadata']);
    expect(pathsOf(await failureOf(h.client.updateCustomer({ id: first.id, email: '', storefrontId: 'sf_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M', metadata: {}, clearMetadata: false }, { context: t.admin })))).toEqual(['email', 'storefrontId']);
  });

  it('checks a new storefront, and keeps the one it has', async () => {
    const t = await h.newTenant();
    const storefront = await h.tenant.createStorefront(aStorefront(), { context: t.admin });
    const customer = await h.client.createCustomer(aCustomer(), { context: t.admin });
    const attached = await h.client.updateCustomer({ id: customer.id, storefrontId: storefront.id, metadata: {}, clearMetadata: false }, { context: t.admin });
    expect(attached.storefrontId).toBe(storefront.id);
    // An archived storefront stays on the customers that have it; it only cannot be newly chosen.
    await h.tenant.archiveStorefront({ id: storefront.id }, { context: t.admin });
    const renamed = await h.client.updateCustomer({ id: customer.id, name: 'Renamed', storefrontId: storefront.id, metadata: {}, clearMetadata: false }, { context: t.admin });
    expect(renamed).toMatchObject({ name: 'Renamed', storefrontId: storefront.id });
    const detached = await h.client.updateCustomer({ id: customer.id, storefrontId: '', metadata: {}, clearMetadata: false }, { context: t.admin });
    expect(detached.storefrontId).toBeUndefined();
  });
});
