import amqp from 'amqplib';
import knexFactory, { type Knex } from 'knex';
import pino from 'pino';
import { createGrpcClient, dropSchema, type CallContext, type EnvironmentKind, type Role } from '@azotte/common';
import { testServers, uniqueName } from '@azotte/common/testing';
import { tenantV1 } from '@azotte/proto';
import { loadTenantConfig, startTenantService, type RunningTenantService, type TenantConfig } from '../../src';
import { aTenant, PLATFORM_ADMIN } from './builders';

export const silent = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

export type TenantClient = ReturnType<typeof connect>;

const connect = (port: number) =>
  createGrpcClient(tenantV1.TenantServiceService, `127.0.0.1:${port}`, { name: 'tenant' });

/** The call context the gateway would send for an authenticated principal. */
export function contextOf(principal: tenantV1.Principal): CallContext {
  const { environment } = principal;
  return {
    actor: {
      type: principal.actorType as 'user' | 'api_key',
      id: principal.actorId,
      role: principal.platformAdmin ? 'platform_admin' : (principal.role as Role),
    },
    tenantId: principal.tenantId || undefined,
    scope: environment
      ? { tenantId: environment.tenantId, environmentId: environment.id, environmentKind: environment.kind as EnvironmentKind }
      : undefined,
  };
}

/** A tenant created for a test, with its administrator signed in to each environment. */
export interface TestTenant {
  tenant: tenantV1.Tenant;
  adminUser: tenantV1.User;
  adminPassword: string;
  /** The administrator in `production`. */
  admin: CallContext;
  /** The administrator in `sandbox`. */
  adminInSandbox: CallContext;
  environment(name: string): tenantV1.Environment;
}

/**
 * One tenant service for one test file: its own schema, exchange and queues,
 * a real gRPC server on a free port, and a real client.
 */
export async function startHarness(name: string, overrides: Partial<Record<string, string>> = {}) {
  const { databaseUrl, amqpUrl } = testServers();
  const schema = uniqueName(name);
  const config: TenantConfig = loadTenantConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    AMQP_URL: amqpUrl,
    AMQP_EXCHANGE: `${schema}.events`,
    AMQP_QUEUE_PREFIX: `${schema}.`,
    TENANT_DB_SCHEMA: schema,
    TENANT_GRPC_PORT: '0',
    PLATFORM_ADMIN_EMAIL: PLATFORM_ADMIN.email,
    PLATFORM_ADMIN_PASSWORD: PLATFORM_ADMIN.password,
    ...overrides,
  });
  const service: RunningTenantService = await startTenantService(config, { logger: silent });
  const client = connect(service.port);
  // A plain connection for looking at what the service stored.
  const db: Knex = knexFactory({ client: 'pg', connection: databaseUrl, searchPath: [schema], pool: { min: 0, max: 2 } });

  let platformAdmin: CallContext | undefined;

  const harness = {
    config,
    schema,
    client,
    db,
    service,

    async signIn(userId: string, environment = '', tenantId = ''): Promise<CallContext> {
      return contextOf(await client.authenticate({ userId, environment, tenantId }));
    },

    async asPlatformAdmin(): Promise<CallContext> {
      if (!platformAdmin) {
        const { user } = await client.login(PLATFORM_ADMIN);
        platformAdmin = await harness.signIn(user!.id);
      }
      return platformAdmin;
    },

    async newTenant(overrides: Partial<tenantV1.CreateTenantRequest> = {}): Promise<TestTenant> {
      const request = aTenant(overrides);
      const tenant = await client.createTenant(request, { context: await harness.asPlatformAdmin() });
      const { user } = await client.login({ email: request.admin!.email, password: request.admin!.password });
      return {
        tenant,
        adminUser: user!,
        adminPassword: request.admin!.password,
        admin: await harness.signIn(user!.id, 'production'),
        adminInSandbox: await harness.signIn(user!.id, 'sandbox'),
        environment: (envName) => tenant.environments.find((e) => e.name === envName)!,
      };
    },

    async close(): Promise<void> {
      client.close();
      await service.stop();
      await db.destroy();
      // Queues and exchanges outlive connections; a test file leaves none behind.
      const conn = await amqp.connect(amqpUrl);
      const ch = await conn.createChannel();
      await ch.deleteQueue(`${config.AMQP_QUEUE_PREFIX}tenant.events`);
      await ch.deleteQueue(`${config.AMQP_QUEUE_PREFIX}tenant.events.dlq`);
      await ch.deleteExchange(config.AMQP_EXCHANGE);
      await conn.close();
      await dropSchema(databaseUrl, schema);
    },
  };
  return harness;
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/** Resolves to the DomainError a call failed with (fails the test if it succeeded). */
export async function failureOf(call: Promise<unknown>): Promise<{ kind: string; code: string; message: string; fields: Array<{ path: string; message: string }> }> {
  try {
    await call;
  } catch (err) {
    return err as { kind: string; code: string; message: string; fields: Array<{ path: string; message: string }> };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
