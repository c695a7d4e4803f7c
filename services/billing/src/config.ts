import { baseConfigShape, grpcAddress, loadConfig, metricsConfigShape, port } from '@azotte/common';
import { z } from 'zod';

/** Every variable the billing service reads, with its default (README.md lists them too). */
export function billingConfigShape(env: NodeJS.ProcessEnv = process.env) {
  return {
    ...baseConfigShape(env),
    ...metricsConfigShape('billing', env),
    BILLING_GRPC_PORT: port(50054),
    /** The service's Postgres schema; tests pass a unique one. */
    BILLING_DB_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier')
      .default('billing'),
    TENANT_GRPC_ADDR: grpcAddress('127.0.0.1:50051'),
    CATALOG_GRPC_ADDR: grpcAddress('127.0.0.1:50052'),
    CUSTOMER_GRPC_ADDR: grpcAddress('127.0.0.1:50053'),
    CAMPAIGN_GRPC_ADDR: grpcAddress('127.0.0.1:50055'),
    /** Deadline of every gRPC call billing makes to another service. */
    GRPC_DEADLINE_MS: z.coerce.number().int().min(50).default(5_000),
    AMQP_QUEUE_PREFIX: z.string().default(''),
    /** How often the scheduler looks for due renewals, retries and expiries; 0 turns it off. */
    BILLING_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(0).default(1_000),
    /** Subscriptions the scheduler takes per batch. */
    BILLING_SCHEDULER_BATCH: z.coerce.number().int().min(1).max(10_000).default(200),
  };
}

/** Reads and checks the configuration once; throws a ConfigError naming every bad variable. */
export function loadBillingConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(billingConfigShape(env), env);
}

export type BillingConfig = ReturnType<typeof loadBillingConfig>;
