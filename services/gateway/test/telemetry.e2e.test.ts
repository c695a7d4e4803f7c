import { dropSchema } from '@azotte/common';
import { removeTestBus, testServers, uniqueName, waitFor } from '@azotte/common/testing';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort, runService, type ServiceProcess } from './support/processes';

interface Span {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
}

/** A minimal OTLP/HTTP JSON receiver: what Jaeger or a collector would get. */
async function otlpReceiver() {
  const spans: Span[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const doc = JSON.parse(body);
        for (const rs of doc.resourceSpans ?? []) {
          const service = rs.resource.attributes.find((a: { key: string }) => a.key === 'service.name')?.value.stringValue;
          for (const ss of rs.scopeSpans ?? []) for (const s of ss.spans ?? []) spans.push({ service, ...s });
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { spans, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(r)) };
}

const { databaseUrl, amqpUrl } = testServers();
const id = uniqueName('otel');
let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
let tenant: ServiceProcess;
let catalog: ServiceProcess;
let customer: ServiceProcess;
let billing: ServiceProcess;
let campaign: ServiceProcess;
let analytics: ServiceProcess;
let gateway: ServiceProcess;
let api: string;

beforeAll(async () => {
  receiver = await otlpReceiver();
  const [tenantPort, gatewayPort] = [await freePort(), await freePort()];
  const catalogPort = await freePort();
  const customerPort = await freePort();
  const billingPort = await freePort();
  const campaignPort = await freePort();
  const analyticsPort = await freePort();
  const env = {
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl,
    AMQP_URL: amqpUrl,
    AMQP_EXCHANGE: `${id}.events`,
    AMQP_QUEUE_PREFIX: `${id}.`,
    TENANT_DB_SCHEMA: `${id}_tenant`,
    GATEWAY_DB_SCHEMA: `${id}_gateway`,
    TENANT_GRPC_PORT: String(tenantPort),
    TENANT_GRPC_ADDR: `127.0.0.1:${tenantPort}`,
    CATALOG_DB_SCHEMA: `${id}_catalog`,
    CATALOG_GRPC_PORT: String(catalogPort),
    CATALOG_GRPC_ADDR: `127.0.0.1:${catalogPort}`,
    CUSTOMER_DB_SCHEMA: `${id}_customer`,
    CUSTOMER_GRPC_PORT: String(customerPort),
    CUSTOMER_GRPC_ADDR: `127.0.0.1:${customerPort}`,
    BILLING_DB_SCHEMA: `${id}_billing`,
    BILLING_GRPC_PORT: String(billingPort),
    BILLING_GRPC_ADDR: `127.0.0.1:${billingPort}`,
    CAMPAIGN_DB_SCHEMA: `${id}_campaign`,
    CAMPAIGN_GRPC_PORT: String(campaignPort),
    CAMPAIGN_GRPC_ADDR: `127.0.0.1:${campaignPort}`,
    ANALYTICS_DB_SCHEMA: `${id}_analytics`,
    ANALYTICS_GRPC_PORT: String(analyticsPort),
    ANALYTICS_GRPC_ADDR: `127.0.0.1:${analyticsPort}`,
    GATEWAY_PORT: String(gatewayPort),
    GATEWAY_HOST: '127.0.0.1',
    PLATFORM_ADMIN_EMAIL: 'root@otel.test',
    PLATFORM_ADMIN_PASSWORD: 'root-password',
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_BSP_SCHEDULE_DELAY: '100',
  };
  tenant = runService('tenant', env);
  catalog = runService('catalog', env);
  customer = runService('customer', env);
  billing = runService('billing', env);
  campaign = runService('campaign', env);
  analytics = runService('analytics', env);
  gateway = runService('gateway', env);
  api = `http://127.0.0.1:${gatewayPort}/api/v1`;
  await waitFor(async () => (await fetch(`${api}/readyz`)).ok, { what: 'the gateway to be ready', timeoutMs: 30_000 });
}, 60_000);

afterAll(async () => {
  await gateway?.stop();
  await billing?.stop();
  await campaign?.stop();
  await analytics?.stop();
  await customer?.stop();
  await catalog?.stop();
  await tenant?.stop();
  await receiver?.close();
  await dropSchema(databaseUrl, `${id}_tenant`);
  await dropSchema(databaseUrl, `${id}_gateway`);
  await dropSchema(databaseUrl, `${id}_catalog`);
  await dropSchema(databaseUrl, `${id}_customer`);
  await dropSchema(databaseUrl, `${id}_billing`);
  await dropSchema(databaseUrl, `${id}_campaign`);
  await dropSchema(databaseUrl, `${id}_analytics`);
  await removeTestBus({ AMQP_URL: amqpUrl, AMQP_EXCHANGE: `${id}.events`, AMQP_QUEUE_PREFIX: `${id}.` }, ['tenant', 'billing', 'campaign', 'analytics']);
});

test('one trace follows a request from the gateway through gRPC, the outbox and the bus', async () => {
  const login = await fetch(`${api}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'root@otel.test', password: 'root-password' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const created = await fetch(`${api}/tenants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ name: 'Traced', slug: 'traced', reportingCurrency: 'EUR', admin: { email: 'o@traced.test', password: 'owner-password' } }),
  });
  expect(created.status).toBe(201);

  // Each process exports in its own time: wait until both consumers' spans (the tenant service's
  // audit log and analytics) and the request's root are all in.
  const consumed = await waitFor(
    () => {
      const processed = (service: string) => receiver.spans.find((s) => s.name === 'tenant.tenant.created.v1 process' && s.service === service);
      const span = processed('azotte-tenant');
      const root = span && receiver.spans.find((s) => s.traceId === span.traceId && !s.parentSpanId);
      return root && processed('azotte-analytics')?.traceId === span.traceId ? span : undefined;
    },
    { what: "the consumers' spans and their root", timeoutMs: 15_000 },
  );
  const trace = receiver.spans.filter((s) => s.traceId === consumed.traceId);
  const services = new Set(trace.map((s) => s.service));
  expect(services).toEqual(new Set(['azotte-gateway', 'azotte-tenant', 'azotte-analytics']));
  const names = trace.map((s) => s.name);
  expect(names).toEqual(expect.arrayContaining(['tenant.tenant.created.v1 publish', 'tenant.tenant.created.v1 process']));
  // The request's own server span is the root of that trace.
  const root = trace.find((s) => !s.parentSpanId);
  expect(root).toMatchObject({ service: 'azotte-gateway' });
  expect(root!.name).toMatch(/POST/);
  // gRPC crossed with its context: a tenant-side server span sits in the trace.
  expect(trace.some((s) => s.service === 'azotte-tenant' && /TenantService\/CreateTenant/.test(s.name))).toBe(true);

  // The logs of that request carry its trace id.
  const traced = tenant.lines.filter((l) => l.includes(consumed.traceId));
  expect(traced.length).toBeGreaterThan(0);
});

test('readiness names a backing service that stops answering', async () => {
  expect((await fetch(`${api}/readyz`)).status).toBe(200);
  expect(await tenant.stop()).toBe(0); // SIGTERM: a clean exit
  const res = await fetch(`${api}/readyz`);
  expect(res.status).toBe(503);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(((await res.json()) as { unavailable: string[] }).unavailable).toEqual(['tenant']);
  // The process itself is still up.
  expect((await fetch(`${api}/healthz`)).status).toBe(200);
  // And a request that needs the missing service is a 503, not a 500.
  const login = await fetch(`${api}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'root@otel.test', password: 'root-password' }),
  });
  expect(login.status).toBe(503);
});

test('the gateway stops cleanly on SIGTERM', async () => {
  expect(await gateway.stop()).toBe(0);
});
