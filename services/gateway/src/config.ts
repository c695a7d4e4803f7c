import { baseConfigShape, ConfigError, grpcAddress, loadConfig, metricsConfigShape, port } from '@azotte/common';
import path from 'node:path';
import { z } from 'zod';

/** The gateway's configuration, read once at start (README lists every variable). */
export function gatewayConfigShape(env: NodeJS.ProcessEnv = process.env) {
  return {
    ...baseConfigShape(env),
    ...metricsConfigShape('gateway', env),
    GATEWAY_PORT: port(8080),
    GATEWAY_HOST: z.string().default('0.0.0.0'),
    /** Signs access tokens (HS256). Without it, a development process makes up its own. */
    JWT_SECRET: env.NODE_ENV === 'production' ? z.string().min(32) : z.string().min(32).optional(),
    JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
    /** How long a portal session (the cookie set at sign-in) lasts. */
    SESSION_TTL_SECONDS: z.coerce.number().int().min(60).max(30 * 86_400).default(12 * 3600),
    /**
     * Origins besides the gateway's own whose cookie-signed writes are accepted
     * (comma-separated), e.g. the portal's Vite dev server.
     */
    TRUSTED_ORIGINS: z
      .string()
      .default('')
      .transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean)),
    /** The portal's built files; empty serves no portal. Default: services/portal/dist. */
    PORTAL_DIR: z.string().default(path.resolve(__dirname, '../../portal/dist')),
    TENANT_GRPC_ADDR: grpcAddress('127.0.0.1:50051'),
    CATALOG_GRPC_ADDR: grpcAddress('127.0.0.1:50052'),
    CUSTOMER_GRPC_ADDR: grpcAddress('127.0.0.1:50053'),
    BILLING_GRPC_ADDR: grpcAddress('127.0.0.1:50054'),
    CAMPAIGN_GRPC_ADDR: grpcAddress('127.0.0.1:50055'),
    ANALYTICS_GRPC_ADDR: grpcAddress('127.0.0.1:50056'),
    WEBHOOK_GRPC_ADDR: grpcAddress('127.0.0.1:50057'),
    /** How long an authenticated principal is reused; 0 asks the tenant service on every request. */
    AUTH_CACHE_TTL_MS: z.coerce.number().int().min(0).default(30_000),
    GRPC_DEADLINE_MS: z.coerce.number().int().min(50).default(5_000),
    /** The deadline of each of the dashboard's sources: one that misses it is named in `degraded`, the rest still answer. */
    DASHBOARD_DEADLINE_MS: z.coerce.number().int().min(1).default(2_000),
    /**
     * How long an Idempotency-Key's request may be in flight before its record counts as left by
     * a gateway that crashed, and a retry runs it again (billing still charges such a retry once).
     */
    IDEMPOTENCY_IN_FLIGHT_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(120_000),
    /** How long one environment's dashboard answer serves the same question again (0: never). */
    DASHBOARD_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
    /** Requests per minute per credential. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(6_000),
    /** A Redis server for the rate limits' counters (redis://host:6379); unset, they live in Postgres. */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
      .optional(),
    /**
     * Where the rate limits and the login throttle count: `redis` (REDIS_URL) or `postgres`
     * (the gateway's schema) are shared by every replica; `memory` counts in the process.
     */
    RATE_LIMIT_STORE: z.enum(['postgres', 'redis', 'memory']).default(env.REDIS_URL ? 'redis' : 'postgres'),
    /** Failed logins for one email from one address before it is locked for LOGIN_LOCK_SECONDS. */
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
    LOGIN_LOCK_SECONDS: z.coerce.number().int().min(1).default(900),
    BODY_LIMIT: z.string().default('100kb'),
    /** Requests per minute of one hosted page's session (checkout, customer portal). */
    HOSTED_RATE_LIMIT_PER_SESSION: z.coerce.number().int().min(1).default(120),
    /** Requests per minute to the hosted pages' API from one client address. */
    HOSTED_RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(600),
    /**
     * The gateway's public address, for the hosted pages' links (`url` of a checkout session).
     * Empty: the address the request came to (its Host header).
     */
    PUBLIC_URL: z
      .string()
      .default('')
      .refine((s) => s === '' || /^https?:\/\/[^/]+$/.test(s), 'must be an origin such as https://pay.example.com, without a path'),
    /** The gateway's own schema: idempotency records only, no business data. */
    GATEWAY_DB_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).default('gateway'),
  };
}

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env) {
  const config = loadConfig(gatewayConfigShape(env), env);
  if (config.RATE_LIMIT_STORE === 'redis' && !config.REDIS_URL) {
    throw new ConfigError(['RATE_LIMIT_STORE: redis needs REDIS_URL']);
  }
  return config;
}
