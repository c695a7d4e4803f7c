import { baseConfigShape, grpcAddress, loadConfig, metricsConfigShape, port } from '@azotte/common';
import { z } from 'zod';
import { parseRetrySchedule } from './domain/retry-schedule';

/**
 * A development-only key for the endpoints' signing secrets at rest. Production must set
 * WEBHOOK_SECRETS_KEY: NODE_ENV=production makes it required.
 */
export const DEV_WEBHOOK_SECRETS_KEY = 'ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100';

const secretsKey = (env: NodeJS.ProcessEnv) => {
  // 64 hex characters = 32 bytes, the AES-256-GCM key size.
  const key = z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (a 32-byte key)');
  return env.NODE_ENV === 'production' ? key : key.default(DEV_WEBHOOK_SECRETS_KEY);
};

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true');

const schedule = z
  .string()
  .default('5s,5m,30m,2h,5h,10h,10h')
  .transform((s, ctx) => {
    try {
      return parseRetrySchedule(s);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
      return z.NEVER;
    }
  });

/** Every variable the webhook service reads, with its default (README.md lists them too). */
export function webhookConfigShape(env: NodeJS.ProcessEnv = process.env) {
  return {
    ...baseConfigShape(env),
    ...metricsConfigShape('webhook', env),
    WEBHOOK_GRPC_PORT: port(50057),
    /** The service's Postgres schema; tests pass a unique one. */
    WEBHOOK_DB_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier')
      .default('webhook'),
    /** AES-256-GCM key of the endpoints' signing secrets at rest. */
    WEBHOOK_SECRETS_KEY: secretsKey(env),
    /** A delivery is a success when a 2xx arrives within this many milliseconds. */
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    /** Delays before each retry after a failed attempt (`100ms`, `5s`, `5m`, `2h`, `1d`); then `failed`. */
    WEBHOOK_RETRY_SCHEDULE: schedule,
    /**
     * Whether endpoints may be http and private or loopback addresses. Off in production: https
     * and public addresses only, checked at save and on every delivery against the address connected to.
     */
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: flag(env.NODE_ENV !== 'production'),
    /** Deliveries in flight at once in one process. */
    WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(10_000).default(64),
    /** Deliveries in flight at once to one endpoint from one process: a slow endpoint holds no more. */
    WEBHOOK_ENDPOINT_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(8),
    /** How often due retries are looked for besides the wake-up of new deliveries. */
    WEBHOOK_POLL_MS: z.coerce.number().int().min(10).default(500),
    /** How often trial reminders and the 30-day purge run (0: off). */
    WEBHOOK_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(0).default(1_000),
    /** The tenant service, asked for an environment's name it has not heard of on the bus. */
    TENANT_GRPC_ADDR: grpcAddress('127.0.0.1:50051'),
    GRPC_DEADLINE_MS: z.coerce.number().int().min(50).default(5_000),
    /** Prefixes the service's queue names; tests pass a unique one. */
    AMQP_QUEUE_PREFIX: z.string().default(''),
  };
}

/** Reads and checks the configuration once; throws a ConfigError naming every bad variable. */
export function loadWebhookConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(webhookConfigShape(env), env);
}

export type WebhookConfig = ReturnType<typeof loadWebhookConfig>;
