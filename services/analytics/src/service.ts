import { createLogger, EnvironmentClocks, startServiceRuntime, systemClock, type Clock, type Logger, type RunningService } from '@azotte/common';
import { analyticsV1 } from '@azotte/proto';
import type { AnalyticsConfig } from './config';
import type { Deps } from './domain/deps';
import { eventHandler } from './events/handler';
import { CONSUMED_PATTERNS } from './events/stored-event';
import { analyticsHandlers } from './grpc/handlers';
import { migrations } from './store/migrations';

export type RunningAnalyticsService = RunningService;

export interface StartOptions {
  logger?: Logger;
  /** Real time under every environment's clock (tests freeze it). */
  clock?: Clock;
}

/**
 * Starts the analytics service on the common runtime: migrates its schema,
 * consumes the events its projections are built from (keeping every one) and
 * answers reports over gRPC.
 */
export async function startAnalyticsService(config: AnalyticsConfig, options: StartOptions = {}): Promise<RunningAnalyticsService> {
  const logger = options.logger ?? createLogger('analytics', { level: config.LOG_LEVEL });
  return startServiceRuntime({
    service: 'analytics',
    config,
    schema: config.ANALYTICS_DB_SCHEMA,
    grpcPort: config.ANALYTICS_GRPC_PORT,
    migrations,
    logger,
    async setup({ db }) {
      const deps: Deps = { db: db.knex, clocks: new EnvironmentClocks(db.knex, options.clock ?? systemClock), logger };
      return {
        grpc: [{ definition: analyticsV1.AnalyticsServiceService, implementation: analyticsHandlers(deps, logger), name: 'azotte.analytics.v1.AnalyticsService' }],
        consume: { patterns: CONSUMED_PATTERNS, handler: eventHandler(deps) },
      };
    },
  });
}
