import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { METRICS_PORTS } from '@azotte/common';
import { loadAnalyticsConfig } from '@azotte/analytics';
import { loadBillingConfig } from '@azotte/billing';
import { loadCampaignConfig } from '@azotte/campaign';
import { loadCatalogConfig } from '@azotte/catalog';
import { loadCustomerConfig } from '@azotte/customer';
import { loadTenantConfig } from '@azotte/tenant';
import { loadWebhookConfig } from '@azotte/webhook';

// `npm start` with REPLICAS=N: the plan of processes infra/replicas.mjs makes.
const ROOT = path.resolve(__dirname, '../..');

function plan(body: string): any {
  const script = `import * as replicas from ${JSON.stringify(path.join(ROOT, 'infra/replicas.mjs'))};\nconsole.log(JSON.stringify(await (async () => { ${body} })()));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout);
}

const NAMES = ['billing', 'tenant', 'gateway'];

test("its default gRPC ports are the services' own", () => {
  const defaults = { NODE_ENV: 'development' };
  const own = {
    tenant: loadTenantConfig(defaults).TENANT_GRPC_PORT,
    catalog: loadCatalogConfig(defaults).CATALOG_GRPC_PORT,
    customer: loadCustomerConfig(defaults).CUSTOMER_GRPC_PORT,
    billing: loadBillingConfig(defaults).BILLING_GRPC_PORT,
    campaign: loadCampaignConfig(defaults).CAMPAIGN_GRPC_PORT,
    analytics: loadAnalyticsConfig(defaults).ANALYTICS_GRPC_PORT,
    webhook: loadWebhookConfig(defaults).WEBHOOK_GRPC_PORT,
  };
  expect(plan('return replicas.GRPC_PORTS')).toEqual(own);
});

test('one replica starts each service once, with the environment as it is', () => {
  const processes = plan(`return replicas.replicaPlan(${JSON.stringify(NAMES)}, { GATEWAY_PORT: '8080' }, 1, {})`);
  expect(processes).toEqual(NAMES.map((name) => ({ name, label: name, env: { GATEWAY_PORT: '8080' } })));
});

test('two replicas: each on ports of its own, every service told where all the replicas of the others answer', () => {
  const processes: Array<{ name: string; label: string; env: Record<string, string> }> = plan(
    `return replicas.replicaPlan(${JSON.stringify(NAMES)}, { GATEWAY_PORT: '8080', TENANT_GRPC_PORT: '6000' }, 2, ${JSON.stringify(METRICS_PORTS)})`,
  );
  expect(processes.map((p) => p.label)).toEqual(['billing-1', 'billing-2', 'tenant-1', 'tenant-2', 'gateway-1', 'gateway-2']);
  const [billing1, billing2, tenant1, tenant2, gateway1, gateway2] = processes;
  expect([billing1!.env.BILLING_GRPC_PORT, billing2!.env.BILLING_GRPC_PORT]).toEqual(['50054', '50064']);
  // A port the caller set is the first replica's, and the next replicas' follow from it.
  expect([tenant1!.env.TENANT_GRPC_PORT, tenant2!.env.TENANT_GRPC_PORT]).toEqual(['6000', '6010']);
  expect([gateway1!.env.GATEWAY_PORT, gateway2!.env.GATEWAY_PORT]).toEqual(['8080', '8081']);
  expect([billing1!.env.BILLING_METRICS_PORT, billing2!.env.BILLING_METRICS_PORT]).toEqual([String(METRICS_PORTS.billing), String(METRICS_PORTS.billing + 10)]);
  for (const p of processes) {
    expect(p.env.TENANT_GRPC_ADDR).toBe('127.0.0.1:6000,127.0.0.1:6010');
    expect(p.env.BILLING_GRPC_ADDR).toBe('127.0.0.1:50054,127.0.0.1:50064');
  }
  // No two processes share a port.
  const ports = processes.flatMap((p) => Object.entries(p.env).filter(([k]) => p.name === 'gateway' ? k === 'GATEWAY_PORT' || k === 'GATEWAY_METRICS_PORT' : k === `${p.name.toUpperCase()}_GRPC_PORT` || k === `${p.name.toUpperCase()}_METRICS_PORT`).map(([, v]) => v));
  expect(new Set(ports).size).toBe(ports.length);
});

test('an address the caller set is left as it is', () => {
  const processes = plan(`return replicas.replicaPlan(['tenant', 'gateway'], { TENANT_GRPC_ADDR: 'tenant.internal:50051' }, 2, {})`);
  expect(processes.every((p: { env: Record<string, string> }) => p.env.TENANT_GRPC_ADDR === 'tenant.internal:50051')).toBe(true);
});

test('REPLICAS is a whole number from 1 to 9, or a sentence saying what is wrong', () => {
  expect(plan(`return ['', undefined, '3', '0', '10', 'two', '1.5'].map((v) => replicas.replicaCount(v))`)).toEqual([
    1,
    1,
    3,
    'REPLICAS must be a whole number from 1 to 9, not "0"',
    'REPLICAS must be a whole number from 1 to 9, not "10"',
    'REPLICAS must be a whole number from 1 to 9, not "two"',
    'REPLICAS must be a whole number from 1 to 9, not "1.5"',
  ]);
});
