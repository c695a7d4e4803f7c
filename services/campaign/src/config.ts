import { baseConfigShape, grpcAddress, loadConfig, metricsConfigShape, port } from '@azotte/common';
import { z } from 'zod';

/** Every variable the campaign service reads, with its default (README.md lists them too). */
export function campaignConfigShape(env: NodeJS.ProcessEnv = process.env) {
  return {
    ...baseConfigShape(env),
    ...metricsConfigShape('campaign', env),
    CAMPAIGN_GRPC_PORT: port(50055),
    /** The service's Postgres schema; tests pass a unique one. */
    CAMPAIGN_DB_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier')
      .default('campaign'),
    /** The catalog service, asked for the price (bundle, currency, amount) an evaluation is about. */
    CATALOG_GRPC_ADDR: grpcAddress('127.0.0.1:50052'),
    /** The customer service, asked for the customer (country, storefront, metadata) an evaluation is about. */
    CUSTOMER_GRPC_ADDR: grpcAddress('127.0.0.1:50053'),
    /** Deadline of every gRPC call the service makes to another service. */
    GRPC_DEADLINE_MS: z.coerce.number().int().min(50).default(5_000),
    /** Prefixes the service's queue names; tests pass a unique one. */
    AMQP_QUEUE_PREFIX: z.string().default(''),
  };
}

/** Reads and checks the configuration once; throws a ConfigError naming every bad variable. */
export function loadCampaignConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(campaignConfigShape(env), env);
}

export type CampaignConfig = ReturnType<typeof loadCampaignConfig>;
