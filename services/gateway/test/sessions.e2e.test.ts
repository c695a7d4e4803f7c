import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildOpenApiDocument } from '../src/openapi/build';
import type { RunningGateway } from '../src';
import { startPlatform, storefrontBody, type Platform } from './support/platform';

let platform: Platform;
let portalDir: string;
let withPortal: RunningGateway;

beforeAll(async () => {
  platform = await startPlatform('sessions');
  portalDir = fs.mkdtempSync(path.join(os.tmpdir(), 'azotte-portal-'));
  fs.mkdirSync(path.join(portalDir, 'assets'));
  fs.writeFileSync(path.join(portalDir, 'index.html'), '<!doctype html><title>Azotte</title><div id="root"></div>');
  fs.writeFileSync(path.join(portalDir, 'assets', 'index-abc123.js'), 'console.log(1)');
  fs.writeFileSync(path.join(portalDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  withPortal = await platform.startExtraGateway({ PORTAL_DIR: portalDir });
});
afterAll(async () => {
  await platform.stop();
  fs.rmSync(portalDir, { recursive: true, force: true });
});

/** Signs in as the portal does, and returns the session cookie the browser would keep. */
async function signIn(email: string, password: string, via: RunningGateway = platform.gateway) {
  const res = await fetch(`${via.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  const [setCookie, hint] = res.headers.getSetCookie();
  return { setCookie: setCookie!, hint: hint!, cookie: setCookie!.split(';')[0]! };
}

const origin = (via: RunningGateway) => new URL(via.url).origin;

describe('the portal session', () => {
  it('is an HttpOnly, SameSite=Strict cookie on the API path, set at sign-in', async () => {
    const { adminEmail } = await platform.createTenant();
    const { setCookie, hint } = await signIn(adminEmail, 'owner-password');
    expect(setCookie).toMatch(/^azotte_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\/api\/v1/);
    expect(setCookie).toMatch(/Max-Age=43200/);
    // Beside it, a hint the page may read that a session exists: no secret in it.
    expect(hint).toMatch(/^azotte_signed_in=1; Max-Age=43200; Path=\/;/);
    expect(hint).not.toMatch(/HttpOnly/i);
  });

  it('signs in /me without any Authorization header, naming tenant, environments and permissions', async () => {
    const { tenant, adminEmail } = await platform.createTenant();
    const { cookie } = await signIn(adminEmail, 'owner-password');
    const me = await platform.call('GET', '/me', { headers: { cookie, 'X-Environment': 'sandbox' } });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      tenantId: tenant.id,
      tenant: { id: tenant.id, name: tenant.name },
      role: 'administrator',
      platformAdmin: false,
      environment: { name: 'sandbox', kind: 'sandbox' },
      permissions: { administration: 'write', refunds: 'write', dashboard: 'read' },
    });
    expect(me.body.environments.map((e: { name: string }) => e.name).sort()).toEqual(['production', 'sandbox']);
  });

  it("gives a viewer's /me the viewer's column of the role table", async () => {
    const { token } = await platform.createTenant();
    const { user } = await platform.createUser(token, 'viewer');
    const { cookie } = await signIn(user.email, 'user-password-1');
    const me = await platform.call('GET', '/me', { headers: { cookie } });
    expect(me.body.permissions).toMatchObject({ administration: 'none', customers: 'read', refunds: 'none', testClock: 'none', analytics: 'read' });
  });

  it('refuses a state-changing request signed by the cookie from another site, or saying nothing of where it comes from', async () => {
    const { adminEmail } = await platform.createTenant();
    const { cookie } = await signIn(adminEmail, 'owner-password');
    const foreign = await platform.call('POST', '/storefronts', { headers: { cookie, origin: 'https://evil.example' }, body: storefrontBody() });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('cross_site_request_refused');
    const silent = await platform.call('POST', '/storefronts', { headers: { cookie }, body: storefrontBody() });
    expect(silent.status).toBe(403);
    const own = await platform.call('POST', '/storefronts', { headers: { cookie, origin: origin(platform.gateway) }, body: storefrontBody() });
    expect(own.status).toBe(201);
    const fetchMetadata = await platform.call('POST', '/storefronts', { headers: { cookie, 'sec-fetch-site': 'same-origin' }, body: storefrontBody() });
    expect(fetchMetadata.status).toBe(201);
  });

  it('is refused by every gateway once signed out, and the cookie is cleared', async () => {
    const { adminEmail } = await platform.createTenant();
    const { cookie } = await signIn(adminEmail, 'owner-password');
    expect((await platform.call('GET', '/me', { headers: { cookie }, via: withPortal })).status).toBe(200);
    const out = await fetch(`${platform.gateway.url}/auth/logout`, { method: 'POST', headers: { cookie, origin: origin(platform.gateway) } });
    expect(out.status).toBe(204);
    const cleared = out.headers.getSetCookie();
    expect(cleared).toEqual([expect.stringMatching(/^azotte_session=;.*Expires=Thu, 01 Jan 1970/), expect.stringMatching(/^azotte_signed_in=;.*Expires=Thu, 01 Jan 1970/)]);
    for (const via of [platform.gateway, withPortal]) {
      const after = await platform.call('GET', '/me', { headers: { cookie }, via });
      expect(after.status).toBe(401);
      expect(after.body.detail).toMatch(/signed out/);
    }
  });
});

describe('signing out with a Bearer token', () => {
  it('revokes that token at once on every gateway, and no other session of the user', async () => {
    const { adminEmail } = await platform.createTenant();
    const first = await platform.login(adminEmail, 'owner-password');
    const second = await platform.login(adminEmail, 'owner-password');
    expect((await platform.call('POST', '/auth/logout', { token: first })).status).toBe(204);
    expect((await platform.call('GET', '/me', { token: first })).status).toBe(401);
    expect((await platform.call('GET', '/me', { token: first, via: withPortal })).status).toBe(401);
    expect((await platform.call('GET', '/me', { token: second })).status).toBe(200);
  });

  it('is refused for an API key, which is revoked instead', async () => {
    const { token } = await platform.createTenant();
    const created = await platform.call('POST', '/api-keys', { token, body: { name: 'ci', role: 'viewer', environment: 'production' } });
    const res = await platform.call('POST', '/auth/logout', { token: created.body.key });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('api_key_sign_out');
    expect((await platform.call('GET', '/me', { token: created.body.key })).status).toBe(200);
  });
});

describe('the portal files', () => {
  const get = (p: string, accept = 'text/html') => fetch(`${origin(withPortal)}${p}`, { headers: { accept } });

  it('serve index.html at / with no caching and a Content-Security-Policy that allows no inline script', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const csp = res.headers.get('content-security-policy')!;
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src '))!;
    expect(scriptSrc.trim()).toBe("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("answer index.html for the app's own page paths (history-API fallback)", async () => {
    const res = await get('/customers/cus_123');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
  });

  it('cache hashed assets for a year, and a missing asset is a 404', async () => {
    const asset = await get('/assets/index-abc123.js', '*/*');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get('/assets/index-missing.js', '*/*')).status).toBe(404);
    expect((await get('/favicon.svg', '*/*')).headers.get('cache-control')).toBe('no-cache');
  });

  it('never shadow the API: an unknown API path stays a problem document', async () => {
    const res = await get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('are replaced by a page saying how to build them when there are none', async () => {
    const res = await fetch(`${origin(platform.gateway)}/`);
    // The platform's own gateway points at the repository's build, which a test run may or may not have.
    expect([200, 503]).toContain(res.status);
    if (res.status === 503) expect(await res.text()).toContain('npm run build');
  });
});

test('the OpenAPI document built without a gateway (the portal client is generated from it) is the served one', async () => {
  const served = await platform.call('GET', '/openapi.json');
  expect(served.body).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
});
