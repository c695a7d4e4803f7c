import knexFactory from 'knex';
import { testServers, waitFor } from '@azotte/common/testing';
import { fingerprintOf } from '../src/middleware/idempotency';
import { startPlatform, storefrontBody, type Platform } from './support/platform';

let platform: Platform;
let token: string;
beforeAll(async () => {
  platform = await startPlatform('conventions');
  ({ token } = await platform.createTenant());
});
afterAll(async () => {
  await platform.stop();
});

const storefrontCount = async () => (await platform.call('GET', '/storefronts?limit=100', { token })).body.data.length as number;

describe('Idempotency-Key', () => {
  it('replays the first response for a retry with the same body, and does nothing again', async () => {
    const before = await storefrontCount();
    const body = storefrontBody();
    const headers = { 'Idempotency-Key': `create-${Math.random()}` };
    const first = await platform.call('POST', '/storefronts', { token, body, headers });
    const retry = await platform.call('POST', '/storefronts', { token, body, headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await storefrontCount()).toBe(before + 1);
  });

  it('replays a refusal too', async () => {
    const body = storefrontBody({ slug: 'dup-slug' });
    await platform.call('POST', '/storefronts', { token, body });
    const headers = { 'Idempotency-Key': `dup-${Math.random()}` };
    const first = await platform.call('POST', '/storefronts', { token, body, headers });
    const retry = await platform.call('POST', '/storefronts', { token, body, headers });
    expect(first.status).toBe(409);
    expect(retry).toMatchObject({ status: 409, body: first.body });
  });

  it('refuses the same key with another body with 422', async () => {
    const headers = { 'Idempotency-Key': `mismatch-${Math.random()}` };
    expect((await platform.call('POST', '/storefronts', { token, body: storefrontBody(), headers })).status).toBe(201);
    const other = await platform.call('POST', '/storefronts', { token, body: storefrontBody(), headers });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
  });

  it('answers 409 while the first request with the key is still running', async () => {
    // The first request is mid-flight: its claim is in the gateway's table, its response not yet.
    const key = `inflight-${Math.random()}`;
    const body = storefrontBody();
    const me = await platform.call('GET', '/me', { token });
    const db = knexFactory({ client: 'pg', connection: testServers().databaseUrl });
    // Claim the key exactly as the first request would have.
    const fingerprint = fingerprintOf({ method: 'POST', baseUrl: '/api/v1', path: '/storefronts', body } as never);
    await db.withSchema(platform.schemas.gateway).table('idempotency_keys').insert({
      tenant_id: me.body.tenantId,
      environment_id: me.body.environment.id,
      key,
      fingerprint,
      state: 'in_flight',
      expires_at: new Date(Date.now() + 3_600_000),
    });
    await db.destroy();
    const res = await platform.call('POST', '/storefronts', { token, body, headers: { 'Idempotency-Key': key } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('idempotency_key_in_flight');
  });

  it('lets concurrent retries create exactly one object', async () => {
    const before = await storefrontCount();
    const body = storefrontBody();
    const headers = { 'Idempotency-Key': `burst-${Math.random()}` };
    const replies = await Promise.all(Array.from({ length: 8 }, () => platform.call('POST', '/storefronts', { token, body, headers })));
    const created = replies.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    expect(replies.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(await storefrontCount()).toBe(before + 1);
  });

  it('keeps keys apart between environments', async () => {
    const headers = { 'Idempotency-Key': `env-${Math.random()}` };
    const body = storefrontBody();
    const production = await platform.call('POST', '/storefronts', { token, body, headers });
    const sandbox = await platform.call('POST', '/storefronts', { token, body, headers: { ...headers, 'X-Environment': 'sandbox' } });
    expect(production.status).toBe(201);
    expect(sandbox.status).toBe(201);
    expect(sandbox.body.id).not.toBe(production.body.id);
  });
});

describe('bad input', () => {
  it('malformed JSON is a 400 problem', async () => {
    const res = await platform.call('POST', '/storefronts', { token, rawBody: '{"name": "x",' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 400, code: 'malformed_json', title: expect.any(String), detail: expect.any(String) });
  });

  it('wrong types are a 400 naming each field', async () => {
    const res = await platform.call('POST', '/storefronts', {
      token,
      body: { name: 42, slug: ['x'], branding: 'dark', paymentMethods: 'card', regional: null },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['branding', 'name', 'paymentMethods', 'regional', 'slug']);
  });

  it('a body that is not an object is a 400', async () => {
    for (const rawBody of ['[]', '"text"', 'null', '42']) {
      const res = await platform.call('POST', '/storefronts', { token, rawBody });
      expect(res.status).toBe(400);
    }
  });

  it('an oversized body is a 413', async () => {
    const res = await platform.call('POST', '/storefronts', { token, body: storefrontBody({ name: 'x'.repeat(200_000) }) });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('nothing stored is lost by a bad request', async () => {
    const before = await platform.call('GET', '/storefronts?limit=100', { token });
    const first = before.body.data[0];
    await platform.call('PATCH', `/storefronts/${first.id}`, { token, body: { regional: { currencies: ['NOPE'] } } });
    const after = await platform.call('GET', `/storefronts/${first.id}`, { token });
    expect(after.body).toEqual(first);
  });

  it('a wrong or missing credential is a 401, an unknown route a 404, never a 5xx', async () => {
    expect((await platform.call('GET', '/storefronts', { token: 'not-a-token' })).status).toBe(401);
    expect((await platform.call('GET', '/storefronts', { token: 'azk_live_doesnotexist' })).status).toBe(401);
    expect((await platform.call('GET', '/storefronts', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
    expect((await platform.call('GET', '/no-such-route', { token })).status).toBe(404);
    expect((await platform.call('GET', '/storefronts', { token, headers: { 'X-Environment': 'staging' } })).status).toBe(404);
  });
});

describe('HTTP hygiene', () => {
  it('sends security headers and no X-Powered-By', async () => {
    const res = await platform.call('GET', '/healthz');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toBeTruthy();
  });

  it('serves an OpenAPI 3 document and a docs page without a credential', async () => {
    const doc = await platform.call('GET', '/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/storefronts/{id}', '/auth/login', '/tenants']));
    const page = await fetch(`${platform.gateway.url}/docs/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger');
  });

  it('is ready when every backing service answers', async () => {
    const res = await platform.call('GET', '/readyz');
    expect(res).toMatchObject({ status: 200, body: { status: 'ready' } });
  });
});

describe('the audit log and usage', () => {
  it('record who created a user, from the event on the bus', async () => {
    const { token: adminToken } = await platform.createTenant();
    const { user } = await platform.createUser(adminToken, 'operator');
    const me = await platform.call('GET', '/me', { token: adminToken });
    const entry = await waitFor(
      async () => {
        const log = await platform.call('GET', '/audit-log', { token: adminToken });
        return log.body.data.find((e: { action: string; object: { id: string } }) => e.action === 'tenant.user.created.v1' && e.object.id === user.id);
      },
      { what: 'the audit entry' },
    );
    expect(entry).toMatchObject({ actor: { type: 'user', id: me.body.user.id }, object: { type: 'user', id: user.id } });
  });

  it('is narrowed by actor, action, object and time, every filter optional and combinable', async () => {
    const { token: adminToken } = await platform.createTenant();
    const me = (await platform.call('GET', '/me', { token: adminToken })).body;
    const { user } = await platform.createUser(adminToken, 'viewer');
    const storefront = (await platform.call('POST', '/storefronts', { token: adminToken, headers: { 'X-Environment': 'sandbox' }, body: storefrontBody() })).body;
    const log = (query: string) => platform.call('GET', `/audit-log?${query}`, { token: adminToken });
    const entries = await waitFor(
      async () => {
        const all = (await log('limit=100')).body.data;
        return all.length === 6 ? all : undefined;
      },
      { what: 'six audit entries' },
    );
    const ids = async (query: string) => (await log(query)).body.data.map((e: { id: string }) => e.id);
    const idOf = (objectId: string) => entries.find((e: { object: { id: string } }) => e.object.id === objectId).id;

    expect(await ids(`actorId=${me.user.id}`)).toEqual([idOf(storefront.id), idOf(user.id)]);
    expect(await ids(`action=tenant.user.created.v1&actorId=${me.user.id}`)).toEqual([idOf(user.id)]);
    expect(await ids(`objectType=storefront&objectId=${storefront.id}&environmentId=${storefront.environmentId}`)).toEqual([idOf(storefront.id)]);
    const at = entries.find((e: { id: string }) => e.id === idOf(user.id)).at;
    expect(await ids(`objectType=user&from=${at}&to=${new Date(Date.parse(at) + 1).toISOString()}`)).toEqual([idOf(user.id)]);
    expect(await ids(`objectType=user&to=${at}`)).not.toContain(idOf(user.id));

    const bad = await log('from=yesterday&to=2026-01-01T00:00:00Z&limit=0&objectId=');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['from', 'limit', 'objectId']);
    const backwards = await log('from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z');
    expect(backwards.body).toMatchObject({ status: 400, errors: [{ path: 'from', message: 'must be before to' }] });
  });

  it('count API calls and events of the month', async () => {
    const { token: adminToken } = await platform.createTenant();
    for (let i = 0; i < 3; i++) await platform.call('GET', '/storefronts', { token: adminToken });
    await platform.call('POST', '/storefronts', { token: adminToken, body: storefrontBody() });
    const usage = await waitFor(
      async () => {
        const u = await platform.call('GET', '/usage', { token: adminToken });
        return u.body.apiCalls >= 4 && u.body.events >= 1 ? u.body : undefined;
      },
      { what: 'usage figures', timeoutMs: 15_000 },
    );
    expect(usage.month).toBe(new Date().toISOString().slice(0, 7));
  });
});
