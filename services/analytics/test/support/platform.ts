import knexFactory, { type Knex } from 'knex';
import amqp from 'amqplib';
import pino from 'pino';
import { randomBytes } from 'node:crypto';
import { createGrpcClient, dropSchema, type CallContext } from '@azotte/common';
import { brokerReady, busEnvironment, removeTestBus, testServers, uniqueName, waitFor } from '@azotte/common/testing';
import { analyticsV1, billingV1, campaignV1, catalogV1, customerV1, tenantV1 } from '@azotte/proto';
import { loadBillingConfig, startBillingService } from '@azotte/billing';
import { loadCampaignConfig, startCampaignService } from '@azotte/campaign';
import { loadAnalyticsConfig, startAnalyticsService, type RunningAnalyticsService } from '../../src';
import { startFoundation } from '@azotte/test-support';

export const silent = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

const PLATFORM_ADMIN = { email: 'platform@analytics.test', password: 'platform-admin-password' };

/**
 * The routing keys of billing's events that analytics keeps, written out here
 * apart from analytics' own list: what "analytics has consumed everything
 * billing published" is checked against.
 */
export const KEPT_BILLING_EVENT = /^billing\.(subscription\.[a-z_]+|payment\.(succeeded|failed)|refund\.created|test_clock\.advanced)\.v1$/;

/** The campaign service's events analytics keeps, and billing's events the campaign service consumes. */
const KEPT_CAMPAIGN_EVENT = /^campaign\.(campaign\.[a-z_]+|variant\.assigned|redemption\.[a-z_]+)\.v1$/;
const CAMPAIGN_CONSUMED = /^billing\.(subscription\.[a-z_]+|test_clock\.advanced)\.v1$/;

export type Bus = ReturnType<typeof busEnvironment>;

/** One analytics service on its own schema and queue, with a client. */
export async function startAnalytics(bus: Bus, schema: string) {
  const service: RunningAnalyticsService = await startAnalyticsService(
    loadAnalyticsConfig({ ...bus, ANALYTICS_DB_SCHEMA: schema, ANALYTICS_GRPC_PORT: '0' }),
    { logger: silent },
  );
  await brokerReady(service.port);
  const client = createGrpcClient(analyticsV1.AnalyticsServiceService, `127.0.0.1:${service.port}`, { name: 'analytics' });
  return { service, client, schema };
}

export type Analytics = Awaited<ReturnType<typeof startAnalytics>>;

/** A message as it crossed the broker: enough to publish it again, as it was. */
export interface RawMessage {
  routingKey: string;
  content: Buffer;
  properties: amqp.MessageProperties;
}

/** A shop in one tenant's sandbox: its prices (by name), a storefront with tax on top, a coupon code. */
export interface Shop {
  tenant: tenantV1.Tenant;
  ctx: CallContext;
  scope: { tenantId: string; environmentId: string };
  storefrontId: string;
  prices: ShopPrice[];
  couponCode: string;
  campaignId: string;
}

export interface ShopPrice {
  id: string;
  currency: string;
  interval: string;
  intervalCount: number;
  trialDays: number;
}

/** The prices every shop sells: several intervals and currencies (GBP has no rate), per-unit and flat, trials, a setup fee. */
export const MENU: Array<Partial<catalogV1.CreatePriceRequest> & { bundle: 0 | 1 }> = [
  { bundle: 0, currency: 'EUR', amount: 999, strategy: 'per_unit', interval: 'month' },
  { bundle: 1, currency: 'EUR', amount: 1999, strategy: 'per_unit', interval: 'month' },
  { bundle: 1, currency: 'EUR', amount: 9990, strategy: 'per_unit', interval: 'year' },
  { bundle: 0, currency: 'EUR', amount: 299, strategy: 'per_unit', interval: 'week' },
  { bundle: 1, currency: 'EUR', amount: 2500, strategy: 'flat', interval: 'month', intervalCount: 3, setupFee: 500 },
  { bundle: 0, currency: 'EUR', amount: 999, strategy: 'per_unit', interval: 'month', trialDays: 7 },
  { bundle: 0, currency: 'USD', amount: 1200, strategy: 'per_unit', interval: 'month' },
  { bundle: 1, currency: 'USD', amount: 12000, strategy: 'flat', interval: 'year', trialDays: 14 },
  { bundle: 0, currency: 'GBP', amount: 800, strategy: 'per_unit', interval: 'month' },
  { bundle: 1, currency: 'EUR', amount: 101, strategy: 'per_unit', interval: 'day' },
];

export const FX_RATES = { USD: '0.92' };

/**
 * Every service of the platform but the gateway, for one test file, on real
 * Postgres and RabbitMQ: tenant, catalog, customer, campaign, billing (its
 * scheduler's timer off: time moves with the test clock) and analytics, each
 * on its own schema, with an exchange and queues of the file's own. A
 * superuser connection reads any service's schema (`sql`), which a test may.
 */
export async function startPlatform(name: string) {
  const { databaseUrl, amqpUrl } = testServers();
  const id = uniqueName(name);
  const bus = busEnvironment(id, { databaseUrl, amqpUrl });
  const schemas = {
    analytics: `${id}_analytics`,
    tenant: `${id}_tenant`,
    catalog: `${id}_catalog`,
    customer: `${id}_customer`,
    campaign: `${id}_campaign`,
    billing: `${id}_billing`,
  };

  // Every message on the exchange, as it was published (the ordering test replays them).
  const recorder = await amqp.connect(amqpUrl);
  const recording = await recorder.createChannel();
  await recording.assertExchange(bus.AMQP_EXCHANGE, 'topic', { durable: true });
  const { queue } = await recording.assertQueue('', { exclusive: true });
  await recording.bindQueue(queue, bus.AMQP_EXCHANGE, '#');
  const messages: RawMessage[] = [];
  await recording.consume(queue, (msg) => msg && messages.push({ routingKey: msg.fields.routingKey, content: msg.content, properties: msg.properties }), { noAck: true });

  // Analytics first: its queue is bound before the tenant is created.
  const analytics = await startAnalytics(bus, schemas.analytics);
  const { tenantService, catalogService, customerService, tenantAddr } = await startFoundation(bus, schemas, PLATFORM_ADMIN, silent);
  const campaignService = await startCampaignService(
    loadCampaignConfig({
      ...bus,
      CAMPAIGN_DB_SCHEMA: schemas.campaign,
      CAMPAIGN_GRPC_PORT: '0',
      CATALOG_GRPC_ADDR: `127.0.0.1:${catalogService.port}`,
      CUSTOMER_GRPC_ADDR: `127.0.0.1:${customerService.port}`,
    }),
    { logger: silent },
  );
  const billingService = await startBillingService(
    loadBillingConfig({
      ...bus,
      BILLING_DB_SCHEMA: schemas.billing,
      BILLING_GRPC_PORT: '0',
      TENANT_GRPC_ADDR: tenantAddr,
      CATALOG_GRPC_ADDR: `127.0.0.1:${catalogService.port}`,
      CUSTOMER_GRPC_ADDR: `127.0.0.1:${customerService.port}`,
      CAMPAIGN_GRPC_ADDR: `127.0.0.1:${campaignService.port}`,
      BILLING_SCHEDULER_INTERVAL_MS: '0',
    }),
    { logger: silent },
  );
  for (const s of [tenantService, catalogService, customerService, campaignService, billingService]) await brokerReady(s.port);

  const tenants = createGrpcClient(tenantV1.TenantServiceService, tenantAddr, { name: 'tenant' });
  const catalog = createGrpcClient(catalogV1.CatalogServiceService, `127.0.0.1:${catalogService.port}`, { name: 'catalog' });
  const customers = createGrpcClient(customerV1.CustomerServiceService, `127.0.0.1:${customerService.port}`, { name: 'customer' });
  const campaigns = createGrpcClient(campaignV1.CampaignServiceService, `127.0.0.1:${campaignService.port}`, { name: 'campaign' });
  const billing = createGrpcClient(billingV1.BillingServiceService, `127.0.0.1:${billingService.port}`, { name: 'billing', deadlineMs: 30_000 });
  const sql: Knex = knexFactory({ client: 'pg', connection: databaseUrl, pool: { min: 0, max: 2 } });

  const { user } = await tenants.login(PLATFORM_ADMIN);
  const platformAdmin: CallContext = { actor: { type: 'user', id: user!.id, role: 'platform_admin' } };

  const platform = {
    bus,
    schemas,
    messages,
    analytics,
    billing,
    tenants,
    catalog,
    customers,
    campaigns,
    sql,

    /** A new tenant (reporting in EUR, USD at 0.92, GBP without a rate) and its sandbox shop. */
    async newShop(): Promise<Shop> {
      const slug = `shop-${randomBytes(4).toString('hex')}`;
      const tenant = await tenants.createTenant(
        { name: 'Streamly', slug, reportingCurrency: 'EUR', fxRates: FX_RATES, admin: { email: `owner@${slug}.test`, password: 'correct-horse-battery', name: 'Ada' } },
        { context: platformAdmin },
      );
      const sandbox = tenant.environments.find((e) => e.name === 'sandbox')!;
      const scope = { tenantId: tenant.id, environmentId: sandbox.id, environmentKind: 'sandbox' as const };
      const ctx: CallContext = { actor: { type: 'user', id: 'usr_admin', role: 'administrator' }, tenantId: tenant.id, scope };
      const storefront = await tenants.createStorefront(
        {
          name: 'Web shop',
          slug: `web-${randomBytes(4).toString('hex')}`,
          branding: { theme: 'light' },
          paymentMethods: ['card'],
          regional: { countries: ['DE'], defaultCurrency: 'EUR', currencies: ['EUR', 'USD', 'GBP'], locale: 'de-DE', timezone: 'Europe/Berlin', taxBehavior: 'exclusive', taxRatePercent: '19' },
        },
        { context: ctx },
      );
      const bundles = [
        await catalog.createBundle({ name: 'Basic', entitlements: [{ key: 'hd', value: false }], status: '' }, { context: ctx }),
        await catalog.createBundle({ name: 'Premium', entitlements: [{ key: 'hd', value: true }], status: '' }, { context: ctx }),
      ];
      const prices: ShopPrice[] = [];
      for (const { bundle, ...spec } of MENU) {
        const p = await catalog.createPrice(
          { bundleId: bundles[bundle]!.id, currency: 'EUR', strategy: 'per_unit', tiers: [], interval: 'month', intervalCount: 1, trialDays: 0, storefrontIds: [], countries: [], ...spec },
          { context: ctx },
        );
        prices.push({ id: p.id, currency: p.currency, interval: p.interval, intervalCount: p.intervalCount || 1, trialDays: p.trialDays });
      }
      const couponCode = 'SAVE20';
      const campaign = await campaigns.createCampaign(
        { name: 'Welcome', offer: { type: 'percent_off', percentOff: '20', durationCycles: 2 }, codes: [{ code: couponCode, redemptions: 0 }], variants: [] },
        { context: ctx },
      );
      await campaigns.activateCampaign({ id: campaign.id }, { context: ctx });
      // Analytics knows the tenant's reporting currency before any figure is asked.
      await waitFor(async () => (await sql(`${schemas.analytics}.tenants`).where({ tenant_id: tenant.id }).first()) !== undefined, { what: 'the tenant in analytics' });
      return { tenant, ctx, scope: { tenantId: tenant.id, environmentId: sandbox.id }, storefrontId: storefront.id, prices, couponCode, campaignId: campaign.id };
    },

    /**
     * Waits until billing has published everything it wrote for the
     * environment and analytics has kept (and so applied, in the same
     * transaction) every one of those events it listens to.
     */
    async settled(scope: { tenantId: string; environmentId: string }): Promise<void> {
      // Billing's events, then the campaign service's answers to them (redemptions confirmed or released).
      const consumed = (producer: string, kept: RegExp, consumer: string) =>
        sql.raw(
          `SELECT count(*) FILTER (WHERE o.sent_at IS NULL) AS unsent,
                  count(*) FILTER (WHERE o.routing_key ~ ? AND NOT EXISTS (SELECT 1 FROM ${consumer} c WHERE c.${consumer.endsWith('inbox') ? 'event_id' : 'id'} = o.id)) AS missing
             FROM ${producer}.outbox o WHERE o.tenant_id = ? AND o.environment_id = ?`,
          [kept.source, scope.tenantId, scope.environmentId],
        );
      await waitFor(
        async () => {
          for (const [producer, kept, consumer] of [
            [schemas.billing, KEPT_BILLING_EVENT, `${schemas.analytics}.events`],
            [schemas.billing, CAMPAIGN_CONSUMED, `${schemas.campaign}.inbox`],
            [schemas.campaign, KEPT_CAMPAIGN_EVENT, `${schemas.analytics}.events`],
          ] as const) {
            const { rows } = await consumed(producer, kept, consumer);
            if (Number(rows[0].unsent) !== 0 || Number(rows[0].missing) !== 0) return false;
          }
          return true;
        },
        { timeoutMs: 60_000, what: 'analytics to have consumed every billing and campaign event of the environment' },
      );
    },

    /** Messages analytics gave up on (its dead-letter queue). */
    async deadLettered(): Promise<number> {
      return (await recording.checkQueue(`${bus.AMQP_QUEUE_PREFIX}analytics.events.dlq`)).messageCount;
    },

    async close(): Promise<void> {
      for (const c of [tenants, catalog, customers, campaigns, billing, analytics.client]) c.close();
      for (const s of [billingService, campaignService, customerService, catalogService, tenantService, analytics.service]) await s.stop();
      await recorder.close();
      await sql.destroy();
      await removeTestBus(bus, ['analytics', 'tenant', 'catalog', 'customer', 'campaign', 'billing']);
      for (const schema of Object.values(schemas)) await dropSchema(databaseUrl, schema);
    },
  };
  return platform;
}

export type Platform = Awaited<ReturnType<typeof startPlatform>>;
