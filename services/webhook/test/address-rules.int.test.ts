import { waitFor } from '@azotte/common/testing';
import { EVENTS } from '@azotte/proto';
import { aCustomer, customerChanged } from './support/builders';
import { failureOf, startHarness, type Harness, type TestTenant } from './support/harness';

// Names and what they resolve to, for the injected resolver: no test here sends a packet anywhere
// but loopback (a refused address is refused before any connection).
const names = new Map<string, string[]>([
  ['private.example.test', ['93.184.216.34', '10.0.0.7']],
  ['loopback.example.test', ['127.0.0.1']],
]);
let rebinds = 0;
const resolve = async (host: string) => {
  // Public when the endpoint is saved, private when it is delivered to: DNS rebinding.
  if (host === 'rebind.example.test') return rebinds++ === 0 ? ['93.184.216.34'] : ['10.0.0.7'];
  const found = names.get(host);
  if (!found) throw new Error(`ENOTFOUND ${host}`);
  return found;
};

let h: Harness;
let t: TestTenant;

beforeAll(async () => {
  h = await startHarness('webhook_addresses', { env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false' }, resolve });
  t = await h.newTenant();
});
afterAll(async () => {
  await h.close();
});

const create = (url: string) => h.client.createEndpoint({ url, description: '', enabledEvents: ['*'] }, { context: t.admin });

test.each([
  'http://hooks.example.test/azotte',
  'https://127.0.0.1/hooks',
  'https://10.0.0.1/hooks',
  'https://172.16.0.1/hooks',
  'https://192.168.1.20/hooks',
  'https://[fc00::1]/hooks',
  'https://169.254.169.254/hooks',
  'https://[fe80::1]/hooks',
  'https://[::ffff:127.0.0.1]/hooks',
  'https://private.example.test/hooks',
  'https://loopback.example.test/hooks',
  'https://nowhere.example.test/hooks',
])('in production %s is refused when saved, naming url', async (url) => {
  const failure = await failureOf(create(url));
  expect(failure.kind).toBe('invalid_argument');
  expect(failure.fields).toEqual([{ path: 'url', message: expect.any(String) }]);
});

test('a URL changed to a private address is refused too', async () => {
  const endpoint = await create('https://rebind.example.test/hooks');
  rebinds = 0;
  const failure = await failureOf(h.client.updateEndpoint({ id: endpoint.id, url: 'https://10.9.8.7/x', enabledEvents: [], replaceEnabledEvents: false }, { context: t.admin }));
  expect(failure.fields.map((f) => f.path)).toEqual(['url']);
  await h.client.deleteEndpoint({ id: endpoint.id }, { context: t.admin });
});

test('a name that resolved to a public address when saved but to a private one at delivery is refused then, unconnected', async () => {
  rebinds = 0;
  const endpoint = await create('https://rebind.example.test/hooks');
  await h.publish(EVENTS.customer.customerCreated, t.admin.scope!, customerChanged(aCustomer(t.admin.scope!.environmentId)));
  const [delivery] = await waitFor(async () => {
    const { data } = await h.client.listDeliveries({ endpointId: endpoint.id, status: '' }, { context: t.admin });
    return data[0]?.attempts.length ? data : undefined;
  });
  expect(delivery!.attempts[0]).toMatchObject({ error: 'address 10.0.0.7 is not public (private)', responseBody: '' });
  expect(delivery!.attempts[0]!.responseStatus).toBeUndefined();
  expect(delivery!.status).toBe('pending');
});
