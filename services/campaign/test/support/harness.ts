import knexFactory, { type Knex } from 'knex';
import pino from 'pino';
import { randomBytes } from 'node:crypto';
import { createGrpcClient, dropSchema, newId, type CallContext, type EnvironmentKind, type Role } from '@azotte/common';
import { brokerReady, busEnvironment, recordEvents, testServers, uniqueName, waitFor, type SeenEvent } from '@azotte/common/testing';
import { campaignV1, catalogV1, customerV1, tenantV1 } from '@azotte/proto';
import { loadCampaignConfig, startCampaignService, type CampaignConfig } from '../../src';
import { startFoundation } from '@azotte/test-support';

export const silent = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

const PLATFORM_ADMIN = { email: 'platform@campaign.test', password: 'platform-admin-password' };

/** An event as a consumer of the bus receives it. */
export type { SeenEvent } from '@azotte/common/testing';

/** A tenant of the tenant service, and call contexts in its environments. */
export interface TestTenant {
  tenant: tenantV1.Tenant;
  /** An administrator in `production`. */
  admin: CallContext;
  /** An administrator in `sandbox`. */
  adminInSandbox: CallContext;
  /** Someone with `role` in `production` (or `sandbox`). */
  as(role: Role | 'system', environment?: 'production' | 'sandbox'): CallContext;
  /** The scope of an environment, as events carry it. */
  scopeOf(environment: 'production' | 'sandbox'): { tenantId: string; environmentId: string; environmentKind: EnvironmentKind };
}


/**
 * The campaign service for one test file, as it runs: its own schema, real
 * tenant, catalog and customer services beside it (the owners of the facts an
 * evaluation reads), a private exchange and queues, real gRPC servers on free
 * ports and real clients. A queue bound to `campaign.#` records what the
 * service publishes; `publish` plays billing's part on the bus.
 */
export async function startHarness(name: string) {
  const { databaseUrl, amqpUrl } = testServers();
  const id = uniqueName(name);
  const common = busEnvironment(id, { databaseUrl, amqpUrl });
  const schemas = { tenant: `${id}_tenant`, catalog: `${id}_catalog`, customer: `${id}_customer`, campaign: `${id}_campaign` };

  // The bus listener first, so that no event is published before a queue takes it.
  const { events, channel, connection: conn } = await recordEvents(amqpUrl, common.AMQP_EXCHANGE, 'campaign.#');

  const { tenantService, catalogService, customerService, tenantAddr } = await startFoundation(common, schemas, PLATFORM_ADMIN, silent);
  const config: CampaignConfig = loadCampaignConfig({
    ...common,
    CAMPAIGN_DB_SCHEMA: schemas.campaign,
    CAMPAIGN_GRPC_PORT: '0',
    CATALOG_GRPC_ADDR: `127.0.0.1:${catalogService.port}`,
    CUSTOMER_GRPC_ADDR: `127.0.0.1:${customerService.port}`,
  });
  const service = await startCampaignService(config, { logger: silent });
  await brokerReady(service.port);

  const client = createGrpcClient(campaignV1.CampaignServiceService, `127.0.0.1:${service.port}`, { name: 'campaign' });
  const tenants = createGrpcClient(tenantV1.TenantServiceService, tenantAddr, { name: 'tenant' });
  const catalog = createGrpcClient(catalogV1.CatalogServiceService, `127.0.0.1:${catalogService.port}`, { name: 'catalog' });
  const customers = createGrpcClient(customerV1.CustomerServiceService, `127.0.0.1:${customerService.port}`, { name: 'customer' });
  // A plain connection for looking at what the service stored.
  const db: Knex = knexFactory({ client: 'pg', connection: databaseUrl, searchPath: [schemas.campaign], pool: { min: 0, max: 2 } });

  const { user } = await tenants.login(PLATFORM_ADMIN);
  const platformAdmin: CallContext = { actor: { type: 'user', id: user!.id, role: 'platform_admin' } };

  const harness = {
    config,
    schemas,
    client,
    tenants,
    catalog,
    customers,
    db,
    events,

    /** A new tenant, created by the platform administrator of the tenant service. */
    async newTenant(): Promise<TestTenant> {
      const slug = `acme-${randomBytes(4).toString('hex')}`;
      const tenant = await tenants.createTenant(
        {
          name: 'Acme Streaming',
          slug,
          reportingCurrency: 'EUR',
          fxRates: {},
          admin: { email: `owner@${slug}.test`, password: 'correct-horse-battery', name: 'Ada' },
        },
        { context: platformAdmin },
      );
      const scopeOf = (envName: 'production' | 'sandbox') => {
        const environment = tenant.environments.find((e) => e.name === envName)!;
        return { tenantId: tenant.id, environmentId: environment.id, environmentKind: environment.kind as EnvironmentKind };
      };
      const as = (role: Role | 'system', envName: 'production' | 'sandbox' = 'production'): CallContext => ({
        actor: role === 'system' ? { type: 'system', id: 'billing', role: 'system' } : { type: 'user', id: `usr_${role}`, role },
        tenantId: tenant.id,
        scope: scopeOf(envName),
      });
      return { tenant, admin: as('administrator'), adminInSandbox: as('administrator', 'sandbox'), as, scopeOf };
    },

    /** A bundle and a flat monthly price in it (9.99 EUR unless told otherwise), in the context's environment. */
    async newPrice(ctx: CallContext, overrides: Partial<catalogV1.CreatePriceRequest> = {}): Promise<catalogV1.Price> {
      const bundle = await catalog.createBundle({ name: 'Premium', entitlements: [], status: '' }, { context: ctx });
      return catalog.createPrice(
        {
          bundleId: bundle.id,
          currency: 'EUR',
          amount: 999,
          strategy: 'flat',
          tiers: [],
          interval: 'month',
          intervalCount: 1,
          trialDays: 0,
          storefrontIds: [],
          countries: [],
          ...overrides,
        },
        { context: ctx },
      );
    },

    /** A customer in the context's environment (in Germany, on the gold plan, unless told otherwise). */
    async newCustomer(ctx: CallContext, overrides: Partial<customerV1.CreateCustomerRequest> = {}): Promise<customerV1.Customer> {
      return customers.createCustomer(
        { email: `${randomBytes(5).toString('hex')}@example.com`, country: 'DE', metadata: { plan: 'gold' }, ...overrides },
        { context: ctx },
      );
    },

    /** Publishes an event on the bus as another service would (billing, here). */
    async publish(type: string, scope: { tenantId: string; environmentId: string; environmentKind: string }, payload: unknown): Promise<string> {
      const eventId = newId('evt');
      channel.publish(common.AMQP_EXCHANGE, type, Buffer.from(JSON.stringify(payload)), {
        messageId: eventId,
        type,
        appId: 'billing',
        contentType: 'application/json',
        persistent: true,
        timestamp: Math.floor(Date.now() / 1000),
        headers: { 'x-tenant-id': scope.tenantId, 'x-environment-id': scope.environmentId, 'x-environment-kind': scope.environmentKind },
      });
      await channel.waitForConfirms();
      return eventId;
    },

    /** Waits until the service has applied the event (its inbox has it). */
    async applied(eventId: string): Promise<void> {
      await waitFor(async () => (await db('inbox').where({ event_id: eventId }).first()) !== undefined, { what: `event ${eventId} applied` });
    },

    /** The events of this type that reached the bus and satisfy `where`, once at least `count` have. */
    async eventsOf(type: string, where: (payload: any) => boolean, count = 1): Promise<SeenEvent[]> {
      const matching = () => events.filter((e) => e.type === type && where(e.payload));
      await waitFor(() => matching().length >= count, { what: `${count} × ${type}` });
      return matching();
    },

    async close(): Promise<void> {
      client.close();
      tenants.close();
      catalog.close();
      customers.close();
      await service.stop();
      await customerService.stop();
      await catalogService.stop();
      await tenantService.stop();
      await db.destroy();
      // Queues and exchanges outlive connections; a test file leaves none behind.
      for (const schema of Object.values(schemas)) await dropSchema(databaseUrl, schema);
      for (const q of ['tenant', 'campaign']) {
        await channel.deleteQueue(`${common.AMQP_QUEUE_PREFIX}${q}.events`).catch(() => undefined);
        await channel.deleteQueue(`${common.AMQP_QUEUE_PREFIX}${q}.events.dlq`).catch(() => undefined);
      }
      await channel.deleteExchange(common.AMQP_EXCHANGE).catch(() => undefined);
      await conn.close();
    },
  };
  return harness;
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

export interface Failure {
  kind: string;
  code: string;
  message: string;
  fields: Array<{ path: string; message: string }>;
}

/** Resolves to the DomainError a call failed with (fails the test if it succeeded). */
export async function failureOf(call: Promise<unknown>): Promise<Failure> {
  try {
    await call;
  } catch (err) {
    return err as Failure;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
