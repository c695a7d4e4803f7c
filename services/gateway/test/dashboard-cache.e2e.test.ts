import { scrapeMetrics, sumOfSamples } from '@azotte/common/testing';
import { startPlatform, type Platform } from './support/platform';

// The portal asks for the dashboard on every open page: one environment's same question is
// answered from analytics once per DASHBOARD_CACHE_MS, however many ask it meanwhile.
let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform('dashboard_cache');
}, 120_000);
afterAll(() => platform?.stop());

/** How many GetSubscriptionSummary calls analytics has answered, from its own metrics. */
async function summariesAnswered(): Promise<number> {
  return sumOfSamples(await scrapeMetrics(platform.analytics.metricsPort), 'rpc_server_duration_seconds_count', 'rpc_method="GetSubscriptionSummary"');
}

it('answers the same question in the same environment once for everyone who asks it meanwhile', async () => {
  const via = await platform.startExtraGateway({ DASHBOARD_CACHE_MS: '60000' });
  const { token } = await platform.createTenant();
  const ask = (path: string, headers: Record<string, string> = {}) => platform.call('GET', path, { token, via, headers });

  const before = await summariesAnswered();
  const answers = await Promise.all(Array.from({ length: 10 }, () => ask('/dashboard')));
  expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
  expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
  expect((await ask('/dashboard')).status).toBe(200);
  expect((await summariesAnswered()) - before).toBe(1);

  // Another period, and another environment, are other questions.
  expect((await ask('/dashboard?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z')).status).toBe(200);
  expect((await ask('/dashboard', { 'X-Environment': 'sandbox' })).status).toBe(200);
  expect((await summariesAnswered()) - before).toBe(3);
});

it('with DASHBOARD_CACHE_MS=0 asks analytics every time', async () => {
  const via = await platform.startExtraGateway({ DASHBOARD_CACHE_MS: '0' });
  const { token } = await platform.createTenant();
  const before = await summariesAnswered();
  for (let i = 0; i < 3; i += 1) expect((await platform.call('GET', '/dashboard', { token, via })).status).toBe(200);
  expect((await summariesAnswered()) - before).toBe(3);
});
