import { type Clock, createGrpcClient, createLogger, type Logger, type RunningService, startServiceRuntime, systemClock, tenantStorefronts } from '@azotte/common';
import { customerV1, tenantV1 } from '@azotte/proto';
import type { CustomerConfig } from './config';
import type { Deps } from './domain/deps';
import type { Storefronts } from './domain/storefronts';
import { customerHandlers } from './grpc/handlers';
import { migrations } from './store/migrations';

export type RunningCustomerService = RunningService;

export interface StartOptions {
  logger?: Logger;
  clock?: Clock;
  /** Replaces the tenant service's storefront directory (unit-level tests). */
  storefronts?: Storefronts;
}

/**
 * Starts the customer service: migrates its schema and serves gRPC at once.
 * The bus connects in the background: while RabbitMQ is away the service
 * still answers, and the outbox keeps its events until the broker is back.
 * The service publishes and, for now, consumes nothing.
 */
export async function startCustomerService(
  config: CustomerConfig,
  options: StartOptions = {},
): Promise<RunningCustomerService> {
  const logger = options.logger ?? createLogger('customer', { level: config.LOG_LEVEL });
  return startServiceRuntime({
    service: 'customer',
    config,
    schema: config.CUSTOMER_DB_SCHEMA,
    grpcPort: config.CUSTOMER_GRPC_PORT,
    migrations,
    logger,
    async setup({ db, registry, onStop }) {
      const tenant = createGrpcClient(tenantV1.TenantServiceService, config.TENANT_GRPC_ADDR, { name: 'tenant', registry });
      onStop(async () => tenant.close());
      const deps: Deps = {
        db: db.knex,
        clock: options.clock ?? systemClock,
        logger,
        storefronts: options.storefronts ?? tenantStorefronts(tenant),
      };
      return {
        grpc: [
          {
            definition: customerV1.CustomerServiceService,
            implementation: customerHandlers(deps, logger),
            name: 'azotte.customer.v1.CustomerService',
          },
        ],
      };
    },
  });
}
