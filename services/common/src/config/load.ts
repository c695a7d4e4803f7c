import { z } from 'zod';
import { addressProblem } from '../grpc/target';

/** A configuration error names every variable that is missing or wrong, so the fix is obvious. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

const isProduction = (env: NodeJS.ProcessEnv) => env.NODE_ENV === 'production';

/**
 * A variable with a development default that becomes required when
 * NODE_ENV=production (the defaults are for a laptop, not for a deployment).
 */
export function devDefault(value: string, env: NodeJS.ProcessEnv = process.env) {
  return isProduction(env) ? z.string().min(1) : z.string().min(1).default(value);
}

/** A TCP port, from a string. */
export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/**
 * Where another service answers: `host:port`, or a comma-separated list of IP
 * `address:port`s, one per replica (balanced round robin; grpc/target.ts).
 */
export const grpcAddress = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .superRefine((value, ctx) => {
      const problem = addressProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/**
 * Reads the variables of `shape` from the environment once, validates them, and
 * throws a ConfigError naming each missing or invalid variable.
 */
export function loadConfig<S extends z.ZodRawShape>(shape: S, env: NodeJS.ProcessEnv = process.env) {
  const raw: Record<string, string | undefined> = {};
  for (const key of Object.keys(shape)) raw[key] = env[key] === '' ? undefined : env[key];
  const result = z.object(shape).safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.');
    return raw[name] === undefined ? `${name} is required but not set` : `${name}: ${issue.message}`;
  });
  throw new ConfigError(problems);
}

/** The configuration contract every service shares (ARCHITECTURE.md, "Running"). */
export function baseConfigShape(env: NodeJS.ProcessEnv = process.env) {
  return {
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: devDefault('postgres://postgres@127.0.0.1:5432/azotte', env),
    AMQP_URL: devDefault('amqp://guest:guest@127.0.0.1:5672', env),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** The topic exchange events travel on; tests give each file its own. */
    AMQP_EXCHANGE: z.string().min(1).default('azotte.events'),
    /**
     * Postgres connections per service. Tests start a whole platform per file and run files in
     * parallel, so under NODE_ENV=test the default is small enough to stay within max_connections.
     */
    DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(env.NODE_ENV === 'test' ? 3 : 10),
  };
}

export type BaseConfig = ReturnType<typeof loadConfig<ReturnType<typeof baseConfigShape>>>;
