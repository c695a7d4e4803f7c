import knexFactory, { type Knex } from 'knex';
import pino from 'pino';
import { randomBytes } from 'node:crypto';
import { createGrpcClient, dropSchema, type CallContext, type Role } from '@azotte/common';
import { brokerReady, busEnvironment, recordEvents, testServers, uniqueName, waitFor, type SeenEvent } from '@azotte/common/testing';
import { billingV1, catalogV1, customerV1, tenantV1 } from '@azotte/proto';
import { loadBillingConfig, startBillingService, type BillingConfig, type RunningBillingService, type StartOptions } from '../../src';
import { startFakeCampaign } from './fake-campaign';
import { startFoundation } from '@azotte/test-support';

export const silent = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

const PLATFORM_ADMIN = { email: 'platform@billing.test', password: 'platform-admin-password' };

export type { SeenEvent } from '@azotte/common/testing';

export interface TestTenant {
  tenant: tenantV1.Tenant;
  admin: CallContext;
  adminInSandbox: CallContext;
  as(role: Role | 'system', env?: 'production' | 'sandbox'): CallContext;
}


/**
 * One billing service for one test file on real Postgres and RabbitMQ, with
 * real tenant, catalog and customer services beside it and a fake campaign
 * service. The billing scheduler's timer is off unless asked for: tests drive
 * time with the test clock.
 */
export async function startHarness(name: string, options: { schedulerIntervalMs?: number; logger?: pino.Logger } = {}) {
  const { databaseUrl, amqpUrl } = testServers();
  const id = uniqueName(name);
  const common = busEnvironment(id, { databaseUrl, amqpUrl });
  const schemas = { tenant: `${id}_tenant`, catalog: `${id}_catalog`, customer: `${id}_customer`, billing: `${id}_billing` };

  const { events, channel, connection: conn } = await recordEvents(amqpUrl, common.AMQP_EXCHANGE, 'billing.#');

  const { tenantService, catalogService, customerService, tenantAddr } = await startFoundation(common, schemas, PLATFORM_ADMIN, silent);
  const campaign = await startFakeCampaign(silent);
  const config: BillingConfig = loadBillingConfig({
    ...common,
    BILLING_DB_SCHEMA: schemas.billing,
    BILLING_GRPC_PORT: '0',
    TENANT_GRPC_ADDR: tenantAddr,
    CATALOG_GRPC_ADDR: `127.0.0.1:${catalogService.port}`,
    CUSTOMER_GRPC_ADDR: `127.0.0.1:${customerService.port}`,
    CAMPAIGN_GRPC_ADDR: `127.0.0.1:${campaign.port}`,
    BILLING_SCHEDULER_INTERVAL_MS: String(options.schedulerIntervalMs ?? 0),
  });
  const extra: RunningBillingService[] = [];
  const service = await startBillingService(config, { logger: options.logger ?? silent });
  await brokerReady(service.port);
  const client = createGrpcClient(billingV1.BillingServiceService, `127.0.0.1:${service.port}`, { name: 'billing' });
  const tenants = createGrpcClient(tenantV1.TenantServiceService, tenantAddr, { name: 'tenant' });
  const catalog = createGrpcClient(catalogV1.CatalogServiceService, `127.0.0.1:${catalogService.port}`, { name: 'catalog' });
  const customers = createGrpcClient(customerV1.CustomerServiceService, `127.0.0.1:${customerService.port}`, { name: 'customer' });
  const db: Knex = knexFactory({ client: 'pg', connection: databaseUrl, searchPath: [schemas.billing], pool: { min: 0, max: 4 } });

  const { user } = await tenants.login(PLATFORM_ADMIN);
  const platformAdmin: CallContext = { actor: { type: 'user', id: user!.id, role: 'platform_admin' } };

  const harness = {
    config,
    schemas,
    client,
    tenants,
    catalog,
    customers,
    campaign,
    service,
    db,
    events,

    /** Another billing replica on the same schema (its scheduler off). */
    async replica(options: StartOptions = {}): Promise<RunningBillingService> {
      const r = await startBillingService({ ...config, BILLING_SCHEDULER_INTERVAL_MS: 0 }, { logger: silent, ...options });
      extra.push(r);
      return r;
    },

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
      const contextIn = (envName: string, role: Role | 'system'): CallContext => {
        const environment = tenant.environments.find((e) => e.name === envName)!;
        return {
          actor: role === 'system' ? { type: 'system', id: 'test', role: 'system' } : { type: 'user', id: `usr_${role}`, role },
          tenantId: tenant.id,
          scope: { tenantId: tenant.id, environmentId: environment.id, environmentKind: environment.kind as 'production' | 'sandbox' },
        };
      };
      return {
        tenant,
        admin: contextIn('production', 'administrator'),
        adminInSandbox: contextIn('sandbox', 'administrator'),
        as: (role, env = 'sandbox') => contextIn(env, role),
      };
    },

    /** A customer, a bundle and a monthly price in the context's environment. */
    async shop(
      context: CallContext,
      price: Partial<catalogV1.CreatePriceRequest> = {},
      storefront?: Partial<tenantV1.Regional>,
    ): Promise<{ customer: customerV1.Customer; bundle: catalogV1.Bundle; price: catalogV1.Price; storefrontId?: string }> {
      let storefrontId: string | undefined;
      if (storefront) {
        const sf = await tenants.createStorefront(
          {
            name: 'Web shop',
            slug: `shop-${randomBytes(4).toString('hex')}`,
            branding: { theme: 'light' },
            paymentMethods: ['card'],
            regional: { countries: ['DE'], defaultCurrency: 'EUR', currencies: ['EUR'], locale: 'de-DE', timezone: 'Europe/Berlin', taxBehavior: 'exclusive', ...storefront },
          },
          { context },
        );
        storefrontId = sf.id;
      }
      const customer = await customers.createCustomer(
        { email: `c-${randomBytes(4).toString('hex')}@example.com`, name: 'Anna', country: 'DE', locale: 'de-DE', metadata: {}, storefrontId },
        { context },
      );
      const bundle = await catalog.createBundle(
        { name: 'Premium', entitlements: [{ key: 'hd', value: true }, { key: 'max_streams', value: 4 }], status: '' },
        { context },
      );
      const p = await catalog.createPrice(
        {
          bundleId: bundle.id,
          currency: 'EUR',
          amount: 1000,
          strategy: 'flat',
          tiers: [],
          interval: 'month',
          intervalCount: 1,
          trialDays: 0,
          storefrontIds: [],
          countries: [],
          ...price,
        },
        { context },
      );
      return { customer, bundle, price: p, storefrontId };
    },

    /** Attaches a card to a customer. */
    card(context: CallContext, customerId: string, number = '4242424242424242', makeDefault = false) {
      return client.attachPaymentMethod(
        { customerId, type: 'card', card: { number, expMonth: 12, expYear: 2040, cvc: '123' }, makeDefault },
        { context },
      );
    },

    async eventsOfType(type: string, filter: (e: SeenEvent) => boolean, count = 1): Promise<SeenEvent[]> {
      const about = () => events.filter((e) => e.type === type && filter(e));
      await waitFor(() => about().length >= count, { what: `${count} × ${type}` });
      return about();
    },

    async close(): Promise<void> {
      client.close();
      tenants.close();
      catalog.close();
      customers.close();
      for (const r of extra) await r.stop();
      await service.stop();
      await campaign.stop();
      await customerService.stop();
      await catalogService.stop();
      await tenantService.stop();
      await db.destroy();
      for (const svc of ['tenant', 'billing', 'customer', 'catalog']) {
        await channel.deleteQueue(`${common.AMQP_QUEUE_PREFIX}${svc}.events`);
        await channel.deleteQueue(`${common.AMQP_QUEUE_PREFIX}${svc}.events.dlq`);
      }
      await channel.deleteExchange(common.AMQP_EXCHANGE);
      await conn.close();
      for (const schema of Object.values(schemas)) await dropSchema(databaseUrl, schema);
    },
  };
  return harness;
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/**
 * A crash after the provider charged and before the charge was committed: the first insert of a
 * payment whose `column` is `id` raises (a sequence, which a rollback does not undo, makes it the
 * first only), so billing's transaction rolls back with the provider's charge made. Returns its removal.
 */
export async function crashOnceAfterCharge(h: Harness, column: 'subscription_id' | 'customer_id', id: string): Promise<() => Promise<void>> {
  const n = randomBytes(4).toString('hex');
  await h.db.raw(`CREATE SEQUENCE crash_seq_${n}`);
  // The service connects with its own role.
  await h.db.raw(`GRANT USAGE, SELECT, UPDATE ON SEQUENCE crash_seq_${n} TO PUBLIC`);
  await h.db.raw(`
    CREATE FUNCTION crash_fn_${n}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.${column} = '${id}' AND nextval('crash_seq_${n}') = 1 THEN
        RAISE EXCEPTION 'simulated crash after the charge';
      END IF;
      RETURN NEW;
    END $$`);
  await h.db.raw(`CREATE TRIGGER crash_tr_${n} BEFORE INSERT ON payments FOR EACH ROW EXECUTE FUNCTION crash_fn_${n}()`);
  return async () => {
    await h.db.raw(`DROP TRIGGER crash_tr_${n} ON payments`);
    await h.db.raw(`DROP FUNCTION crash_fn_${n}()`);
    await h.db.raw(`DROP SEQUENCE crash_seq_${n}`);
  };
}

export async function failureOf(call: Promise<unknown>): Promise<{ kind: string; code: string; message: string; fields: Array<{ path: string; message: string }> }> {
  try {
    await call;
  } catch (err) {
    return err as { kind: string; code: string; message: string; fields: Array<{ path: string; message: string }> };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
