import knexFactory, { type Knex } from 'knex';
import pino from 'pino';
import { createGrpcClient, dropSchema, type CallContext, type EnvironmentKind, type Role } from '@azotte/common';
import { brokerReady, busEnvironment, removeTestBus, testServers, uniqueName } from '@azotte/common/testing';
import { customerV1, tenantV1 } from '@azotte/proto';
import { startTenant } from '@azotte/test-support';
import { loadCustomerConfig, startCustomerService, type CustomerConfig } from '../../src';
import { aTenant, unique, PLATFORM_ADMIN } from './builders';

export const silent = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** The call context the gateway would send for an authenticated principal. */
function contextOf(principal: tenantV1.Principal): CallContext {
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

/** A tenant made for a test: its administrator in each environment, and users of other roles on demand. */
export interface TestTenant {
  tenant: tenantV1.Tenant;
  /** The administrator in `production`. */
  admin: CallContext;
  /** The administrator in `sandbox`. */
  adminInSandbox: CallContext;
  /** A new user of `role`, signed in to `production`. */
  as(role: Role): Promise<CallContext>;
  /** Another service acting in this tenant's production environment. */
  system: CallContext;
}

/**
 * The customer service for one test file, as it runs: its own schema, a real
 * tenant service beside it (asked for storefronts), a private exchange and
 * queues, real gRPC servers on free ports, and real clients.
 */
export async function startHarness(name: string) {
  const { databaseUrl, amqpUrl } = testServers();
  const id = uniqueName(name);
  const common = busEnvironment(id, { databaseUrl, amqpUrl });
  const schemas = { tenant: `${id}_tenant`, customer: `${id}_customer` };
  const tenantService = await startTenant(common, schemas.tenant, PLATFORM_ADMIN, silent);
  const config: CustomerConfig = loadCustomerConfig({
    ...common,
    CUSTOMER_DB_SCHEMA: schemas.customer,
    CUSTOMER_GRPC_PORT: '0',
    TENANT_GRPC_ADDR: `127.0.0.1:${tenantService.port}`,
  });
  const service = await startCustomerService(config, { logger: silent });
  await brokerReady(service.port);
  const client = createGrpcClient(customerV1.CustomerServiceService, `127.0.0.1:${service.port}`, { name: 'customer' });
  const tenant = createGrpcClient(tenantV1.TenantServiceService, `127.0.0.1:${tenantService.port}`, { name: 'tenant' });
  // A plain connection for looking at what the service stored.
  const db: Knex = knexFactory({ client: 'pg', connection: databaseUrl, searchPath: [schemas.customer], pool: { min: 0, max: 2 } });

  let platformAdmin: CallContext | undefined;
  const signIn = async (userId: string, environment = '', tenantId = '') =>
    contextOf(await tenant.authenticate({ userId, environment, tenantId }));

  const harness = {
    config,
    client,
    tenant,
    db,
    exchange: common.AMQP_EXCHANGE,
    amqpUrl,

    async asPlatformAdmin(): Promise<CallContext> {
      if (!platformAdmin) {
        const { user } = await tenant.login(PLATFORM_ADMIN);
        platformAdmin = await signIn(user!.id);
      }
      return platformAdmin;
    },

    async newTenant(): Promise<TestTenant> {
      const request = aTenant();
      const created = await tenant.createTenant(request, { context: await harness.asPlatformAdmin() });
      const { user } = await tenant.login({ email: request.admin!.email, password: request.admin!.password });
      const admin = await signIn(user!.id, 'production');
      return {
        tenant: created,
        admin,
        adminInSandbox: await signIn(user!.id, 'sandbox'),
        async as(role) {
          const email = `${unique(role)}@example.com`;
          const made = await tenant.createUser({ email, password: 'a-long-enough-password', name: '', role }, { context: admin });
          return signIn(made.id, 'production');
        },
        system: { actor: { type: 'system', id: 'billing', role: 'system' }, tenantId: admin.tenantId, scope: admin.scope },
      };
    },

    /** The outbox rows of the customer service, oldest first. */
    async outbox(type?: string): Promise<Array<{ id: string; routing_key: string; payload: Record<string, any>; tenant_id: string; environment_id: string }>> {
      const query = db('outbox').orderBy([{ column: 'created_at' }, { column: 'id' }]);
      if (type) query.where({ routing_key: type });
      return query;
    },

    async close(): Promise<void> {
      client.close();
      tenant.close();
      await service.stop();
      await tenantService.stop();
      await db.destroy();
      // Queues and exchanges outlive connections; a test file leaves none behind.
      await removeTestBus(common, ['tenant']);
      await dropSchema(databaseUrl, schemas.customer);
      await dropSchema(databaseUrl, schemas.tenant);
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

/** The field paths of a failure, sorted. */
export const pathsOf = (failure: Failure) => failure.fields.map((f) => f.path).sort();
