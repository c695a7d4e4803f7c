import knexFactory, { type Knex } from 'knex';
import pino from 'pino';
import { randomBytes } from 'node:crypto';
import { createGrpcClient, dropSchema, type CallContext, type Role } from '@azotte/common';
import { busEnvironment, recordEvents, testServers, uniqueName, waitFor, type SeenEvent } from '@azotte/common/testing';
import { catalogV1, tenantV1 } from '@azotte/proto';
import { startTenant } from '@azotte/test-support';
import { loadCatalogConfig, startCatalogService, type CatalogConfig } from '../../src';

export const silent = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

const PLATFORM_ADMIN = { email: 'platform@catalog.test', password: 'platform-admin-password' };

/** An event as a consumer of the bus receives it. */
export type { SeenEvent } from '@azotte/common/testing';

/** A tenant of the tenant service, and call contexts in its environments. */
export interface TestTenant {
  tenant: tenantV1.Tenant;
  /** An administrator in `production`. */
  admin: CallContext;
  /** An administrator in `sandbox`. */
  adminInSandbox: CallContext;
  /** Someone with `role` in `production`. */
  as(role: Role | 'system'): CallContext;
}


/**
 * One catalog service for one test file, on real Postgres and RabbitMQ: its own
 * schema, exchange and queues, a real gRPC server on a free port and a real
 * client. A real tenant service beside it owns the tenants and storefronts the
 * catalog asks about; a queue bound to every key records what reaches the bus.
 */
export async function startHarness(name: string) {
  const { databaseUrl, amqpUrl } = testServers();
  const id = uniqueName(name);
  const common = busEnvironment(id, { databaseUrl, amqpUrl });
  const schemas = { tenant: `${id}_tenant`, catalog: `${id}_catalog` };

  // The bus listener first, so that no event is published before a queue takes it.
  const { events, channel, connection: conn } = await recordEvents(amqpUrl, common.AMQP_EXCHANGE, 'catalog.#');

  const tenantService = await startTenant(common, schemas.tenant, PLATFORM_ADMIN, silent);
  const config: CatalogConfig = loadCatalogConfig({
    ...common,
    CATALOG_DB_SCHEMA: schemas.catalog,
    CATALOG_GRPC_PORT: '0',
    TENANT_GRPC_ADDR: `127.0.0.1:${tenantService.port}`,
  });
  const service = await startCatalogService(config, { logger: silent });
  const client = createGrpcClient(catalogV1.CatalogServiceService, `127.0.0.1:${service.port}`, { name: 'catalog' });
  const tenants = createGrpcClient(tenantV1.TenantServiceService, `127.0.0.1:${tenantService.port}`, { name: 'tenant' });
  // A plain connection for looking at what the service stored.
  const db: Knex = knexFactory({ client: 'pg', connection: databaseUrl, searchPath: [schemas.catalog], pool: { min: 0, max: 2 } });

  const { user } = await tenants.login(PLATFORM_ADMIN);
  const platformAdmin: CallContext = { actor: { type: 'user', id: user!.id, role: 'platform_admin' } };

  const harness = {
    config,
    schemas,
    client,
    tenants,
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
      const env = (envName: string) => tenant.environments.find((e) => e.name === envName)!;
      const contextIn = (envName: string, role: Role | 'system'): CallContext => {
        const environment = env(envName);
        return {
          actor: role === 'system' ? { type: 'system', id: 'billing', role: 'system' } : { type: 'user', id: `usr_${role}`, role },
          tenantId: tenant.id,
          scope: { tenantId: tenant.id, environmentId: environment.id, environmentKind: environment.kind as 'production' | 'sandbox' },
        };
      };
      return {
        tenant,
        admin: contextIn('production', 'administrator'),
        adminInSandbox: contextIn('sandbox', 'administrator'),
        as: (role) => contextIn('production', role),
      };
    },

    /** The events of this type about this object that reached the bus, once at least `count` have. */
    async eventsAbout(type: string, objectId: string, count = 1): Promise<SeenEvent[]> {
      const about = () =>
        events.filter((e) => e.type === type && (e.payload.bundle?.id === objectId || e.payload.price?.id === objectId));
      await waitFor(() => about().length >= count, { what: `${count} × ${type} for ${objectId}` });
      return about();
    },

    async close(): Promise<void> {
      client.close();
      tenants.close();
      await service.stop();
      await tenantService.stop();
      await db.destroy();
      // Queues and exchanges outlive connections; a test file leaves none behind.
      await channel.deleteQueue(`${common.AMQP_QUEUE_PREFIX}tenant.events`);
      await channel.deleteQueue(`${common.AMQP_QUEUE_PREFIX}tenant.events.dlq`);
      await channel.deleteExchange(common.AMQP_EXCHANGE);
      await conn.close();
      await dropSchema(databaseUrl, schemas.catalog);
      await dropSchema(databaseUrl, schemas.tenant);
    },
  };
  return harness;
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/** Resolves to the DomainError a call failed with (fails the test if it succeeded). */
export async function failureOf(
  call: Promise<unknown>,
): Promise<{ kind: string; code: string; message: string; fields: Array<{ path: string; message: string }> }> {
  try {
    await call;
  } catch (err) {
    return err as { kind: string; code: string; message: string; fields: Array<{ path: string; message: string }> };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
