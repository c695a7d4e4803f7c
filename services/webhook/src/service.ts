import {
  createGrpcClient,
  createLogger,
  createSecretBox,
  EnvironmentClocks,
  startServiceRuntime,
  systemClock,
  type Clock,
  type Logger,
  type RunningService,
} from '@azotte/common';
import { tenantV1, webhookV1 } from '@azotte/proto';
import type { WebhookConfig } from './config';
import { Dispatcher } from './delivery/dispatcher';
import { webhookMetrics } from './delivery/metrics';
import { systemResolver, type Resolver } from './delivery/resolver';
import type { Deps } from './domain/deps';
import { EnvironmentNames } from './domain/environment-names';
import { purgeExpiredEvents } from './domain/purge';
import { sendDueTrialReminders } from './domain/trial-reminders';
import { CONSUMED_PATTERNS, eventHandler } from './events/handler';
import { webhookHandlers } from './grpc/handlers';
import { migrations } from './store/migrations';

export interface RunningWebhookService extends RunningService {
  /** Runs a pass of the trial reminders now (tests; the timer does it otherwise). */
  sendDueTrialReminders(): Promise<number>;
  purgeExpiredEvents(): Promise<number>;
}

export interface StartOptions {
  logger?: Logger;
  /** Real time (retries, leases, rotation, disabling, retention) and under every environment's clock; tests inject their own. */
  clock?: Clock;
  /** Name resolution for the address rules; tests inject their own. */
  resolve?: Resolver;
}

const PURGE_EVERY_MS = 3_600_000;

/**
 * Starts the webhook service on the common runtime: migrates its schema,
 * serves gRPC, consumes the events that make public events (and environment
 * names and test-clock moves), runs the delivery workers, and a timer for the
 * trial reminders and the 30-day purge.
 */
export async function startWebhookService(config: WebhookConfig, options: StartOptions = {}): Promise<RunningWebhookService> {
  const logger = options.logger ?? createLogger('webhook', { level: config.LOG_LEVEL });
  let deps: Deps | undefined;
  let dispatcher: Dispatcher | undefined;
  const running = await startServiceRuntime({
    service: 'webhook',
    config,
    schema: config.WEBHOOK_DB_SCHEMA,
    grpcPort: config.WEBHOOK_GRPC_PORT,
    migrations,
    logger,
    async setup({ db, registry, onStop }) {
      const tenants = createGrpcClient(tenantV1.TenantServiceService, config.TENANT_GRPC_ADDR, { name: 'tenant', deadlineMs: config.GRPC_DEADLINE_MS, registry });
      onStop(async () => tenants.close());
      const clock = options.clock ?? systemClock;
      deps = {
        db: db.knex,
        logger,
        clock,
        clocks: new EnvironmentClocks(db.knex, clock),
        secrets: createSecretBox(config.WEBHOOK_SECRETS_KEY, 'WEBHOOK_SECRETS_KEY'),
        policy: { allowPrivateNetworks: config.WEBHOOK_ALLOW_PRIVATE_NETWORKS },
        resolve: options.resolve ?? systemResolver,
        environments: new EnvironmentNames(tenants),
        schedule: config.WEBHOOK_RETRY_SCHEDULE,
        timeoutMs: config.WEBHOOK_TIMEOUT_MS,
        metrics: webhookMetrics(registry, db.knex, clock),
      };
      const ready = deps;
      dispatcher = new Dispatcher(ready, {
        databaseUrl: config.DATABASE_URL,
        schema: config.WEBHOOK_DB_SCHEMA,
        concurrency: config.WEBHOOK_CONCURRENCY,
        perEndpoint: config.WEBHOOK_ENDPOINT_CONCURRENCY,
        pollMs: config.WEBHOOK_POLL_MS,
      });
      await dispatcher.start();
      const workers = dispatcher;
      onStop(() => workers.stop());
      const scheduler = startScheduler(ready, config.WEBHOOK_SCHEDULER_INTERVAL_MS);
      onStop(async () => scheduler.stop());
      return {
        grpc: [{ definition: webhookV1.WebhookServiceService, implementation: webhookHandlers(ready, logger), name: 'azotte.webhook.v1.WebhookService' }],
        consume: { patterns: CONSUMED_PATTERNS, handler: eventHandler(ready, { onClockAdvanced: () => scheduler.kick() }) },
      };
    },
  });
  const ready = deps!;
  return {
    ...running,
    sendDueTrialReminders: () => sendDueTrialReminders(ready),
    purgeExpiredEvents: () => purgeExpiredEvents(ready),
  };
}

/** The trial reminders every `intervalMs` (and at once after a test-clock move); the purge hourly. */
function startScheduler(deps: Deps, intervalMs: number) {
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> | undefined;
  let lastPurge = 0;
  let stopped = false;
  const run = async () => {
    while ((await sendDueTrialReminders(deps)) > 0);
    if (Date.now() - lastPurge >= PURGE_EVERY_MS) {
      lastPurge = Date.now();
      const purged = await purgeExpiredEvents(deps);
      if (purged > 0) deps.logger.info({ purged }, 'public events older than 30 days purged');
    }
  };
  const kick = () => {
    if (stopped || intervalMs === 0 || pass) return;
    pass = run()
      .catch((err) => deps.logger.warn({ err }, 'webhook scheduler pass failed; tried again later'))
      .finally(() => {
        pass = undefined;
      });
  };
  if (intervalMs > 0) {
    timer = setInterval(kick, intervalMs);
    timer.unref();
  }
  return {
    kick,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await pass;
    },
  };
}
