import type { ServiceDefinition, UntypedServiceImplementation } from '@grpc/grpc-js';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { BusConnection } from '../bus/connection';
import { EventConsumer, type EventHandler } from '../bus/consumer';
import { inboxMigration } from '../bus/inbox';
import { outboxMigration } from '../bus/outbox';
import { Publisher } from '../bus/publisher';
import { OutboxRelay } from '../bus/relay';
import { openDatabase, type Database, type Migration } from '../db/database';
import { startGrpcServer } from '../grpc/server';
import { busMetrics } from '../metrics/bus';
import { metricsPortOf } from '../metrics/config';
import { registerOutboxMetrics, registerPoolMetrics } from '../metrics/database';
import { registerQueueMetrics } from '../metrics/queue';
import { createMetricsRegistry } from '../metrics/registry';
import { rpcServerMetrics } from '../metrics/rpc';
import { startMetricsServer } from '../metrics/server';
import { startMetricsExport } from '../telemetry/metrics-export';

/** The shared part of every service's configuration that the runtime reads. */
export interface RuntimeConfig {
  NODE_ENV?: string;
  DATABASE_URL: string;
  AMQP_URL: string;
  AMQP_EXCHANGE: string;
  AMQP_QUEUE_PREFIX?: string;
  DB_POOL_MAX?: number;
}

export interface GrpcRegistration {
  definition: ServiceDefinition;
  implementation: UntypedServiceImplementation;
  /** The fully qualified service name, reported by the health service. */
  name: string;
}

/** What a service contributes once its database is ready. */
export interface ServiceParts {
  grpc: GrpcRegistration[];
  /** Events the service reacts to, on its own queue `<prefix><service>.events`. */
  consume?: { patterns: string[]; handler: EventHandler };
}

export interface RuntimeOptions {
  /** The service's name: its queue, its connection name, the `appId` of its events. */
  service: string;
  config: RuntimeConfig;
  schema: string;
  grpcPort: number;
  /**
   * The Prometheus port (0: a free one). Unset, the runtime reads
   * `<SERVICE>_METRICS_PORT` from the configuration, or from the environment
   * when the service's config shape does not name it (see metricsConfigShape).
   */
  metricsPort?: number;
  /** The service's own migrations; the outbox and inbox come first. */
  migrations: Migration[];
  logger: Logger;
  /** Where the OTEL_* variables are read (OTLP metrics export); process.env unless given. */
  env?: NodeJS.ProcessEnv;
  /**
   * Runs after migrating and before serving: builds the service's
   * dependencies, bootstraps data, and names its gRPC services and consumer.
   * `onStop` registers a closer for anything it opened. `registry` is the
   * service's metrics registry: its own instruments go there, and its gRPC
   * clients take it (`createGrpcClient(…, { registry })`) to time their calls.
   */
  setup(ctx: { db: Database; registry: Registry; onStop(close: () => Promise<unknown>): void }): Promise<ServiceParts>;
}

/** A service's full migration list: the outbox and inbox first, then its own. */
export const serviceMigrations = (own: Migration[]): Migration[] => [outboxMigration, inboxMigration, ...own];

export interface RunningService {
  /** The gRPC port actually bound (port 0 picks a free one). */
  port: number;
  /** The metrics port actually bound: `GET /metrics` there. */
  metricsPort: number;
  db: Database;
  /** Stops taking work and closes every connection, last opened first. */
  stop(): Promise<void>;
}

/**
 * Starts a service the way every Azotte service runs: its schema migrated,
 * gRPC served at once with health per dependency, the outbox relayed to the
 * bus and, if it consumes, its queue consumed through the inbox. The bus
 * connects in the background: while RabbitMQ is away the service still
 * answers, and the outbox keeps its events until the broker is back.
 */
export async function startServiceRuntime(options: RuntimeOptions): Promise<RunningService> {
  const { service, config, schema, logger } = options;
  // Read before anything opens, so a bad value fails the start at once.
  const metricsPort = options.metricsPort ?? metricsPortOf(service, config);
  const db = await openDatabase({
    url: config.DATABASE_URL,
    schema,
    migrations: serviceMigrations(options.migrations),
    logger,
    poolMax: config.DB_POOL_MAX,
  });
  const stops: Array<() => Promise<unknown>> = [() => db.close()];
  const stop = async () => {
    for (const close of stops.splice(0).reverse()) {
      await close().catch((err: unknown) => logger.warn({ err }, 'error while stopping'));
    }
  };

  try {
    const registry = createMetricsRegistry();
    registerPoolMetrics(registry, db.knex, schema);
    registerOutboxMetrics(registry, db.knex);
    const busCounters = busMetrics(registry);
    // Up first and down last: a scrape sees the service starting and stopping too.
    const metricsServer = await startMetricsServer({ registry, port: metricsPort, logger });
    stops.push(() => metricsServer.stop());
    const exported = startMetricsExport({ registry, service, logger, env: options.env });
    if (exported) stops.push(() => exported.stop());

    await db.migrate();
    const parts = await options.setup({ db, registry, onStop: (close) => stops.push(close) });

    const bus = new BusConnection({ url: config.AMQP_URL, name: service, logger });
    stops.push(() => bus.close());
    // Setups run in order on every (re)connection: the consumer's queue is bound before our
    // own events go out, so a service that listens to itself never misses its first events.
    const consumer = parts.consume
      ? new EventConsumer({
          bus,
          knex: db.knex,
          exchange: config.AMQP_EXCHANGE,
          service,
          queuePrefix: config.AMQP_QUEUE_PREFIX,
          patterns: parts.consume.patterns,
          handler: parts.consume.handler,
          logger,
          metrics: busCounters,
        })
      : undefined;
    if (consumer) registerQueueMetrics(registry, bus, consumer.names);
    await consumer?.start();
    const publisher = new Publisher(bus, config.AMQP_EXCHANGE, logger);
    await publisher.start();
    const relay = new OutboxRelay({ knex: db.knex, databaseUrl: config.DATABASE_URL, schema, publisher, source: service, logger, metrics: busCounters });
    // Whatever piled up while the broker was away goes out as soon as it is back.
    await bus.use(async () => relay.kick());

    const grpc = await startGrpcServer({
      logger,
      port: options.grpcPort,
      services: parts.grpc,
      dependencies: { postgres: db.ping, rabbitmq: () => bus.connected },
      metrics: rpcServerMetrics(registry),
    });
    stops.push(() => grpc.stop());
    // Readiness follows the broker at once, not at the next periodic check.
    bus.onChange(() => void grpc.refreshHealth());
    await relay.start();
    stops.push(() => relay.stop());
    if (consumer) stops.push(() => consumer.stop());
    bus.startInBackground();

    return { port: grpc.port, metricsPort: metricsServer.port, db, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
