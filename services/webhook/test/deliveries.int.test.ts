import { waitFor as waitForCondition } from '@azotte/common/testing';

/** Conditions on deliveries, with room for a loaded machine (CI runs several suites at once). */
const waitFor = <T>(probe: () => T | Promise<T>, options: { timeoutMs?: number; intervalMs?: number; what?: string } = {}) =>
  waitForCondition(probe, { timeoutMs: 30_000, ...options });
import { EVENTS, presentCustomer } from '@azotte/proto';
import { Webhook } from 'standardwebhooks';
import { aCustomer, customerChanged } from './support/builders';
import { startHarness, type Harness, type TestTenant } from './support/harness';
import { startReceiver, type Receiver } from './support/receiver';

let h: Harness;
let t: TestTenant;
const receivers: Receiver[] = [];

beforeAll(async () => {
  h = await startHarness('webhook_deliveries');
  t = await h.newTenant();
});
afterAll(async () => {
  for (const r of receivers) await r.close();
  await h.close();
});

async function receiver(...args: Parameters<typeof startReceiver>) {
  const r = await startReceiver(...args);
  receivers.push(r);
  return r;
}

const endpointFor = (r: Receiver, enabledEvents = ['*'], ctx = t.admin) => h.client.createEndpoint({ url: r.url, description: 'tests', enabledEvents }, { context: ctx });

const verify = (secret: string, r: Receiver['received'][number]) =>
  new Webhook(secret).verify(r.body, {
    'webhook-id': r.headers['webhook-id'] as string,
    'webhook-timestamp': r.headers['webhook-timestamp'] as string,
    'webhook-signature': r.headers['webhook-signature'] as string,
  });

async function customerCreated(ctx = t.admin) {
  const customer = aCustomer(ctx.scope!.environmentId);
  await h.publish(EVENTS.customer.customerCreated, ctx.scope!, customerChanged(customer));
  return customer;
}

test('an event reaches the endpoint signed per Standard Webhooks: its secret verifies it, another does not', async () => {
  const r = await receiver();
  const endpoint = await endpointFor(r);
  expect(endpoint).toMatchObject({ id: expect.stringMatching(/^we_/), status: 'enabled', secret: expect.stringMatching(/^whsec_/), enabledEvents: ['*'] });
  const customer = await customerCreated();
  await waitFor(() => r.ofType('customer.created').length === 1, { what: 'customer.created delivered' });
  const [got] = r.received;
  const { name } = t.tenant.environments.find((e) => e.id === t.admin.scope!.environmentId)!;
  expect(got!.event).toEqual({
    id: expect.stringMatching(/^evt_/),
    type: 'customer.created',
    createdAt: customer.updatedAt,
    environment: { id: t.admin.scope!.environmentId, name },
    data: { object: presentCustomer(customer) },
  });
  expect(got!.headers['webhook-id']).toBe(got!.event.id);
  expect(got!.headers['content-type']).toBe('application/json');
  expect(verify(endpoint.secret, got!)).toEqual(got!.event);
  const other = (await endpointFor(await receiver())).secret;
  expect(() => verify(other, got!)).toThrow();
  // The secret is shown once: neither Get nor List carries it.
  expect((await h.client.getEndpoint({ id: endpoint.id }, { context: t.admin })).secret).toBe('');
  // GET /events answers the very body delivered.
  const stored = await h.client.getEvent({ id: got!.event.id }, { context: t.admin });
  expect(stored.body).toBe(got!.body);
  const sealed = await h.db('endpoints').where({ id: endpoint.id }).first();
  expect(sealed.secret_sealed).not.toContain(endpoint.secret.slice(6));
});

test('a receiver failing twice then answering 200 gets the same webhook-id three times, at the scheduled delays', async () => {
  const r = await receiver((_req, i) => ({ status: i < 2 ? 500 : 200 }));
  const endpoint = await endpointFor(r, ['customer.created']);
  await customerCreated();
  await waitFor(() => r.received.length === 3, { what: 'three attempts' });
  const ids = new Set(r.received.map((x) => x.headers['webhook-id']));
  expect(ids.size).toBe(1);
  // The schedule is 100ms, 200ms (WEBHOOK_RETRY_SCHEDULE).
  expect(r.received[1]!.at - r.received[0]!.at).toBeGreaterThanOrEqual(95);
  expect(r.received[2]!.at - r.received[1]!.at).toBeGreaterThanOrEqual(195);
  const deliveries = await waitFor(async () => {
    const { data } = await h.client.listDeliveries({ endpointId: endpoint.id, status: 'succeeded' }, { context: t.admin });
    return data.length === 1 ? data : undefined;
  });
  expect(deliveries[0]!.attempts.map((a) => a.responseStatus)).toEqual([500, 500, 200]);
  expect(deliveries[0]!.attempts[0]).toMatchObject({ error: 'answered 500', responseBody: 'ok', durationMs: expect.any(Number) });
  expect(deliveries[0]!.nextAttemptAt).toBeUndefined();
});

test('after the schedule runs out the delivery is failed, and Retry sends it again', async () => {
  const r = await receiver(() => ({ status: 503, body: 'x'.repeat(5000) }));
  const endpoint = await endpointFor(r, ['customer.created']);
  await customerCreated();
  const [failed] = await waitFor(async () => {
    const { data } = await h.client.listDeliveries({ endpointId: endpoint.id, status: 'failed' }, { context: t.admin });
    return data.length === 1 ? data : undefined;
  });
  expect(r.received).toHaveLength(3);
  expect(failed!.attempts).toHaveLength(3);
  // At most 1 kB of an answer is kept.
  expect(failed!.attempts[0]!.responseBody).toHaveLength(1024);
  r.answerWith(() => ({ status: 204 }));
  const retried = await h.client.retryDelivery({ id: failed!.id }, { context: t.admin });
  expect(retried.status).toBe('pending');
  await waitFor(() => r.received.length === 4, { what: 'the retried attempt' });
  expect(r.received[3]!.headers['webhook-id']).toBe(r.received[0]!.headers['webhook-id']);
  await waitFor(async () => (await h.client.listDeliveries({ endpointId: endpoint.id, status: 'succeeded' }, { context: t.admin })).data.length === 1);
});

test('a redirect is a failure and is not followed', async () => {
  const target = await receiver();
  const r = await receiver(() => ({ status: 302, headers: { location: target.url } }));
  const endpoint = await endpointFor(r, ['customer.created']);
  await customerCreated();
  await waitFor(async () => (await h.client.listDeliveries({ endpointId: endpoint.id, status: 'failed' }, { context: t.admin })).data.length === 1);
  expect(target.received).toHaveLength(0);
  const { data } = await h.client.listDeliveries({ endpointId: endpoint.id, status: '' }, { context: t.admin });
  expect(data[0]!.attempts[0]).toMatchObject({ responseStatus: 302, error: 'redirect (302) not followed' });
});

test('a receiver that never answers does not delay a second endpoint', async () => {
  const dead = await receiver(() => 'hang');
  const alive = await receiver();
  await endpointFor(dead, ['customer.updated']);
  await endpointFor(alive, ['customer.updated']);
  const started = Date.now();
  // More events than the dead endpoint may hold in flight (WEBHOOK_ENDPOINT_CONCURRENCY, 8).
  for (let i = 0; i < 20; i += 1) {
    const customer = aCustomer(t.admin.scope!.environmentId);
    await h.publish(EVENTS.customer.customerUpdated, t.admin.scope!, customerChanged(customer));
  }
  await waitFor(() => alive.received.length === 20, { what: 'all 20 at the live endpoint', timeoutMs: 10_000 });
  // All before the dead endpoint's first attempt had even timed out (WEBHOOK_TIMEOUT_MS, 2 s).
  expect(alive.received.at(-1)!.at).toBeLessThan(dead.received[0]!.at + 2_000);
  expect(started).toBeLessThanOrEqual(dead.received[0]!.at);
  expect(dead.received.length).toBeLessThanOrEqual(8);
});

test('a disabled endpoint gets nothing; enabledEvents filter; a ping reaches only its endpoint', async () => {
  const all = await receiver();
  const onlyUpdates = await receiver();
  const disabled = await receiver();
  const a = await endpointFor(all);
  await endpointFor(onlyUpdates, ['customer.updated']);
  const d = await endpointFor(disabled);
  const off = await h.client.updateEndpoint({ id: d.id, status: 'disabled', enabledEvents: [], replaceEnabledEvents: false }, { context: t.admin });
  expect(off).toMatchObject({ status: 'disabled', disabledReason: 'Disabled by request' });
  await customerCreated();
  await waitFor(() => all.ofType('customer.created').length === 1);
  const ping = await h.client.sendTestEvent({ id: a.id }, { context: t.admin });
  expect(ping).toMatchObject({ endpointId: a.id, eventType: 'ping', status: 'pending' });
  await waitFor(() => all.ofType('ping').length === 1);
  expect(all.ofType('ping')[0]!.event.data.object).toMatchObject({ id: a.id });
  // Give any wrong delivery the time to arrive.
  await new Promise((r) => setTimeout(r, 300));
  expect(onlyUpdates.received).toHaveLength(0);
  expect(disabled.received).toHaveLength(0);
  expect((await h.client.listEvents({ type: 'ping' }, { context: t.admin })).data.map((e) => e.id)).toContain(ping.eventId);
});

test('during a rotation both secrets sign, each verifying; after 24 hours only the new one', async () => {
  const r = await receiver();
  const endpoint = await endpointFor(r, ['customer.created']);
  const rotated = await h.client.rotateSecret({ id: endpoint.id }, { context: t.admin });
  expect(rotated.secret).toMatch(/^whsec_/);
  expect(rotated.secret).not.toBe(endpoint.secret);
  await customerCreated();
  await waitFor(() => r.received.length === 1);
  const first = r.received[0]!;
  expect((first.headers['webhook-signature'] as string).split(' ')).toHaveLength(2);
  expect(verify(endpoint.secret, first)).toBeTruthy();
  expect(verify(rotated.secret, first)).toBeTruthy();
  // Recorded before the clock jumps: a lease still held would otherwise expire at once and send it again.
  await waitFor(async () => (await h.db('deliveries').where({ endpoint_id: endpoint.id, status: 'succeeded' })).length === 1);

  h.clock.advance(24 * 3_600_000 + 1_000);
  try {
    await customerCreated();
    await waitFor(() => r.received.length === 2);
    const second = r.received[1]!;
    expect((second.headers['webhook-signature'] as string).split(' ')).toHaveLength(1);
    // The timestamp is the shifted clock's, which standardwebhooks' tolerance check refuses: compare signatures.
    expect(signedBy(endpoint.secret, second)).toBe(false);
    expect(signedBy(rotated.secret, second)).toBe(true);
  } finally {
    h.clock.advance(-(24 * 3_600_000 + 1_000));
  }
});

/** Whether the request carries a signature by `secret`, checked with standardwebhooks' own signing. */
function signedBy(secret: string, r: Receiver['received'][number]): boolean {
  const expected = new Webhook(secret).sign(r.headers['webhook-id'] as string, new Date(Number(r.headers['webhook-timestamp']) * 1000), r.body);
  return (r.headers['webhook-signature'] as string).split(' ').includes(expected);
}

test('an endpoint failing every delivery for 5 days is disabled with its reason, and says so on the bus', async () => {
  const r = await receiver(() => ({ status: 500 }));
  const endpoint = await endpointFor(r, ['customer.created']);
  await customerCreated();
  await waitFor(async () => (await h.db('endpoints').where({ id: endpoint.id }).first()).failing_since !== null);
  h.clock.advance(5 * 24 * 3_600_000);
  try {
    await customerCreated();
    const disabled = await waitFor(async () => {
      const e = await h.client.getEndpoint({ id: endpoint.id }, { context: t.admin });
      return e.status === 'disabled' ? e : undefined;
    });
    expect(disabled.disabledReason).toMatch(/every delivery has failed since .* \(5 days\); the last error: answered 500/);
    await waitFor(() => h.published.some((e) => e.type === EVENTS.webhook.endpointDisabled && e.payload.endpoint.id === endpoint.id));
    const event = h.published.find((e) => e.type === EVENTS.webhook.endpointDisabled)!;
    expect(event.payload.endpoint.secret).toBeUndefined();
    const count = r.received.length;
    await customerCreated();
    await new Promise((res) => setTimeout(res, 300));
    expect(r.received.length).toBe(count);
  } finally {
    h.clock.advance(-5 * 24 * 3_600_000);
  }
});

test('another environment sees none of the endpoints, deliveries or events', async () => {
  const r = await receiver();
  const endpoint = await endpointFor(r);
  const sandbox = t.as('administrator', 'sandbox');
  await expect(h.client.getEndpoint({ id: endpoint.id }, { context: sandbox })).rejects.toMatchObject({ kind: 'not_found' });
  expect((await h.client.listEndpoints({}, { context: sandbox })).data).toEqual([]);
  expect((await h.client.listEvents({}, { context: sandbox })).data).toEqual([]);
});

test('Managers read, only Administrators write, Operators see nothing', async () => {
  const r = await receiver();
  const endpoint = await endpointFor(r);
  await expect(h.client.getEndpoint({ id: endpoint.id }, { context: t.as('manager') })).resolves.toMatchObject({ id: endpoint.id });
  await expect(endpointFor(r, ['*'], t.as('manager'))).rejects.toMatchObject({ kind: 'permission_denied' });
  await expect(h.client.listEvents({}, { context: t.as('operator') })).rejects.toMatchObject({ kind: 'permission_denied' });
});
