import { type Clock, createLogger, type Logger, type RunningService, startServiceRuntime, systemClock, tenantStorefronts } from '@azotte/common';
import { catalogV1 } from '@azotte/proto';
import type { CatalogConfig } from './config';
import type { Deps } from './domain/deps';
import { catalogHandlers } from './grpc/handlers';
import { connectTenant } from './grpc/tenant-storefronts';
import { migrations } from './store/migrations';

export type RunningCatalogService = RunningService;

export interface StartOptions {
  logger?: Logger;
  clock?: Clock;
}

/**
 * Starts the catalog service: migrates its schema and serves gRPC at once.
 * It publishes events (the outbox, relayed to the bus) and consumes none, so
 * it has no queue of its own. The bus connects in the background: while
 * RabbitMQ is away the service still answers, and the outbox keeps its events
 * until the broker is back.
 */
export async function startCatalogService(config: CatalogConfig, options: StartOptions = {}): Promise<RunningCatalogService> {
  const logger = options.logger ?? createLogger('catalog', { level: config.LOG_LEVEL });
  return startServiceRuntime({
    service: 'catalog',
    config,
    schema: config.CATALOG_DB_SCHEMA,
    grpcPort: config.CATALOG_GRPC_PORT,
    migrations,
    logger,
    async setup({ db, registry, onStop }) {
      const tenant = connectTenant(config.TENANT_GRPC_ADDR, config.GRPC_DEADLINE_MS, registry);
      onStop(async () => tenant.close());
      const deps: Deps = {
        db: db.knex,
        clock: options.clock ?? systemClock,
        logger,
        storefronts: tenantStorefronts(tenant),
      };
      return {
        grpc: [
          {
            definition: catalogV1.CatalogServiceService,
            implementation: catalogHandlers(deps, logger),
            name: 'azotte.catalog.v1.CatalogService',
          },
        ],
      };
    },
  });
}
