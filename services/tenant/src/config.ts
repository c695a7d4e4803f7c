import { baseConfigShape, loadConfig, metricsConfigShape, port } from '@azotte/common';
import { z } from 'zod';

/**
 * A development-only key for provider credentials (the same one docker-compose.yml uses).
 * Production must set SECRETS_KEY: NODE_ENV=production makes it required.
 */
export const DEV_SECRETS_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
export const DEV_PLATFORM_ADMIN_PASSWORD = 'azotte-admin';

// Like common's devDefault (a default outside production only), plus a check of the value.
const secretsKey = (env: NodeJS.ProcessEnv) => {
  // 64 hex characters = 32 bytes, the AES-256-GCM key size.
  const key = z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (a 32-byte key)');
  return env.NODE_ENV === 'production' ? key : key.default(DEV_SECRETS_KEY);
};

// The platform administrator signs in with these; the password obeys the rule every user's does.
const adminEmail = (env: NodeJS.ProcessEnv) => {
  const email = z.email({ error: 'must be an email address' });
  return env.NODE_ENV === 'production' ? email : email.default('admin@azotte.local');
};
const adminPassword = (env: NodeJS.ProcessEnv) => {
  const password = z.string().min(10, 'must be at least 10 characters');
  return env.NODE_ENV === 'production' ? password : password.default(DEV_PLATFORM_ADMIN_PASSWORD);
};

/** Every variable the tenant service reads, with its default (README.md lists them too). */
export function tenantConfigShape(env: NodeJS.ProcessEnv = process.env) {
  return {
    ...baseConfigShape(env),
    ...metricsConfigShape('tenant', env),
    TENANT_GRPC_PORT: port(50051),
    PLATFORM_ADMIN_EMAIL: adminEmail(env),
    PLATFORM_ADMIN_PASSWORD: adminPassword(env),
    SECRETS_KEY: secretsKey(env),
    /** The service's Postgres schema; tests pass a unique one. */
    TENANT_DB_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier')
      .default('tenant'),
    /** Prefixes the service's queue names; tests pass a unique one. */
    AMQP_QUEUE_PREFIX: z.string().default(''),
  };
}

/** Reads and checks the configuration once; throws a ConfigError naming every bad variable. */
export function loadTenantConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(tenantConfigShape(env), env);
}

export type TenantConfig = ReturnType<typeof loadTenantConfig>;
