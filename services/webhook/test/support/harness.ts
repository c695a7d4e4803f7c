import knexFactory, { type Knex } from 'knex';
import pino from 'pino';
import { randomBytes } from 'node:crypto';
import { createGrpcClient, dropSchema, type CallContext, type Clock, type EnvironmentKind, type Role } from '@azotte/common';
import { brokerReady, busEnvironment, publishEvent, recordEvents, testServers, uniqueName, waitFor } from '@azotte/common/testing';
import { tenantV1, webhookV1 } from '@azotte/proto';
import { startTenant } from '@azotte/test-support';
import { loadWebhookConfig, startWebhookService, type Resolver } from '../../src';

export const silent = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

const PLATFORM_ADMIN = { email: 'platform@webhook.test', password: 'platform-admin-password' };

/** Real time plus an offset a test moves: retries still run in real time, while days pass at will. */
export class ShiftedClock implements Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface HarnessOptions {
  env?: Record<string, string>;
  resolve?: Resolver;
}

/**
 * The webhook service for one test file, as it runs: its own schema, the real
 * tenant service beside it (environments and their names), a private exchange
 * and queues, a real gRPC server on a free port and a real client. `publish`
 * plays the other services' part on the bus; a queue bound to `webhook.#`
 * records what the service publishes.
 */
export async function startHarness(name: string, options: HarnessOptions = {}) {
  const { databaseUrl, amqpUrl } = testServers();
  const id = uniqueName(name);
  const common = busEnvironment(id, { databaseUrl, amqpUrl });
  const schemas = { tenant: `${id}_tenant`, webhook: `${id}_webhook` };
  const bus = await recordEvents(amqpUrl, common.AMQP_EXCHANGE, 'webhook.#');
  const tenantService = await startTenant(common, schemas.tenant, PLATFORM_ADMIN, silent);
  const clock = new ShiftedClock();
  const config = loadWebhookConfig({
    ...common,
    WEBHOOK_DB_SCHEMA: schemas.webhook,
    WEBHOOK_GRPC_PORT: '0',
    TENANT_GRPC_ADDR: `127.0.0.1:${tenantService.port}`,
    WEBHOOK_RETRY_SCHEDULE: '100ms,200ms',
    WEBHOOK_TIMEOUT_MS: '2000',
    WEBHOOK_POLL_MS: '50',
    WEBHOOK_SCHEDULER_INTERVAL_MS: '0',
    ...options.env,
  });
  const service = await startWebhookService(config, { logger: silent, clock, resolve: options.resolve });
  await brokerReady(service.port);
  const client = createGrpcClient(webhookV1.WebhookServiceService, `127.0.0.1:${service.port}`, { name: 'webhook' });
  const tenants = createGrpcClient(tenantV1.TenantServiceService, `127.0.0.1:${tenantService.port}`, { name: 'tenant' });
  const db: Knex = knexFactory({ client: 'pg', connection: databaseUrl, searchPath: [schemas.webhook], pool: { min: 0, max: 2 } });
  const { user } = await tenants.login(PLATFORM_ADMIN);
  const platformAdmin: CallContext = { actor: { type: 'user', id: user!.id, role: 'platform_admin' } };

  return {
    config,
    service,
    client,
    db,
    clock,
    published: bus.events,

    /** A new tenant with its production and sandbox environments, and call contexts in them. */
    async newTenant() {
      const slug = `acme-${randomBytes(4).toString('hex')}`;
      const tenant = await tenants.createTenant(
        { name: 'Acme', slug, reportingCurrency: 'EUR', fxRates: {}, admin: { email: `owner@${slug}.test`, password: 'correct-horse-battery', name: 'Ada' } },
        { context: platformAdmin },
      );
      const scopeOf = (envName: 'production' | 'sandbox') => {
        const environment = tenant.environments.find((e) => e.name === envName)!;
        return { tenantId: tenant.id, environmentId: environment.id, environmentKind: environment.kind as EnvironmentKind };
      };
      const as = (role: Role, envName: 'production' | 'sandbox' = 'production'): CallContext => ({
        actor: { type: 'user', id: `usr_${role}`, role },
        tenantId: tenant.id,
        scope: scopeOf(envName),
      });
      return { tenant, admin: as('administrator'), as, scopeOf };
    },

    /** Publishes an event on the bus as its producing service would. */
    publish(type: string, scope: { tenantId: string; environmentId: string; environmentKind: string }, payload: unknown, occurredAt?: string) {
      return publishEvent(bus.channel, common.AMQP_EXCHANGE, { type, payload, ...scope, occurredAt });
    },

    /** Waits until the service has applied the event (its inbox has it). */
    async applied(eventId: string): Promise<void> {
      await waitFor(async () => (await db('inbox').where({ event_id: eventId }).first()) !== undefined, { what: `event ${eventId} applied` });
    },

    async close(): Promise<void> {
      client.close();
      tenants.close();
      await service.stop();
      await tenantService.stop();
      await db.destroy();
      for (const schema of Object.values(schemas)) await dropSchema(databaseUrl, schema);
      for (const q of ['tenant', 'webhook']) {
        await bus.channel.deleteQueue(`${common.AMQP_QUEUE_PREFIX}${q}.events`).catch(() => undefined);
        await bus.channel.deleteQueue(`${common.AMQP_QUEUE_PREFIX}${q}.events.dlq`).catch(() => undefined);
      }
      await bus.channel.deleteExchange(common.AMQP_EXCHANGE).catch(() => undefined);
      await bus.connection.close();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;
export type TestTenant = Awaited<ReturnType<Harness['newTenant']>>;

/** Resolves to the DomainError a call failed with (fails the test if it succeeded). */
export async function failureOf(call: Promise<unknown>): Promise<{ kind: string; code: string; message: string; fields: Array<{ path: string; message: string }> }> {
  try {
    await call;
  } catch (err) {
    return err as never;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
