import {
  BusConnection,
  createLogger,
  EventConsumer,
  inboxMigration,
  openDatabase,
  outboxMigration,
  OutboxRelay,
  Publisher,
  startGrpcServer,
  SYSTEM_ACTOR,
  systemClock,
  type Clock,
  type Logger,
} from '@azotte/common';
import { tenantV1 } from '@azotte/proto';
import type { TenantConfig } from './config';
import type { Deps } from './domain/deps';
import { ensurePlatformAdmin } from './domain/ensure-platform-admin';
import { dummyHash } from './domain/passwords';
import { createSecretBox } from './domain/secrets';
import { handleEvent } from './events/handler';
import { tenantHandlers } from './grpc/handlers';
import { migrations } from './store/migrations';

export interface RunningTenantService {
  /** The gRPC port actually bound (config port 0 picks a free one). */
  port: number;
  /** Stops taking work and closes every connection; safe to call once. */
  stop(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  clock?: Clock;
}

/**
 * Starts the tenant service: migrates its schema, makes sure the platform
 * administrator exists, and serves gRPC at once. The bus connects in the
 * background: while RabbitMQ is away the service still answers, and the
 * outbox keeps its events until the broker is back.
 */
export async function startTenantService(config: TenantConfig, options: StartOptions = {}): Promise<RunningTenantService> {
  const logger = options.logger ?? createLogger('tenant', { level: config.LOG_LEVEL });
  const db = await openDatabase({
    url: config.DATABASE_URL,
    schema: config.TENANT_DB_SCHEMA,
    migrations: [outboxMigration, inboxMigration, ...migrations],
    logger,
  });
  const stops: Array<() => Promise<unknown>> = [() => db.close()];
  const stopAll = async () => {
    // Last started, first stopped: consumer, relay, gRPC server, bus, database.
    for (const stop of stops.splice(0).reverse()) {
      await stop().catch((err: unknown) => logger.warn({ err }, 'error while stopping'));
    }
  };

  try {
    await db.migrate();
    const deps: Deps = {
      db: db.knex,
      secrets: createSecretBox(config.SECRETS_KEY),
      clock: options.clock ?? systemClock,
      logger,
    };
    await ensurePlatformAdmin(deps, { actor: SYSTEM_ACTOR }, {
      email: config.PLATFORM_ADMIN_EMAIL,
      password: config.PLATFORM_ADMIN_PASSWORD,
    });
    // Computed now, so the first login with an unknown email costs no more than any other.
    await dummyHash();

    const bus = new BusConnection({ url: config.AMQP_URL, name: 'tenant', logger });
    stops.push(() => bus.close());
    // Setups run in this order on every (re)connection: our queue is declared and bound before
    // the publisher is ready, so on a first start the relay cannot publish our own events before
    // the queue that must receive them exists (the broker would return them as unroutable).
    const consumer = new EventConsumer({
      bus,
      knex: db.knex,
      exchange: config.AMQP_EXCHANGE,
      service: 'tenant',
      queuePrefix: config.AMQP_QUEUE_PREFIX,
      // The audit log and the usage figures are built from every event on the bus.
      patterns: ['#'],
      handler: handleEvent,
      logger,
    });
    await consumer.start();
    const publisher = new Publisher(bus, config.AMQP_EXCHANGE, logger);
    await publisher.start();
    const relay = new OutboxRelay({
      knex: db.knex,
      databaseUrl: config.DATABASE_URL,
      schema: config.TENANT_DB_SCHEMA,
      publisher,
      source: 'tenant',
      logger,
    });
    // Whatever piled up while the broker was away goes out as soon as it is back.
    await bus.use(async () => relay.kick());

    const grpc = await startGrpcServer({
      logger,
      port: config.TENANT_GRPC_PORT,
      services: [
        {
          definition: tenantV1.TenantServiceService,
          implementation: tenantHandlers(deps, logger),
          name: 'azotte.tenant.v1.TenantService',
        },
      ],
      dependencies: { postgres: db.ping, rabbitmq: () => bus.connected },
    });
    stops.push(() => grpc.stop());
    // Readiness follows the broker at once, not at the next periodic check.
    bus.onChange(() => void grpc.refreshHealth());
    await relay.start();
    stops.push(() => relay.stop());
    stops.push(() => consumer.stop());
    bus.startInBackground();

    return { port: grpc.port, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
