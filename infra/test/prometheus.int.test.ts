import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import amqp from 'amqplib';
import { dropSchema } from '@azotte/common';
import { brokerReady, busEnvironment, freePort, testServers, uniqueName, waitFor } from '@azotte/common/testing';
import { loadGatewayConfig, startGateway, type RunningGateway } from '@azotte/gateway';
import { startFoundation } from '@azotte/test-support';
import { prometheusToolPresent, readRepoFile } from './support/prometheus';

// A real Prometheus scraping real services with the real alert rules: the targets are up, the
// requests made are counted, and alerts fire — a poison message dead-lettered, a service stopped.
// Only the rules' `for:` durations are shortened (to 1 s); their expressions are the ones shipped.

const hasPrometheus = prometheusToolPresent('prometheus', 'the test of the alert rules in a running Prometheus');
const describeWithPrometheus = hasPrometheus ? describe : describe.skip;

interface Alert {
  labels: Record<string, string>;
  state: 'pending' | 'firing';
}
interface Sample {
  metric: Record<string, string>;
  value: [number, string];
}

const { databaseUrl, amqpUrl } = testServers();
const id = uniqueName('prometheus');
const bus = { ...busEnvironment(id, { databaseUrl, amqpUrl }), LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' };
const schemas = { tenant: `${id}_tenant`, catalog: `${id}_catalog`, customer: `${id}_customer`, gateway: `${id}_gateway` };
const admin = { email: `admin@${id.replace(/_/g, '-')}.test`, password: 'platform-admin-pw' };

let foundation: Awaited<ReturnType<typeof startFoundation>>;
let gateway: RunningGateway;
let prometheus: ChildProcess | undefined;
let prometheusLog = '';
let prometheusUrl: string;
let dir: string;

/** The rules as shipped, every `for:` made 1 s so that a test need not wait minutes. */
const rulesWithShortFor = (rules: string) => rules.replace(/^(\s+)for: \S+$/gm, '$1for: 1s');

async function api<T>(route: string): Promise<T> {
  const res = await fetch(`${prometheusUrl}${route}`);
  const body = (await res.json()) as { status: string; data: T; error?: string };
  if (body.status !== 'success') throw new Error(`${route}: ${body.error}`);
  return body.data;
}
const query = async (promql: string) => (await api<{ result: Sample[] }>(`/api/v1/query?query=${encodeURIComponent(promql)}`)).result;
const alerts = async () => (await api<{ alerts: Alert[] }>('/api/v1/alerts')).alerts;
const alertOf = async (name: string, labels: Record<string, string>) =>
  (await alerts()).find((a) => a.labels.alertname === name && Object.entries(labels).every(([k, v]) => a.labels[k] === v));

describeWithPrometheus('Prometheus with the alert rules, scraping running services', () => {
  beforeAll(async () => {
    foundation = await startFoundation(bus, schemas, admin);
    gateway = await startGateway(
      loadGatewayConfig({
        ...bus,
        GATEWAY_DB_SCHEMA: schemas.gateway,
        GATEWAY_PORT: '0',
        GATEWAY_METRICS_PORT: '0',
        GATEWAY_HOST: '127.0.0.1',
        JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256',
        TENANT_GRPC_ADDR: foundation.tenantAddr,
        CATALOG_GRPC_ADDR: `127.0.0.1:${foundation.catalogService.port}`,
        CUSTOMER_GRPC_ADDR: `127.0.0.1:${foundation.customerService.port}`,
      }),
    );
    // The tenant service's queue must be declared before a message is put in it.
    await brokerReady(foundation.tenantService.port);

    const targets = {
      tenant: foundation.tenantService.metricsPort,
      catalog: foundation.catalogService.metricsPort,
      customer: foundation.customerService.metricsPort,
      gateway: gateway.metricsPort,
    };
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azotte-prometheus-'));
    fs.writeFileSync(path.join(dir, 'alerts.yml'), rulesWithShortFor(readRepoFile('infra/prometheus/alerts.yml')));
    // JSON is YAML: the same jobs as infra/prometheus/prometheus.yml, on this test's ports, every second.
    const config = {
      global: { scrape_interval: '1s', scrape_timeout: '1s', evaluation_interval: '1s' },
      rule_files: [path.join(dir, 'alerts.yml')],
      scrape_configs: Object.entries(targets).map(([service, port]) => ({
        job_name: service,
        static_configs: [{ targets: [`127.0.0.1:${port}`], labels: { service } }],
      })),
    };
    fs.writeFileSync(path.join(dir, 'prometheus.yml'), JSON.stringify(config, null, 2));
    const port = await freePort();
    prometheusUrl = `http://127.0.0.1:${port}`;
    prometheus = spawn(
      'prometheus',
      [`--config.file=${path.join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${path.join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    prometheus.stdout!.on('data', (chunk: Buffer) => (prometheusLog += chunk.toString()));
    prometheus.stderr!.on('data', (chunk: Buffer) => (prometheusLog += chunk.toString()));
    await waitFor(async () => (await fetch(`${prometheusUrl}/-/ready`)).ok, { timeoutMs: 15_000, intervalMs: 100, what: 'Prometheus ready' }).catch((err: Error) => {
      throw new Error(`${err.message}\n${prometheusLog}`);
    });
  }, 40_000);

  afterAll(async () => {
    if (prometheus && prometheus.exitCode === null) {
      const exited = new Promise((resolve) => prometheus!.once('exit', resolve));
      prometheus.kill('SIGTERM');
      await exited;
    }
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    await gateway?.stop();
    await foundation?.catalogService.stop();
    await foundation?.customerService.stop();
    await foundation?.tenantService.stop();
    for (const schema of Object.values(schemas)) await dropSchema(databaseUrl, schema);
    const connection = await amqp.connect(amqpUrl);
    const channel = await connection.createChannel();
    for (const service of ['tenant', 'customer']) {
      await channel.deleteQueue(`${bus.AMQP_QUEUE_PREFIX}${service}.events`).catch(() => undefined);
      await channel.deleteQueue(`${bus.AMQP_QUEUE_PREFIX}${service}.events.dlq`).catch(() => undefined);
    }
    await channel.deleteExchange(bus.AMQP_EXCHANGE).catch(() => undefined);
    await connection.close();
  }, 30_000);

  test('loads the shipped rules and scrapes every service, each up and labelled with its service', async () => {
    const groups = (await api<{ groups: Array<{ rules: Array<{ name: string }> }> }>('/api/v1/rules')).groups;
    expect(groups.flatMap((g) => g.rules.map((r) => r.name))).toEqual(expect.arrayContaining(['ServiceDown', 'OutboxStalled', 'DeadLetterRecent']));

    const up = await waitFor(
      async () => {
        const { activeTargets } = await api<{ activeTargets: Array<{ labels: Record<string, string>; health: string; lastError: string }> }>('/api/v1/targets');
        return activeTargets.length === 4 && activeTargets.every((t) => t.health === 'up') ? activeTargets : undefined;
      },
      { timeoutMs: 10_000, intervalMs: 200, what: 'every target up' },
    );
    expect(up.map((t) => t.labels.service).sort()).toEqual(['catalog', 'customer', 'gateway', 'tenant']);
    expect((await query('up')).map((s) => [s.metric.service, s.value[1]]).sort()).toEqual([
      ['catalog', '1'],
      ['customer', '1'],
      ['gateway', '1'],
      ['tenant', '1'],
    ]);
  });

  test("counts a request made through the gateway, and the gRPC call it made to the tenant service", async () => {
    const res = await fetch(`${gateway.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(admin),
    });
    expect(res.status).toBe(200);

    const requests = await waitFor(
      async () => (await query('http_server_request_duration_seconds_count{service="gateway", http_route="/api/v1/auth/login", http_request_method="POST"}')).find((s) => Number(s.value[1]) >= 1),
      { timeoutMs: 10_000, intervalMs: 200, what: 'the login request in Prometheus' },
    );
    expect(requests.metric).toMatchObject({ http_response_status_code: '200', job: 'gateway' });
    const calls = await waitFor(
      async () => (await query('sum by (rpc_service) (rpc_server_duration_seconds_count{service="tenant", rpc_grpc_status_code="0"})')).find((s) => Number(s.value[1]) >= 1),
      { timeoutMs: 10_000, intervalMs: 200, what: "the tenant service's gRPC calls in Prometheus" },
    );
    expect(calls.metric.rpc_service).toMatch(/^azotte\.tenant\.v1\./);
  });

  test('fires DeadLetterRecent when a consumer dead-letters a poison message', async () => {
    // Quiet before: nothing was dead-lettered.
    expect(await alertOf('DeadLetterRecent', { service: 'tenant' })).toBeUndefined();

    const connection = await amqp.connect(amqpUrl);
    const channel = await connection.createConfirmChannel();
    channel.sendToQueue(`${bus.AMQP_QUEUE_PREFIX}tenant.events`, Buffer.from('not json at all'), { messageId: `evt_poison_${id}`, persistent: true });
    await channel.waitForConfirms();
    await connection.close();

    const fired = await waitFor(
      async () => {
        const alert = await alertOf('DeadLetterRecent', { service: 'tenant' });
        return alert?.state === 'firing' ? alert : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 200, what: 'DeadLetterRecent firing for the tenant service' },
    );
    expect(fired.labels).toMatchObject({ severity: 'warning', messaging_destination_name: 'other', reason: 'unreadable' });

    // Once the DLQ depth gauge is scraped, the alert on it fires as well.
    if ((await query('azotte_messaging_dlq_messages{service="tenant"}')).length > 0) {
      await waitFor(async () => (await alertOf('DeadLetteredMessages', { service: 'tenant' }))?.state === 'firing', {
        timeoutMs: 15_000,
        intervalMs: 200,
        what: 'DeadLetteredMessages firing for the tenant service',
      });
    }
  }, 40_000);

  test('reports a stopped service down, and raises ServiceDown for it alone', async () => {
    await foundation.catalogService.stop();

    await waitFor(async () => (await query('up{service="catalog"} == 0')).length === 1, { timeoutMs: 10_000, intervalMs: 200, what: 'up == 0 for catalog' });
    const down = await waitFor(async () => alertOf('ServiceDown', { service: 'catalog' }), { timeoutMs: 10_000, intervalMs: 200, what: 'ServiceDown for catalog' });
    expect(['pending', 'firing']).toContain(down.state);
    expect(down.labels).toMatchObject({ severity: 'critical', job: 'catalog' });
    expect((await alerts()).filter((a) => a.labels.alertname === 'ServiceDown').map((a) => a.labels.service)).toEqual(['catalog']);
  });
});
