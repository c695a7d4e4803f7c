import { createGrpcClient, dropSchema, type CallContext } from '@azotte/common';
import { busEnvironment, removeTestBus, scrapeMetrics, sumOfSamples, testServers, uniqueName, waitFor } from '@azotte/common/testing';
import { startTenant } from '@azotte/test-support';
import { tenantV1 } from '@azotte/proto';
import pino from 'pino';

// Two replicas of a service behind one comma-separated address: the client balances its calls
// over both, and carries on with the other when one stops.
const { databaseUrl, amqpUrl } = testServers();
const id = uniqueName('grpc_replicas');
const bus = busEnvironment(id, { databaseUrl, amqpUrl });
const schema = `${id}_tenant`;
const admin = { email: `admin@${id.replace(/_/g, '-')}.test`, password: 'replicas-admin-pw' };
const context: CallContext = { actor: { type: 'user', id: 'usr_platform', role: 'platform_admin' } };
const silent = pino({ level: 'silent' });

let replicas: Array<Awaited<ReturnType<typeof startTenant>>> = [];
beforeAll(async () => {
  // Started together, as replicas are: they take turns at the schema's migrations.
  replicas = await Promise.all([startTenant(bus, schema, admin, silent), startTenant(bus, schema, admin, silent)]);
}, 60_000);
afterAll(async () => {
  for (const r of replicas) await r.stop();
  await dropSchema(databaseUrl, schema);
  await removeTestBus(bus, ['tenant']).catch(() => undefined);
});

/** ListTenants calls a replica has answered, from its own metrics. */
async function answered(replica: (typeof replicas)[number]): Promise<number> {
  return sumOfSamples(await scrapeMetrics(replica.metricsPort), 'rpc_server_duration_seconds_count', 'rpc_method="ListTenants"');
}

test('calls are spread over every replica of the list, and go on at the others when one stops', async () => {
  const client = createGrpcClient(tenantV1.TenantServiceService, replicas.map((r) => `127.0.0.1:${r.port}`).join(','), { name: 'tenant' });
  try {
    await client.waitForReady(10_000);
    // Round robin reaches the second replica once its connection is up too.
    await waitFor(async () => {
      await client.listTenants({}, { context });
      return (await answered(replicas[0]!)) > 0 && (await answered(replicas[1]!)) > 0;
    }, { what: 'both replicas answering calls' });

    const [stopped, running] = replicas as [(typeof replicas)[number], (typeof replicas)[number]];
    await stopped.stop();
    replicas = [running];
    const before = await answered(running);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => client.listTenants({}, { context })));
    // A call already on its way to the stopped replica may fail; the rest are answered by the other.
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(19);
    for (let i = 0; i < 10; i += 1) await client.listTenants({}, { context });
    expect((await answered(running)) - before).toBeGreaterThanOrEqual(29);
  } finally {
    client.close();
  }
});
