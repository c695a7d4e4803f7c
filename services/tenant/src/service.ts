import { createLogger, startServiceRuntime, SYSTEM_ACTOR, systemClock, type Clock, type Logger, type RunningService } from '@azotte/common';
import { tenantV1 } from '@azotte/proto';
import type { TenantConfig } from './config';
import type { Deps } from './domain/deps';
import { ensurePlatformAdmin } from './domain/ensure-platform-admin';
import { dummyHash } from './domain/passwords';
import { createSecretBox } from './domain/secrets';
import { handleEvent } from './events/handler';
import { tenantHandlers } from './grpc/handlers';
import { migrations } from './store/migrations';

export type RunningTenantService = RunningService;

export interface StartOptions {
  logger?: Logger;
  clock?: Clock;
}

/**
 * Starts the tenant service on the common runtime: migrates its schema,
 * makes sure the platform administrator exists, serves gRPC, and builds the
 * audit log and usage figures from every event on the bus.
 */
export async function startTenantService(config: TenantConfig, options: StartOptions = {}): Promise<RunningTenantService> {
  const logger = options.logger ?? createLogger('tenant', { level: config.LOG_LEVEL });
  return startServiceRuntime({
    service: 'tenant',
    config,
    schema: config.TENANT_DB_SCHEMA,
    grpcPort: config.TENANT_GRPC_PORT,
    migrations,
    logger,
    async setup({ db }) {
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
      return {
        grpc: [
          {
            definition: tenantV1.TenantServiceService,
            implementation: tenantHandlers(deps, logger),
            name: 'azotte.tenant.v1.TenantService',
          },
        ],
        // The audit log and the usage figures are built from every event on the bus.
        consume: { patterns: ['#'], handler: handleEvent },
      };
    },
  });
}
