import { dropSchema } from '@azotte/common';
import { brokerReady, busEnvironment, testServers, uniqueName } from '@azotte/common/testing';
import amqp from 'amqplib';
import { loadGatewayConfig, startGateway, type RunningGateway } from '@azotte/gateway';
import { loadBillingConfig, startBillingService } from '@azotte/billing';
import { loadCampaignConfig, startCampaignService } from '@azotte/campaign';
import { loadAnalyticsConfig, startAnalyticsService } from '@azotte/analytics';
import { loadWebhookConfig, startWebhookService } from '@azotte/webhook';
import { startFoundation } from '@azotte/test-support';

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as is, for malformed-input tests. */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Another gateway than the platform's own (see startExtraGateway). */
  via?: RunningGateway;
}

/**
 * The platform as a user meets it: every service started for real, on free
 * ports, with this test file's own schemas, exchange and queues, and the
 * gateway in front. `call` speaks HTTP to the gateway.
 */
export async function startPlatform(name: string) {
  const { databaseUrl, amqpUrl } = testServers();
  const id = uniqueName(name);
  const admin = { email: `admin@${id.replace(/_/g, '-')}.test`, password: 'platform-admin-pw' };
  const common = { ...busEnvironment(id, { databaseUrl, amqpUrl }), LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' };
  const schemas = [`${id}_tenant`, `${id}_gateway`, `${id}_customer`];
  const catalogSchema = `${id}_catalog`;
  schemas.push(catalogSchema);
  const billingSchema = `${id}_billing`;
  schemas.push(billingSchema);
  const campaignSchema = `${id}_campaign`;
  schemas.push(campaignSchema);
  const analyticsSchema = `${id}_analytics`;
  schemas.push(analyticsSchema);
  const webhookSchema = `${id}_webhook`;
  schemas.push(webhookSchema);

  // The catalog consumes no events: it has no queue to delete on stop.
  const { tenantService: tenant, catalogService: catalog, customerService: customer } = await startFoundation(
    common,
    { tenant: schemas[0]!, catalog: catalogSchema, customer: schemas[2]! },
    admin,
  );
  const campaign = await startCampaignService(
    loadCampaignConfig({
      ...common,
      CAMPAIGN_DB_SCHEMA: campaignSchema,
      CAMPAIGN_GRPC_PORT: '0',
      CAMPAIGN_METRICS_PORT: '0',
      CATALOG_GRPC_ADDR: `127.0.0.1:${catalog.port}`,
      CUSTOMER_GRPC_ADDR: `127.0.0.1:${customer.port}`,
    }),
  );
  // The scheduler's timer is off: tests move time with the test clock, whose answer counts what it ran.
  const billing = await startBillingService(
    loadBillingConfig({
      ...common,
      BILLING_DB_SCHEMA: billingSchema,
      BILLING_GRPC_PORT: '0',
      BILLING_METRICS_PORT: '0',
      BILLING_SCHEDULER_INTERVAL_MS: '0',
      TENANT_GRPC_ADDR: `127.0.0.1:${tenant.port}`,
      CATALOG_GRPC_ADDR: `127.0.0.1:${catalog.port}`,
      CUSTOMER_GRPC_ADDR: `127.0.0.1:${customer.port}`,
      CAMPAIGN_GRPC_ADDR: `127.0.0.1:${campaign.port}`,
    }),
  );
  // Analytics asks no other service: it builds its figures from the events alone.
  const analytics = await startAnalyticsService(
    loadAnalyticsConfig({
      ...common,
      ANALYTICS_DB_SCHEMA: analyticsSchema,
      ANALYTICS_GRPC_PORT: '0',
      ANALYTICS_METRICS_PORT: '0',
    }),
  );
  // Webhooks to the tests' receivers on loopback, retried on a schedule short enough to watch.
  const webhook = await startWebhookService(
    loadWebhookConfig({
      ...common,
      WEBHOOK_DB_SCHEMA: webhookSchema,
      WEBHOOK_GRPC_PORT: '0',
      WEBHOOK_METRICS_PORT: '0',
      TENANT_GRPC_ADDR: `127.0.0.1:${tenant.port}`,
      WEBHOOK_RETRY_SCHEDULE: process.env.TEST_WEBHOOK_RETRY_SCHEDULE ?? '100ms,200ms,400ms',
      WEBHOOK_TIMEOUT_MS: '2000',
      WEBHOOK_POLL_MS: '50',
      WEBHOOK_SCHEDULER_INTERVAL_MS: '200',
    }),
  );
  const gatewayEnv = {
    ...common,
    GATEWAY_DB_SCHEMA: schemas[1],
    GATEWAY_PORT: '0',
    GATEWAY_METRICS_PORT: '0',
    GATEWAY_HOST: '127.0.0.1',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256',
    TENANT_GRPC_ADDR: `127.0.0.1:${tenant.port}`,
    CATALOG_GRPC_ADDR: `127.0.0.1:${catalog.port}`,
    CUSTOMER_GRPC_ADDR: `127.0.0.1:${customer.port}`,
    BILLING_GRPC_ADDR: `127.0.0.1:${billing.port}`,
    CAMPAIGN_GRPC_ADDR: `127.0.0.1:${campaign.port}`,
    ANALYTICS_GRPC_ADDR: `127.0.0.1:${analytics.port}`,
    WEBHOOK_GRPC_ADDR: `127.0.0.1:${webhook.port}`,
    ...(process.env.TEST_RATE_LIMIT ? { RATE_LIMIT_PER_MINUTE: process.env.TEST_RATE_LIMIT } : {}),
    // Another build of the portal than services/portal/dist (one being worked on).
    ...(process.env.PORTAL_DIR ? { PORTAL_DIR: process.env.PORTAL_DIR } : {}),
  };
  // Each queue is declared and bound on its service's first connection: wait for them all, so no
  // event a test causes is routed nowhere.
  for (const service of [tenant, catalog, customer, campaign, billing, analytics, webhook]) await brokerReady(service.port);
  const gateway: RunningGateway = await startGateway(loadGatewayConfig(gatewayEnv));
  const extraGateways: RunningGateway[] = [];

  /**
   * Another gateway in front of the same services and database, with settings
   * of its own (a shorter deadline, a service's address replaced); tokens of
   * the first work here too. Stopped with the platform.
   */
  async function startExtraGateway(overrides: Record<string, string>): Promise<RunningGateway> {
    const extra = await startGateway(loadGatewayConfig({ ...gatewayEnv, ...overrides }));
    extraGateways.push(extra);
    return extra;
  }

  async function call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(`${(options.via ?? gateway).url}${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  async function login(email: string, password: string): Promise<string> {
    const res = await call('POST', '/auth/login', { body: { email, password } });
    if (res.status !== 200) throw new Error(`login ${email} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  }

  let counter = 0;
  /** A new tenant and a token for its administrator. */
  async function createTenant(overrides: Record<string, unknown> = {}) {
    counter += 1;
    const slug = `t${counter}-${Math.random().toString(36).slice(2, 8)}`;
    const adminEmail = `owner@${slug}.test`;
    const platformToken = await login(admin.email, admin.password);
    const res = await call('POST', '/tenants', {
      token: platformToken,
      body: { name: `Tenant ${slug}`, slug, reportingCurrency: 'EUR', admin: { email: adminEmail, password: 'owner-password' }, ...overrides },
    });
    if (res.status !== 201) throw new Error(`create tenant → ${res.status} ${JSON.stringify(res.body)}`);
    return { tenant: res.body, token: await login(adminEmail, 'owner-password'), adminEmail };
  }

  /** A user of `role` in the tenant whose administrator holds `adminToken`, and that user's token. */
  async function createUser(adminToken: string, role: string) {
    counter += 1;
    const email = `${role}-${counter}-${Math.random().toString(36).slice(2, 8)}@users.test`;
    const res = await call('POST', '/users', { token: adminToken, body: { email, password: 'user-password-1', role } });
    if (res.status !== 201) throw new Error(`create user → ${res.status} ${JSON.stringify(res.body)}`);
    return { user: res.body, token: await login(email, 'user-password-1') };
  }

  return {
    gateway,
    admin,
    call,
    login,
    createTenant,
    createUser,
    startExtraGateway,
    tenantPort: tenant.port,
    billingPort: billing.port,
    /** The running analytics service; a test may stop it early (stopping twice is harmless). */
    analytics,
    /** The running webhook service (trial reminders and purge on demand). */
    webhook,
    schemas: {
      tenant: schemas[0]!,
      gateway: schemas[1]!,
      catalog: catalogSchema,
      customer: schemas[2]!,
      billing: billingSchema,
      campaign: campaignSchema,
      analytics: analyticsSchema,
      webhook: webhookSchema,
    },
    async stop() {
      for (const extra of extraGateways) await extra.stop();
      await gateway.stop();
      await analytics.stop();
      await webhook.stop();
      await catalog.stop();
      await billing.stop();
      await campaign.stop();
      await customer.stop();
      await tenant.stop();
      for (const schema of schemas) await dropSchema(databaseUrl, schema);
      const conn = await amqp.connect(amqpUrl);
      const ch = await conn.createChannel();
      for (const q of ['tenant', 'customer', 'billing', 'campaign', 'analytics', 'webhook']) {
        await ch.deleteQueue(`${common.AMQP_QUEUE_PREFIX}${q}.events`).catch(() => undefined);
        await ch.deleteQueue(`${common.AMQP_QUEUE_PREFIX}${q}.events.dlq`).catch(() => undefined);
      }
      await ch.deleteExchange(common.AMQP_EXCHANGE).catch(() => undefined);
      await conn.close();
    },
  };
}

export type Platform = Awaited<ReturnType<typeof startPlatform>>;

export const storefrontBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Main store',
  slug: `store-${Math.random().toString(36).slice(2, 8)}`,
  branding: { theme: 'dark', primaryColor: '#112233' },
  paymentMethods: ['card', 'paypal'],
  regional: {
    countries: ['DE', 'AT'],
    defaultCurrency: 'EUR',
    currencies: ['EUR'],
    locale: 'de-DE',
    timezone: 'Europe/Berlin',
    taxBehavior: 'inclusive',
    taxRatePercent: 19,
  },
  ...overrides,
});
