import { metricSample, promtoolCheck, scrapeMetrics, waitFor } from '@azotte/common/testing';
import { EVENTS } from '@azotte/proto';
import { aCustomer, customerChanged } from './support/builders';
import { startHarness, type Harness, type TestTenant } from './support/harness';
import { startReceiver, type Receiver } from './support/receiver';

let h: Harness;
let t: TestTenant;
const receivers: Receiver[] = [];

beforeAll(async () => {
  // One delivery in flight per endpoint: a hanging endpoint keeps the next one waiting, due.
  h = await startHarness('webhook_metrics', { env: { WEBHOOK_ENDPOINT_CONCURRENCY: '1' } });
  t = await h.newTenant();
});
afterAll(async () => {
  for (const r of receivers) await r.close();
  await h?.close();
});

async function receiver(...args: Parameters<typeof startReceiver>) {
  const r = await startReceiver(...args);
  receivers.push(r);
  return r;
}

const endpointFor = (r: Receiver, enabledEvents: string[]) => h.client.createEndpoint({ url: r.url, description: 'metrics', enabledEvents }, { context: t.admin });

const scrape = () => scrapeMetrics(h.service.metricsPort);
const sample = metricSample;
const deliveries = (text: string, outcome: string) => sample(text, `azotte_webhook_deliveries_total{outcome="${outcome}"}`) ?? 0;

test('each attempt is counted by its outcome: delivered, retry scheduled, failed for good', async () => {
  await endpointFor(await receiver(), ['customer.created']);
  await endpointFor(await receiver(() => ({ status: 500 })), ['customer.created']);
  await h.publish(EVENTS.customer.customerCreated, t.admin.scope!, customerChanged(aCustomer(t.admin.scope!.environmentId)));
  // The retry schedule of the harness is 100 ms, 200 ms: three attempts, then failed.
  const text = await waitFor(async () => {
    const s = await scrape();
    return deliveries(s, 'failed') === 1 && s;
  }, { what: 'the failing endpoint to run out of retries', timeoutMs: 30_000 });
  expect(deliveries(text, 'succeeded')).toBe(1);
  expect(deliveries(text, 'retry_scheduled')).toBe(2);
  expect(sample(text, 'azotte_webhook_pending_deliveries')).toBe(0);
  expect(sample(text, 'azotte_webhook_oldest_pending_age_seconds')).toBe(0);
  // No label names an endpoint or a tenant.
  expect(text).not.toMatch(/we_|ten_|endpoint_id|tenant_id/);
});

test('the backlog reports pending deliveries and how long the most overdue one has waited', async () => {
  const hanging = await receiver(() => 'hang');
  await endpointFor(hanging, ['customer.updated']);
  for (let i = 0; i < 2; i += 1) {
    await h.publish(EVENTS.customer.customerUpdated, t.admin.scope!, customerChanged(aCustomer(t.admin.scope!.environmentId)));
  }
  await waitFor(() => hanging.received.length === 1, { what: 'the first delivery to be in flight' });
  // The first is leased to a worker; the second is due and waits for the endpoint's one slot.
  const text = await waitFor(async () => {
    const s = await scrape();
    return sample(s, 'azotte_webhook_pending_deliveries') === 2 && (sample(s, 'azotte_webhook_oldest_pending_age_seconds') ?? 0) > 0 && s;
  }, { what: 'two pending deliveries, one of them overdue' });
  const lint = promtoolCheck(text);
  if (lint) expect(lint).toEqual({ status: 0, output: '' });
});
