import { dropSchema } from '@azotte/common';
import { PLATFORM_SERVICES, platformEnvironment, removeTestBus, testServers, uniqueName, waitFor } from '@azotte/common/testing';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { runService, type ServiceProcess } from './support/processes';

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
// Each service as its own process, by name.
const processes: Record<string, ServiceProcess> = {};
let tenant: ServiceProcess;
let gateway: ServiceProcess;
let api: string;

beforeAll(async () => {
  receiver = await otlpReceiver();
  const env = {
    ...(await platformEnvironment(id, { databaseUrl, amqpUrl })),
    LOG_LEVEL: 'info',
    PLATFORM_ADMIN_EMAIL: 'root@otel.test',
    PLATFORM_ADMIN_PASSWORD: 'root-password',
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_BSP_SCHEDULE_DELAY: '100',
  };
  for (const name of PLATFORM_SERVICES) processes[name] = runService(name, env);
  tenant = processes.tenant!;
  gateway = processes.gateway!;
  api = `http://127.0.0.1:${env.GATEWAY_PORT}/api/v1`;
  await waitFor(async () => (await fetch(`${api}/readyz`)).ok, { what: 'the gateway to be ready', timeoutMs: 30_000 });
}, 60_000);

afterAll(async () => {
  for (const name of [...PLATFORM_SERVICES].reverse()) await processes[name]?.stop();
  await receiver?.close();
  for (const name of PLATFORM_SERVICES) await dropSchema(databaseUrl, `${id}_${name}`);
  await removeTestBus({ AMQP_URL: amqpUrl, AMQP_EXCHANGE: `${id}.events`, AMQP_QUEUE_PREFIX: `${id}.` }, ['tenant', 'billing', 'campaign', 'analytics', 'webhook']);
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

  // Each process exports in its own time: wait until the consumers' spans (the tenant service's
  // audit log, analytics, and the webhook service's copy of the new environments) and the request's root are all in.
  const consumed = await waitFor(
    () => {
      const processed = (service: string) => receiver.spans.find((s) => s.name === 'tenant.tenant.created.v1 process' && s.service === service);
      const span = processed('azotte-tenant');
      const root = span && receiver.spans.find((s) => s.traceId === span.traceId && !s.parentSpanId);
      const webhook = receiver.spans.find((s) => s.name === 'tenant.environment.created.v1 process' && s.service === 'azotte-webhook');
      return root && processed('azotte-analytics')?.traceId === span.traceId && webhook?.traceId === span.traceId ? span : undefined;
    },
    { what: "the consumers' spans and their root", timeoutMs: 15_000 },
  );
  const trace = receiver.spans.filter((s) => s.traceId === consumed.traceId);
  const services = new Set(trace.map((s) => s.service));
  expect(services).toEqual(new Set(['azotte-gateway', 'azotte-tenant', 'azotte-analytics', 'azotte-webhook']));
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
