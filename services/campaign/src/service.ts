import { createLogger, EnvironmentClocks, startServiceRuntime, systemClock, type Clock, type Logger, type RunningService } from '@azotte/common';
import { campaignV1 } from '@azotte/proto';
import type { CampaignConfig } from './config';
import type { Deps } from './domain/deps';
import type { FactsSource } from './domain/facts';
import { CONSUMED_PATTERNS, eventHandler } from './events/handler';
import { connectCatalog, connectCustomer, grpcFacts } from './grpc/facts-source';
import { campaignHandlers } from './grpc/handlers';
import { migrations } from './store/migrations';

export type RunningCampaignService = RunningService;

export interface StartOptions {
  logger?: Logger;
  /** Real time under every environment's clock (tests freeze it). */
  clock?: Clock;
  /** Replaces the customer and catalog services as the source of checkout facts (unit-level tests). */
  facts?: FactsSource;
}

/**
 * Starts the campaign service on the common runtime: migrates its schema,
 * serves gRPC, publishes through the outbox, and consumes billing's
 * subscription events (to settle redemptions and know who is a new customer)
 * and test-clock moves (to keep its copy of each sandbox's business time).
 */
export async function startCampaignService(config: CampaignConfig, options: StartOptions = {}): Promise<RunningCampaignService> {
  const logger = options.logger ?? createLogger('campaign', { level: config.LOG_LEVEL });
  return startServiceRuntime({
    service: 'campaign',
    config,
    schema: config.CAMPAIGN_DB_SCHEMA,
    grpcPort: config.CAMPAIGN_GRPC_PORT,
    migrations,
    logger,
    async setup({ db, registry, onStop }) {
      const customers = connectCustomer(config.CUSTOMER_GRPC_ADDR, config.GRPC_DEADLINE_MS, registry);
      const catalog = connectCatalog(config.CATALOG_GRPC_ADDR, config.GRPC_DEADLINE_MS, registry);
      onStop(async () => {
        customers.close();
        catalog.close();
      });
      const deps: Deps = {
        db: db.knex,
        clocks: new EnvironmentClocks(db.knex, options.clock ?? systemClock),
        logger,
        facts: options.facts ?? grpcFacts(customers, catalog),
      };
      return {
        grpc: [
          {
            definition: campaignV1.CampaignServiceService,
            implementation: campaignHandlers(deps, logger),
            name: 'azotte.campaign.v1.CampaignService',
          },
        ],
        consume: { patterns: CONSUMED_PATTERNS, handler: eventHandler(deps) },
      };
    },
  });
}
