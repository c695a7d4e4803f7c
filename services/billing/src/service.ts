import { createLogger, EnvironmentClocks, startServiceRuntime, systemClock, type Clock, type Logger, type RunningService } from '@azotte/common';
import { billingV1 } from '@azotte/proto';
import type { BillingConfig } from './config';
import type { Deps } from './domain/deps';
import { billingEventHandler, CONSUMED_PATTERNS } from './events/consume';
import { billingHandlers } from './grpc/handlers';
import { CheckoutGate } from './operations/checkout-gate';
import { EntitlementCache } from './operations/entitlement-cache';
import type { PaymentProviderAdapter } from './providers/adapter';
import { ProviderRegistry } from './providers/registry';
import { SandboxProvider } from './providers/sandbox';
import { connectRemotes, remoteOf, type Remote } from './remote/clients';
import { startScheduler } from './scheduler/scheduler';
import { migrations } from './store/migrations';

export type RunningBillingService = RunningService & { deps: Deps };

export interface StartOptions {
  logger?: Logger;
  /** Real time (tests freeze it); business time adds each environment's offset. */
  clock?: Clock;
  /** Replaces the gRPC clients of the other services (tests). */
  remote?: Remote;
  adapters?: PaymentProviderAdapter[];
}

/**
 * Starts the billing service: migrates its schema, serves gRPC, relays its
 * outbox, consumes the events that invalidate its entitlement cache, and runs
 * its scheduler every BILLING_SCHEDULER_INTERVAL_MS.
 */
export async function startBillingService(config: BillingConfig, options: StartOptions = {}): Promise<RunningBillingService> {
  const logger = options.logger ?? createLogger('billing', { level: config.LOG_LEVEL });
  let deps: Deps | undefined;
  const running = await startServiceRuntime({
    service: 'billing',
    config,
    schema: config.BILLING_DB_SCHEMA,
    grpcPort: config.BILLING_GRPC_PORT,
    migrations,
    logger,
    async setup({ db, onStop }) {
      let remote = options.remote;
      if (!remote) {
        const clients = connectRemotes(
          { tenant: config.TENANT_GRPC_ADDR, catalog: config.CATALOG_GRPC_ADDR, customer: config.CUSTOMER_GRPC_ADDR, campaign: config.CAMPAIGN_GRPC_ADDR },
          config.GRPC_DEADLINE_MS,
        );
        onStop(async () => Object.values(clients).forEach((c) => c.close()));
        remote = remoteOf(clients);
      }
      const realClock = options.clock ?? systemClock;
      const entitlements = new EntitlementCache();
      const r = remote;
      deps = {
        db: db.knex,
        clocks: new EnvironmentClocks(db.knex, realClock),
        realClock,
        logger,
        providers: new ProviderRegistry((scope) => r.providerSettings(scope), options.adapters ?? [new SandboxProvider(db.knex)]),
        remote,
        entitlements,
        checkouts: CheckoutGate.forPool(config.DB_POOL_MAX),
      };
      const scheduler = startScheduler(deps, { intervalMs: config.BILLING_SCHEDULER_INTERVAL_MS, batchSize: config.BILLING_SCHEDULER_BATCH });
      onStop(() => scheduler.stop());
      return {
        grpc: [{ definition: billingV1.BillingServiceService, implementation: billingHandlers(deps, logger), name: 'azotte.billing.v1.BillingService' }],
        consume: { patterns: CONSUMED_PATTERNS, handler: billingEventHandler(entitlements) },
      };
    },
  });
  return { ...running, deps: deps! };
}
