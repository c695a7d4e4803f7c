import { checkHealth } from '@azotte/common';
import { TcpProxy, testServers, waitFor } from '@azotte/common/testing';
import { anAuditLogQuery } from './support/builders';
import { failureOf, startHarness, type Harness } from './support/harness';

// RabbitMQ is reached through a proxy the test can cut, to start the service while the broker is away.
const broker = new URL(testServers().amqpUrl);
const proxy = new TcpProxy(broker.hostname, Number(broker.port || 5672));
let h: Harness;

beforeAll(async () => {
  const port = await proxy.start();
  await proxy.cut();
  const url = new URL(broker);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  h = await startHarness('resilience', { AMQP_URL: url.toString() });
});
afterAll(async () => {
  await h?.close();
  await proxy.stop();
});

test('serves gRPC while RabbitMQ is down, and publishes what it kept once the broker is back', async () => {
  const address = `127.0.0.1:${h.service.port}`;
  expect(await checkHealth(address, 'rabbitmq')).toBe('NOT_SERVING');
  expect(await checkHealth(address, 'postgres')).toBe('SERVING');

  const { admin, tenant } = await h.newTenant();
  const unsent = await h.db('outbox').where({ tenant_id: tenant.id }).whereNull('sent_at');
  expect(unsent).toHaveLength(4);
  expect((await h.client.listAuditLog(anAuditLogQuery(), { context: admin })).data).toEqual([]);

  await proxy.start();

  const log = await waitFor(
    async () => {
      const { data } = await h.client.listAuditLog(anAuditLogQuery(), { context: admin });
      return data.length === 4 ? data : undefined;
    },
    { what: 'the kept events in the audit log', timeoutMs: 20_000 },
  );
  expect(log.map((e) => e.action)).toContain('tenant.tenant.created.v1');
  expect(await h.db('outbox').where({ tenant_id: tenant.id }).whereNull('sent_at')).toEqual([]);
});

test('answers with a typed error, never an internal one, for a malformed cursor', async () => {
  const { admin } = await h.newTenant();
  expect(await failureOf(h.client.listUsers({ page: { limit: 5, cursor: 'not-a-cursor' } }, { context: admin }))).toMatchObject({
    kind: 'invalid_argument',
    fields: [{ path: 'cursor', message: 'is not a valid cursor' }],
  });
});
