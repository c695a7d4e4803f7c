import { baseConfigShape, loadConfig, metricsConfigShape, port } from '@azotte/common';
import { z } from 'zod';

/** Every variable the analytics service reads, with its default (README.md lists them too). */
export function analyticsConfigShape(env: NodeJS.ProcessEnv = process.env) {
  return {
    ...baseConfigShape(env),
    ...metricsConfigShape('analytics', env),
    ANALYTICS_GRPC_PORT: port(50056),
    /** The service's Postgres schema; tests pass a unique one. */
    ANALYTICS_DB_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier')
      .default('analytics'),
    /** Prefixes the service's queue names; tests pass a unique one. */
    AMQP_QUEUE_PREFIX: z.string().default(''),
  };
}

/** Reads and checks the configuration once; throws a ConfigError naming every bad variable. */
export function loadAnalyticsConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(analyticsConfigShape(env), env);
}

export type AnalyticsConfig = ReturnType<typeof loadAnalyticsConfig>;
