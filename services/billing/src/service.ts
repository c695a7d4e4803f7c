import { createLogger, EnvironmentClocks, openDatabase, startServiceRuntime, systemClock, type Clock, type Logger, type RunningService } from '@azotte/common';
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
import { billingMetrics } from './scheduler/metrics';
import { startScheduler } from './scheduler/scheduler';
import { migrations } from './store/migrations';

/** Connections of the sandbox provider's own pool. */
const SANDBOX_POOL_MAX = 4;

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
    async setup({ db, registry, onStop }) {
      /**
       * The sandbox provider's records, on connections of their own as a real provider's are
       * elsewhere: a charge runs inside the caller's transaction, so taking its statement from
       * the service's pool would make every transaction in flight wait for a second connection
       * (with as many creates in flight as the pool has connections, none would get one).
       */
      const sandboxDatabase = async () => {
        const own = await openDatabase({ url: config.DATABASE_URL, schema: db.schema, migrations: [], logger, poolMax: SANDBOX_POOL_MAX });
        onStop(() => own.close());
        return own.knex;
      };
      let remote = options.remote;
      if (!remote) {
        const clients = connectRemotes(
          { tenant: config.TENANT_GRPC_ADDR, catalog: config.CATALOG_GRPC_ADDR, customer: config.CUSTOMER_GRPC_ADDR, campaign: config.CAMPAIGN_GRPC_ADDR },
          config.GRPC_DEADLINE_MS,
          registry,
        );
        onStop(async () => Object.values(clients).forEach((c) => c.close()));
        remote = remoteOf(clients);
      }
      const adapters = options.adapters ?? [new SandboxProvider(await sandboxDatabase())];
      const realClock = options.clock ?? systemClock;
      const entitlements = new EntitlementCache();
      const r = remote;
      deps = {
        db: db.knex,
        clocks: new EnvironmentClocks(db.knex, realClock),
        realClock,
        logger,
        providers: new ProviderRegistry((scope) => r.providerSettings(scope), adapters),
        remote,
        entitlements,
        checkouts: CheckoutGate.forPool(config.DB_POOL_MAX),
        metrics: billingMetrics(registry, db.knex, realClock),
      };
      const scheduler = startScheduler(deps, { intervalMs: config.BILLING_SCHEDULER_INTERVAL_MS, batchSize: config.BILLING_SCHEDULER_BATCH });
      onStop(() => scheduler.stop());
      return {
        grpc: [{ definition: billingV1.BillingServiceService, implementation: billingHandlers(deps, logger, config.BILLING_SCHEDULER_BATCH), name: 'azotte.billing.v1.BillingService' }],
        consume: { patterns: CONSUMED_PATTERNS, handler: billingEventHandler(entitlements) },
      };
    },
  });
  return { ...running, deps: deps! };
}
