import { startPlatform, type Platform } from './support/platform';

type Role = 'administrator' | 'manager' | 'operator' | 'viewer';
const ALL: Role[] = ['administrator', 'manager', 'operator', 'viewer'];
const ID = 'xx_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M';

/**
 * Every authenticated route, with the roles API.md lets through. Bodies are
 * deliberately empty or ids unknown: an allowed role gets a 400 or 404, a
 * forbidden one a 403, so the table exercises the role check alone.
 */
const ROUTES: Array<[method: string, path: string, allowed: Role[]]> = [
  ['GET', '/me', ALL],
  ['POST', '/auth/logout', ALL],
  ['POST', '/tenants', []],
  ['GET', '/tenants', ['administrator', 'manager', 'viewer']],
  ['GET', '/tenants/{id}', ['administrator', 'manager', 'viewer']],
  ['PATCH', '/tenants/{id}', ['administrator']],
  ['GET', '/environments', ['administrator']],
  ['POST', '/environments', ['administrator']],
  ['GET', '/users', ['administrator']],
  ['POST', '/users', ['administrator']],
  ['PATCH', '/users/{id}', ['administrator']],
  ['POST', '/api-keys', ['administrator']],
  ['GET', '/api-keys', ['administrator']],
  ['DELETE', '/api-keys/{id}', ['administrator']],
  ['GET', '/payment-providers', ['administrator']],
  ['PUT', '/payment-providers/{provider}', ['administrator']],
  ['GET', '/audit-log', ['administrator']],
  ['GET', '/usage', ['administrator', 'manager', 'viewer']],
  ['POST', '/storefronts', ['administrator', 'manager']],
  ['GET', '/storefronts', ALL],
  ['GET', '/storefronts/{id}', ALL],
  ['PATCH', '/storefronts/{id}', ['administrator', 'manager']],
  ['DELETE', '/storefronts/{id}', ['administrator', 'manager']],
  ['POST', '/bundles', ['administrator', 'manager']],
  ['GET', '/bundles', ALL],
  ['GET', '/bundles/{id}', ALL],
  ['PATCH', '/bundles/{id}', ['administrator', 'manager']],
  ['DELETE', '/bundles/{id}', ['administrator', 'manager']],
  ['POST', '/bundles/{id}/prices', ['administrator', 'manager']],
  ['GET', '/bundles/{id}/prices', ALL],
  ['GET', '/prices/{id}', ALL],
  ['GET', '/prices/{id}/quote', ALL],
  ['POST', '/prices/{id}/archive', ['administrator', 'manager']],
  ['POST', '/customers', ['administrator', 'manager', 'operator']],
  ['GET', '/customers', ALL],
  ['GET', '/customers/{id}', ALL],
  ['PATCH', '/customers/{id}', ['administrator', 'manager', 'operator']],
  ['DELETE', '/customers/{id}', ['administrator', 'manager', 'operator']],
  ['POST', '/customers/{id}/support-requests', ['administrator', 'manager', 'operator']],
  ['GET', '/customers/{id}/support-requests', ALL],
  ['GET', '/support-requests/{id}', ALL],
  ['PATCH', '/support-requests/{id}', ['administrator', 'manager', 'operator']],
  ['POST', '/support-requests/{id}/messages', ['administrator', 'manager', 'operator']],
  ['POST', '/customers/{id}/payment-methods', ['administrator', 'manager', 'operator']],
  ['GET', '/customers/{id}/payment-methods', ALL],
  ['POST', '/customers/{id}/payment-methods/{pmId}/default', ['administrator', 'manager', 'operator']],
  ['GET', '/customers/{id}/entitlements', ALL],
  ['POST', '/subscriptions', ['administrator', 'manager', 'operator']],
  ['GET', '/subscriptions', ALL],
  ['GET', '/subscriptions/{id}', ALL],
  ['POST', '/subscriptions/{id}/cancel', ['administrator', 'manager', 'operator']],
  ['PATCH', '/subscriptions/{id}', ['administrator', 'manager', 'operator']],
  ['POST', '/checkout-sessions', ['administrator', 'manager', 'operator']],
  ['GET', '/checkout-sessions/{id}', ALL],
  ['POST', '/checkout-sessions/{id}/expire', ['administrator', 'manager', 'operator']],
  ['POST', '/customer-portal-sessions', ['administrator', 'manager', 'operator']],
  ['POST', '/subscriptions/{id}/change-price', ['administrator', 'manager', 'operator']],
  ['POST', '/subscriptions/{id}/change-price/preview', ALL],
  ['GET', '/invoices', ALL],
  ['GET', '/invoices/{id}', ALL],
  ['POST', '/invoices/{id}/pay', ['administrator', 'manager', 'operator']],
  ['GET', '/payments', ALL],
  ['GET', '/payments/{id}', ALL],
  ['POST', '/payments/{id}/refunds', ['administrator', 'manager']],
  ['GET', '/refunds', ALL],
  ['GET', '/refunds/{id}', ALL],
  ['GET', '/test-clock', ['administrator', 'manager', 'operator']],
  ['POST', '/test-clock/advance', ['administrator', 'manager', 'operator']],
  ['POST', '/campaigns', ['administrator', 'manager']],
  ['GET', '/campaigns', ALL],
  ['POST', '/campaigns/evaluate', ALL],
  ['GET', '/campaigns/{id}', ALL],
  ['PATCH', '/campaigns/{id}', ['administrator', 'manager']],
  ['POST', '/campaigns/{id}/activate', ['administrator', 'manager', 'operator']],
  ['POST', '/campaigns/{id}/pause', ['administrator', 'manager', 'operator']],
  ['POST', '/campaigns/{id}/end', ['administrator', 'manager', 'operator']],
  ['GET', '/dashboard', ALL],
  ['GET', '/analytics/mrr', ['administrator', 'manager', 'viewer']],
  ['GET', '/analytics/revenue', ['administrator', 'manager', 'viewer']],
  ['GET', '/analytics/churn', ['administrator', 'manager', 'viewer']],
  ['GET', '/analytics/customers', ['administrator', 'manager', 'viewer']],
  ['GET', '/analytics/payments', ALL],
  ['GET', '/analytics/campaigns/{id}', ['administrator', 'manager', 'viewer']],
  ['POST', '/webhook-endpoints', ['administrator']],
  ['GET', '/webhook-endpoints', ['administrator', 'manager']],
  ['GET', '/webhook-endpoints/{id}', ['administrator', 'manager']],
  ['PATCH', '/webhook-endpoints/{id}', ['administrator']],
  ['DELETE', '/webhook-endpoints/{id}', ['administrator']],
  ['POST', '/webhook-endpoints/{id}/rotate-secret', ['administrator']],
  ['POST', '/webhook-endpoints/{id}/test', ['administrator']],
  ['GET', '/webhook-endpoints/{id}/deliveries', ['administrator', 'manager']],
  ['POST', '/webhook-deliveries/{id}/retry', ['administrator']],
  ['GET', '/events', ['administrator', 'manager']],
  ['GET', '/events/{id}', ['administrator', 'manager']],
];

let platform: Platform;
const tokens = {} as Record<Role, string>;
const signIns = {} as Record<Role, [email: string, password: string]>;

beforeAll(async () => {
  platform = await startPlatform('roles');
  const { token, adminEmail } = await platform.createTenant();
  tokens.administrator = token;
  signIns.administrator = [adminEmail, 'owner-password'];
  for (const role of ['manager', 'operator', 'viewer'] as const) {
    const { user, token: userToken } = await platform.createUser(token, role);
    tokens[role] = userToken;
    signIns[role] = [user.email, 'user-password-1'];
  }
});
afterAll(async () => {
  await platform.stop();
});

test('the table lists every authenticated route of the OpenAPI document', async () => {
  const doc = (await platform.call('GET', '/openapi.json')).body;
  const operations = Object.entries(doc.paths as Record<string, Record<string, { security?: Array<Record<string, unknown>> }>>).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, schemes: (op.security ?? []).flatMap((s) => Object.keys(s)) })),
  );
  const byRole = operations.filter((o) => o.schemes.includes('bearer')).map((o) => o.route);
  expect(byRole.sort()).toEqual(ROUTES.map(([m, p]) => `${m} ${p}`).sort());
  // The hosted pages' calls are authorized by their session's secret alone, never by a role.
  const hosted = operations.filter((o) => o.route.includes(' /hosted/'));
  expect(hosted.length).toBeGreaterThan(0);
  for (const o of hosted) expect(o.schemes).toEqual(['hostedSession']);
});

const cases = ROUTES.flatMap(([method, path, allowed]) => ALL.map((role) => [method, path, role, allowed.includes(role)] as const));

test.each(cases)('%s %s as %s → allowed: %s', async (method, path, role, allowed) => {
  const url = path.replace('{id}', ID).replace('{provider}', 'nope');
  // Signing out revokes the token used: a token of its own keeps the others for the rest of the table.
  const token = path === '/auth/logout' ? await platform.login(...signIns[role]) : tokens[role];
  const res = await platform.call(method, url, { token, body: method === 'GET' || method === 'DELETE' ? undefined : {} });
  if (allowed) {
    expect(res.status).not.toBe(403);
    expect(res.status).toBeLessThan(500);
  } else {
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  }
});

test('an API key is held to its own role', async () => {
  const created = await platform.call('POST', '/api-keys', {
    token: tokens.administrator,
    body: { name: 'reporting', role: 'viewer', environment: 'production' },
  });
  expect(created.status).toBe(201);
  const key = created.body.key as string;
  expect((await platform.call('GET', '/storefronts', { token: key })).status).toBe(200);
  expect((await platform.call('POST', '/storefronts', { token: key, body: {} })).status).toBe(403);
});

test('without a credential every route is a 401 problem', async () => {
  for (const [method, path] of ROUTES) {
    const res = await platform.call(method, path.replace('{id}', ID).replace('{provider}', 'sandbox'));
    expect(res.status).toBe(401);
  }
});
