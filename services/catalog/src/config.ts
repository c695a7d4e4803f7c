import { baseConfigShape, grpcAddress, loadConfig, metricsConfigShape, port } from '@azotte/common';
import { z } from 'zod';

/** Every variable the catalog service reads, with its default (README.md lists them too). */
export function catalogConfigShape(env: NodeJS.ProcessEnv = process.env) {
  return {
    ...baseConfigShape(env),
    ...metricsConfigShape('catalog', env),
    CATALOG_GRPC_PORT: port(50052),
    /** The service's Postgres schema; tests pass a unique one. */
    CATALOG_DB_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier')
      .default('catalog'),
    /** The tenant service, asked whether the storefronts a price is restricted to exist. */
    TENANT_GRPC_ADDR: grpcAddress('127.0.0.1:50051'),
    /** Deadline of every gRPC call the catalog makes to another service. */
    GRPC_DEADLINE_MS: z.coerce.number().int().min(50).default(5_000),
  };
}

/** Reads and checks the configuration once; throws a ConfigError naming every bad variable. */
export function loadCatalogConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(catalogConfigShape(env), env);
}

export type CatalogConfig = ReturnType<typeof loadCatalogConfig>;
