import { promtoolCheck } from '@azotte/common/testing';
import { startPlatform, type Platform } from './support/platform';

let platform: Platform;
let token: string;
beforeAll(async () => {
  platform = await startPlatform('metrics');
  ({ token } = await platform.createTenant());
});
afterAll(async () => {
  await platform.stop();
});

async function scrape(): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${platform.gateway.metricsPort}/metrics`);
  expect(res.status).toBe(200);
  return res.text();
}

interface RequestCount {
  labels: Record<string, string>;
  count: number;
}

/** Every `http_server_request_duration_seconds_count` sample, with its labels. */
function requestCounts(text: string): RequestCount[] {
  return [...text.matchAll(/^http_server_request_duration_seconds_count\{(.*)\} (\S+)$/gm)].map((match) => ({
    labels: Object.fromEntries([...match[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((label) => [label[1]!, label[2]!])),
    count: Number(match[2]),
  }));
}

/** The count of the sample with exactly these labels (undefined when there is none). */
const countOf = (counts: RequestCount[], labels: Record<string, string>) =>
  counts.find((c) => JSON.stringify(Object.entries(c.labels).sort()) === JSON.stringify(Object.entries(labels).sort()))?.count;

describe('the gateway metrics', () => {
  it('record a request to a parametrized route under its template, not under the id it named', async () => {
    const rawId = `cus_${Math.random().toString(36).slice(2, 12)}`;
    const res = await platform.call('GET', `/customers/${rawId}`, { token });
    expect(res.status).toBe(404);

    const text = await scrape();
    const counts = requestCounts(text);
    expect(countOf(counts, { http_request_method: 'GET', http_route: '/api/v1/customers/:id', http_response_status_code: '404' })).toBe(1);
    expect(text).not.toContain(rawId);
  });

  it('record a request no route matched without a route', async () => {
    const res = await platform.call('GET', '/no-such-thing/123');
    expect(res.status).toBe(404);
    const counts = requestCounts(await scrape());
    expect(counts.filter((c) => JSON.stringify(c.labels).includes('no-such-thing'))).toEqual([]);
    expect(countOf(counts, { http_request_method: 'GET', http_response_status_code: '404' })).toBeGreaterThanOrEqual(1);
  });

  it('pass promtool check metrics', async () => {
    // undefined: promtool is not installed here (it said so); .ci/run requires it.
    const lint = promtoolCheck(await scrape());
    if (lint) expect(lint).toEqual({ status: 0, output: '' });
  });

  it('are served on a port of their own, not on the public one', async () => {
    expect(platform.gateway.metricsPort).not.toBe(platform.gateway.port);
    // Whatever the public port answers there (the portal's page, a 404), it is not the metrics.
    const publicPort = await fetch(`http://127.0.0.1:${platform.gateway.port}/metrics`);
    expect(await publicPort.text()).not.toContain('http_server_request_duration_seconds');
  });
});
