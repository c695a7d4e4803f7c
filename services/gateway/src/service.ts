import {
  createLogger,
  createMetricsRegistry,
  httpServerMetrics,
  openDatabase,
  registerPoolMetrics,
  startMetricsExport,
  startMetricsServer,
  type Database,
  type Logger,
} from '@azotte/common';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from './app';
import { closeClients, createClients, type ServiceAddresses } from './clients';
import type { GatewayConfig } from './config';
import { PrincipalCache } from './auth/principal-cache';
import { RevocationListener } from './auth/revocation-listener';
import { openLimitStore } from './limits/open-limit-store';
import { UsageCounter } from './middleware/usage-counter';
import { IdempotencyStore } from './store/idempotency';
import { migrations } from './store/migrations';
import { RateLimitCounters } from './store/rate-limits';
import { RevokedTokenStore } from './store/revoked-tokens';

const HOUSEKEEPING_MS = 10 * 60_000;

/**
 * Deletes what has expired: idempotency records past 24 hours, revocations of tokens that
 * expired anyway, and, when the counters are in Postgres, rate-limit windows that have ended.
 */
function startHousekeeping(db: Database, logger: Logger, countersInPostgres: boolean): NodeJS.Timeout {
  const stores = [new IdempotencyStore(db.knex), new RevokedTokenStore(db.knex), ...(countersInPostgres ? [new RateLimitCounters(db.knex)] : [])];
  const timer = setInterval(() => {
    for (const store of stores) store.purgeExpired().catch((err) => logger.warn({ err }, 'housekeeping failed; tried again later'));
  }, HOUSEKEEPING_MS);
  timer.unref();
  return timer;
}

export interface RunningGateway {
  port: number;
  /** The Prometheus port (`GET /metrics`), apart from the public one. */
  metricsPort: number;
  url: string;
  stop(): Promise<void>;
}

/** Starts the gateway: its idempotency schema, its gRPC clients, and the HTTP server. */
export async function startGateway(config: GatewayConfig, options: { logger?: Logger } = {}): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger('gateway', { level: config.LOG_LEVEL });
  if (!config.JWT_SECRET) logger.warn('JWT_SECRET is not set: tokens are signed with a key made up for this process');
  const db = await openDatabase({ url: config.DATABASE_URL, schema: config.GATEWAY_DB_SCHEMA, migrations, logger, poolMax: config.DB_POOL_MAX });
  await db.migrate();
  const registry = createMetricsRegistry();
  registerPoolMetrics(registry, db.knex, config.GATEWAY_DB_SCHEMA);
  const metrics = await startMetricsServer({ registry, port: config.GATEWAY_METRICS_PORT, logger });
  const exported = startMetricsExport({ registry, service: 'gateway', logger });
  const addresses: ServiceAddresses = {
    tenant: config.TENANT_GRPC_ADDR,
    catalog: config.CATALOG_GRPC_ADDR,
    customer: config.CUSTOMER_GRPC_ADDR,
    billing: config.BILLING_GRPC_ADDR,
    campaign: config.CAMPAIGN_GRPC_ADDR,
    analytics: config.ANALYTICS_GRPC_ADDR,
    webhook: config.WEBHOOK_GRPC_ADDR,
  };
  const clients = createClients(addresses, config.GRPC_DEADLINE_MS, registry);
  const usage = new UsageCounter(clients, logger);
  usage.start();
  const principals = new PrincipalCache(config.AUTH_CACHE_TTL_MS);
  const revocations = new RevocationListener(config.AMQP_URL, config.AMQP_EXCHANGE, principals, logger);
  if (config.AUTH_CACHE_TTL_MS > 0) await revocations.start();
  const limits = await openLimitStore(config, db, logger);
  const app = buildApp({ config, logger, db, clients, addresses, usage, principals, limits: limits.store, httpMetrics: httpServerMetrics(registry) });
  const housekeeping = startHousekeeping(db, logger, limits.store.kind === 'postgres');

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.GATEWAY_PORT, config.GATEWAY_HOST, () => resolve(s));
  });
  server.keepAliveTimeout = 65_000;
  const port = (server.address() as AddressInfo).port;
  logger.info({ port }, 'gateway listening');

  return {
    port,
    metricsPort: metrics.port,
    url: `http://127.0.0.1:${port}/api/v1`,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      clearInterval(housekeeping);
      await usage.stop();
      await revocations.stop();
      await limits.close();
      closeClients(clients);
      await db.close();
      await exported?.stop();
      await metrics.stop();
    },
  };
}
