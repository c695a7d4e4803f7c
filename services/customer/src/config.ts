import { baseConfigShape, grpcAddress, loadConfig, metricsConfigShape, port } from '@azotte/common';
import { z } from 'zod';

/** Every variable the customer service reads, with its default (README.md lists them too). */
export function customerConfigShape(env: NodeJS.ProcessEnv = process.env) {
  return {
    ...baseConfigShape(env),
    ...metricsConfigShape('customer', env),
    CUSTOMER_GRPC_PORT: port(50053),
    /** The service's Postgres schema; tests pass a unique one. */
    CUSTOMER_DB_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier')
      .default('customer'),
    /** The tenant service, asked whether a storefront exists in the caller's scope. */
    TENANT_GRPC_ADDR: grpcAddress('127.0.0.1:50051'),
    /** Prefixes the service's queue names (it consumes no events yet); tests pass a unique one. */
    AMQP_QUEUE_PREFIX: z.string().default(''),
  };
}

/** Reads and checks the configuration once; throws a ConfigError naming every bad variable. */
export function loadCustomerConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(customerConfigShape(env), env);
}

export type CustomerConfig = ReturnType<typeof loadCustomerConfig>;
