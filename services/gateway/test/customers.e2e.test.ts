import { startPlatform, storefrontBody, type Platform } from './support/platform';

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform('customers');
});
afterAll(async () => {
  await platform.stop();
});

let counter = 0;
const anEmail = (label = 'anna') => `${label}-${++counter}-${Math.random().toString(36).slice(2, 8)}@example.com`;
const aCustomer = (overrides: Record<string, unknown> = {}) => ({
  email: anEmail(),
  name: 'Anna Schmidt',
  country: 'DE',
  locale: 'de-DE',
  metadata: { plan: 'gold' },
  ...overrides,
});

/** A tenant, its administrator's token, and a call helper bound to it. */
async function aTenant() {
  const { token, tenant } = await platform.createTenant();
  const as =
    (t: string, headers: Record<string, string> = {}) =>
    (method: string, path: string, body?: unknown) =>
      platform.call(method, path, { token: t, body, headers });
  return { token, tenant, call: as(token), sandbox: as(token, { 'X-Environment': 'sandbox' }), as };
}

const paths = (problem: { errors?: Array<{ path: string }> }) => (problem.errors ?? []).map((e) => e.path).sort();

describe('customers', () => {
  it('are created, read and changed, with metadata merged like Stripe', async () => {
    const { call } = await aTenant();
    const storefront = (await call('POST', '/storefronts', storefrontBody())).body;
    const created = await call('POST', '/customers', aCustomer({ email: ' Anna.S@Example.COM ', storefrontId: storefront.id, metadata: { plan: 'gold', source: 'ads' } }));
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^cus_/),
      email: 'anna.s@example.com',
      name: 'Anna Schmidt',
      country: 'DE',
      locale: 'de-DE',
      storefrontId: storefront.id,
      metadata: { plan: 'gold', source: 'ads' },
      environmentId: expect.stringMatching(/^env_/),
      erased: false,
      erasedAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const id = created.body.id;
    expect((await call('GET', `/customers/${id}`)).body).toEqual(created.body);

    const patched = await call('PATCH', `/customers/${id}`, { name: 'Anna Weber', locale: null, metadata: { plan: 'platinum', source: null, extra: 'x' } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Anna Weber', locale: null, country: 'DE', metadata: { plan: 'platinum', extra: 'x' } });
    const cleared = await call('PATCH', `/customers/${id}`, { metadata: null });
    expect(cleared.body.metadata).toEqual({});
  });

  it('refuse a duplicate email with 409 email_taken, whatever its case', async () => {
    const { call } = await aTenant();
    const email = anEmail('dup');
    expect((await call('POST', '/customers', aCustomer({ email }))).status).toBe(201);
    for (const again of [email, email.toUpperCase()]) {
      const res = await call('POST', '/customers', aCustomer({ email: again }));
      expect(res.status).toBe(409);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('email_taken');
    }
    const other = (await call('POST', '/customers', aCustomer())).body;
    expect((await call('PATCH', `/customers/${other.id}`, { email })).status).toBe(409);
  });

  it('may share an email across environments', async () => {
    const { call, sandbox } = await aTenant();
    const email = anEmail('both');
    const production = await call('POST', '/customers', aCustomer({ email }));
    const inSandbox = await sandbox('POST', '/customers', aCustomer({ email }));
    expect([production.status, inSandbox.status]).toEqual([201, 201]);
    expect(inSandbox.body.environmentId).not.toBe(production.body.environmentId);
  });

  it('report every invalid field at once', async () => {
    const { call } = await aTenant();
    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    const res = await call('POST', '/customers', { email: 'nope', country: 'Germany', locale: 'x', metadata: tooMany });
    expect(res.status).toBe(400);
    expect(paths(res.body)).toEqual(['country', 'email', 'locale', 'metadata']);

    const limits = await call('POST', '/customers', aCustomer({ metadata: { ['k'.repeat(41)]: 'v', long: 'v'.repeat(501), 'a[0]': 'v' } }));
    expect(limits.status).toBe(400);
    expect(paths(limits.body)).toEqual([`metadata.${'k'.repeat(41)}`, 'metadata.a[0]', 'metadata.long'].sort());

    // Shapes pass the gateway; what only the service knows is reported by it, still naming the field.
    const deeper = await call('POST', '/customers', aCustomer({ country: 'XX', locale: 'de_DE!', storefrontId: 'sf_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M' }));
    expect(deeper.status).toBe(400);
    expect(paths(deeper.body)).toEqual(['country', 'locale', 'storefrontId']);
  });

  it('of another tenant or environment are a 404', async () => {
    const a = await aTenant();
    const b = await aTenant();
    const id = (await a.call('POST', '/customers', aCustomer())).body.id;
    for (const call of [b.call, a.sandbox]) {
      expect((await call('GET', `/customers/${id}`)).status).toBe(404);
      expect((await call('PATCH', `/customers/${id}`, { name: 'x' })).status).toBe(404);
      expect((await call('DELETE', `/customers/${id}`)).status).toBe(404);
      expect((await call('POST', `/customers/${id}/support-requests`, { subject: 's', body: 'b' })).status).toBe(404);
      expect((await call('GET', `/customers/${id}/support-requests`)).status).toBe(404);
    }
    expect((await a.call('GET', `/customers/${id}`)).status).toBe(200);
  });

  it('are listed newest first, page by page, and searched by email and by prefix', async () => {
    const { call } = await aTenant();
    const make = async (email: string, name: string) => (await call('POST', '/customers', aCustomer({ email, name }))).body.id as string;
    const anna = await make('anna.smith@example.com', 'Anna Smith');
    const annika = await make('annika@x.test', 'Annika Berg');
    const bob = await make('bob@example.com', 'Bob Ann');
    const zed = await make('zed@example.com', 'Zed Zulu');

    const first = await call('GET', '/customers?limit=3');
    expect(first.body.data.map((c: { id: string }) => c.id)).toEqual([zed, bob, annika]);
    const second = await call('GET', `/customers?limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body).toEqual({ data: [expect.objectContaining({ id: anna })], nextCursor: null });

    const search = async (query: string) =>
      ((await call('GET', `/customers?${query}`)).body.data as Array<{ id: string }>).map((c) => c.id);
    expect(await search('email=ANNA.SMITH%40example.com')).toEqual([anna]);
    expect(await search('q=ann')).toEqual([bob, annika, anna]);
    expect(await search('q=annika%40')).toEqual([annika]);
    expect(await search('q=SMI')).toEqual([anna]);
    expect(await search('q=zz')).toEqual([]);
    expect((await call('GET', `/customers?q=${'x'.repeat(101)}`)).status).toBe(400);
    expect((await call('GET', '/customers?limit=101')).status).toBe(400);
  });

  it('take an Idempotency-Key on creation', async () => {
    const { call, token } = await aTenant();
    const body = aCustomer();
    const headers = { 'Idempotency-Key': `cus-${Math.random()}` };
    const first = await platform.call('POST', '/customers', { token, body, headers });
    const retry = await platform.call('POST', '/customers', { token, body, headers });
    expect(first.status).toBe(201);
    expect(retry).toMatchObject({ status: 201, body: first.body });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((await call('GET', `/customers?email=${encodeURIComponent(body.email)}`)).body.data).toHaveLength(1);
    const other = await platform.call('POST', '/customers', { token, body: aCustomer(), headers });
    expect(other.status).toBe(422);
  });
});

describe('erasure', () => {
  it('removes personal data, keeps ids readable, hides the customer from search and frees its email', async () => {
    const { call } = await aTenant();
    const email = anEmail('erase');
    const customer = (await call('POST', '/customers', aCustomer({ email, name: 'Erika Mustermann' }))).body;
    const request = (await call('POST', `/customers/${customer.id}/support-requests`, { subject: 'About Erika', body: 'Call me on +49 170 555' })).body;

    const erased = await call('DELETE', `/customers/${customer.id}`);
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({
      id: customer.id,
      email: null,
      name: null,
      locale: null,
      metadata: {},
      country: 'DE',
      erased: true,
      erasedAt: expect.any(String),
      createdAt: customer.createdAt,
    });
    expect((await call('DELETE', `/customers/${customer.id}`)).body).toEqual(erased.body);
    expect((await call('GET', `/customers/${customer.id}`)).body).toEqual(erased.body);

    const threads = await call('GET', `/customers/${customer.id}/support-requests`);
    expect(threads.body.data).toEqual([
      expect.objectContaining({ id: request.id, subject: null, messages: [expect.objectContaining({ id: request.messages[0].id, body: null })] }),
    ]);
    expect(JSON.stringify(threads.body)).not.toMatch(/Erika|555/);

    expect((await call('GET', `/customers?email=${encodeURIComponent(email)}`)).body.data).toEqual([]);
    expect((await call('GET', '/customers?q=erika')).body.data).toEqual([]);
    expect((await call('GET', '/customers')).body.data.map((c: { id: string }) => c.id)).not.toContain(customer.id);

    expect((await call('PATCH', `/customers/${customer.id}`, { name: 'Back' })).body.code).toBe('customer_erased');
    expect((await call('POST', `/support-requests/${request.id}/messages`, { body: 'hello' })).status).toBe(409);
    const again = await call('POST', '/customers', aCustomer({ email }));
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(customer.id);
  });
});

describe('support requests', () => {
  it('keep a thread through its statuses, with each message by its author', async () => {
    const { call, token, as } = await aTenant();
    const customer = (await call('POST', '/customers', aCustomer())).body;
    const created = await call('POST', `/customers/${customer.id}/support-requests`, { subject: 'Playback stops', body: 'After ten seconds.' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^sr_/),
      customerId: customer.id,
      subject: 'Playback stops',
      status: 'open',
      priority: 'normal',
      messages: [{ id: expect.stringMatching(/^msg_/), body: 'After ten seconds.', author: { type: 'user', id: expect.stringMatching(/^usr_/) }, createdAt: expect.any(String) }],
    });
    const id = created.body.id;

    const pending = await call('PATCH', `/support-requests/${id}`, { status: 'pending', priority: 'high' });
    expect(pending.body).toMatchObject({ status: 'pending', priority: 'high' });
    const key = await call('POST', '/api-keys', { name: 'helpdesk', role: 'operator', environment: 'production' });
    const reply = await as(key.body.key)('POST', `/support-requests/${id}/messages`, { body: 'Which device?' });
    expect(reply.status).toBe(201);
    expect(reply.body.messages[1]).toMatchObject({ body: 'Which device?', author: { type: 'api_key', id: key.body.id } });
    expect(reply.body.status).toBe('pending');

    expect((await call('PATCH', `/support-requests/${id}`, { status: 'resolved' })).body.status).toBe('resolved');
    const reopened = await call('POST', `/support-requests/${id}/messages`, { body: 'It is back.' });
    expect(reopened.body).toMatchObject({ status: 'open', messages: [{}, {}, { body: 'It is back.' }] });

    const viewer = (await platform.createUser(token, 'viewer')).token;
    const listed = await platform.call('GET', `/customers/${customer.id}/support-requests`, { token: viewer });
    expect(listed.body).toEqual({ data: [reopened.body], nextCursor: null });
    const one = await platform.call('GET', `/support-requests/${id}`, { token: viewer });
    expect(one).toMatchObject({ status: 200, body: reopened.body });
    expect(one.body.messages.map((m: { body: string }) => m.body)).toEqual(['After ten seconds.', 'Which device?', 'It is back.']);
  });

  it('are validated field by field, and paginated', async () => {
    const { call } = await aTenant();
    const customer = (await call('POST', '/customers', aCustomer())).body;
    const bad = await call('POST', `/customers/${customer.id}/support-requests`, { subject: '', body: 'x'.repeat(10_001), priority: 'urgent' });
    expect(bad.status).toBe(400);
    expect(paths(bad.body)).toEqual(['body', 'priority', 'subject']);
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push((await call('POST', `/customers/${customer.id}/support-requests`, { subject: `#${i}`, body: 'b' })).body.id);
    expect(paths((await call('PATCH', `/support-requests/${made[0]}`, {})).body)).toEqual(['status']);
    expect(paths((await call('PATCH', `/support-requests/${made[0]}`, { status: 'closed' })).body)).toEqual(['status']);
    expect(paths((await call('POST', `/support-requests/${made[0]}/messages`, { body: ' ' })).body)).toEqual(['body']);
    const first = await call('GET', `/customers/${customer.id}/support-requests?limit=2`);
    expect(first.body.data.map((r: { id: string }) => r.id)).toEqual([made[2], made[1]]);
    const second = await call('GET', `/customers/${customer.id}/support-requests?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ data: [{ id: made[0] }], nextCursor: null });
  });

  it('of another tenant or environment are a 404', async () => {
    const a = await aTenant();
    const b = await aTenant();
    const customer = (await a.call('POST', '/customers', aCustomer())).body;
    const request = (await a.call('POST', `/customers/${customer.id}/support-requests`, { subject: 's', body: 'b' })).body;
    expect((await a.call('GET', `/support-requests/${request.id}`)).status).toBe(200);
    for (const call of [b.call, a.sandbox]) {
      expect((await call('GET', `/support-requests/${request.id}`)).status).toBe(404);
      expect((await call('PATCH', `/support-requests/${request.id}`, { status: 'resolved' })).status).toBe(404);
      expect((await call('POST', `/support-requests/${request.id}/messages`, { body: 'x' })).status).toBe(404);
    }
  });
});

test('the OpenAPI document describes every customer route', async () => {
  const doc = (await platform.call('GET', '/openapi.json')).body;
  const routes = [
    'post /customers',
    'get /customers',
    'get /customers/{id}',
    'patch /customers/{id}',
    'delete /customers/{id}',
    'post /customers/{id}/support-requests',
    'get /customers/{id}/support-requests',
    'get /support-requests/{id}',
    'patch /support-requests/{id}',
    'post /support-requests/{id}/messages',
  ];
  for (const route of routes) {
    const [method, path] = route.split(' ') as [string, string];
    expect(doc.paths[path]?.[method]).toBeDefined();
  }
  expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Customer', 'SupportRequest', 'CreateCustomerRequest']));
  expect(doc.paths['/customers'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['email', 'q', 'limit', 'cursor']));
});
