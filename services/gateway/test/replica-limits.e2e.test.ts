import net from 'node:net';
import { startPlatform, type Platform } from './support/platform';

// Two gateway replicas in front of the same services: the rate limits and the login throttle
// count in a store both see (the gateway's Postgres schema by default, Redis when configured),
// so two replicas never grant twice the limit.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let platform: Platform;
let redisUp = false;
beforeAll(async () => {
  platform = await startPlatform('replica_limits');
  redisUp = await reachable(new URL(REDIS_URL));
  if (!redisUp) console.warn(`no Redis at ${REDIS_URL} (TEST_REDIS_URL): the Redis store's tests are skipped`);
}, 120_000);
afterAll(() => platform?.stop());

function reachable(url: URL): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port || 6379) });
    socket.setTimeout(1_000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

/** Two replicas with `env`, and `count` calls of GET /me alternating between them. */
async function alternate(env: Record<string, string>, token: string, count: number) {
  const replicas = [await platform.startExtraGateway(env), await platform.startExtraGateway(env)];
  const answers = [];
  for (let i = 0; i < count; i += 1) {
    const res = await platform.call('GET', '/me', { token, via: replicas[i % 2] });
    answers.push({ status: res.status, remaining: res.headers.get('ratelimit-remaining'), retryAfter: res.headers.get('retry-after') });
  }
  return answers;
}

const stores: Array<[string, () => Record<string, string> | undefined]> = [
  ['Postgres (the default)', () => ({})],
  ['Redis', () => (redisUp ? { REDIS_URL } : undefined)],
];

describe.each(stores)('across two gateway replicas, with the counters in %s', (_name, storeEnv) => {
  it('the per-credential rate limit is granted once, not once per replica', async () => {
    const env = storeEnv();
    if (!env) return;
    const { token } = await platform.createTenant();
    const answers = await alternate({ ...env, RATE_LIMIT_PER_MINUTE: '6' }, token, 8);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
    // Each replica's RateLimit-Remaining counts the other's requests too.
    expect(answers.slice(0, 6).map((a) => a.remaining)).toEqual(['5', '4', '3', '2', '1', '0']);
    expect(Number(answers[6]!.retryAfter)).toBeGreaterThan(0);
  });

  it('failed logins at one replica count at the other', async () => {
    const env = storeEnv();
    if (!env) return;
    const { adminEmail } = await platform.createTenant();
    const replicas = [await platform.startExtraGateway({ ...env, LOGIN_MAX_FAILURES: '4' }), await platform.startExtraGateway({ ...env, LOGIN_MAX_FAILURES: '4' })];
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await platform.call('POST', '/auth/login', { via: replicas[i % 2], body: { email: adminEmail, password: `wrong-${i}` } })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401]);
    // Locked at both, even with the right password.
    for (const via of replicas) {
      expect((await platform.call('POST', '/auth/login', { via, body: { email: adminEmail, password: 'owner-password' } })).status).toBe(429);
    }
  });
});

it('with its Redis unreachable, a gateway still answers, counting in the process meanwhile', async () => {
  const closed = await new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
  const { token } = await platform.createTenant();
  const answers = await alternate({ REDIS_URL: `redis://127.0.0.1:${closed}`, RATE_LIMIT_PER_MINUTE: '3' }, token, 8);
  // Never a 500: each replica grants the limit on its own until Redis is back.
  expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
});
