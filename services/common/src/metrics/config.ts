import { loadConfig, port } from '../config/load';

/**
 * Each service's default metrics port: apart from the gRPC ports (50051–50057)
 * and the gateway's HTTP port (8080), so one machine can run them all.
 */
export const METRICS_PORTS = {
  gateway: 9460,
  tenant: 9461,
  catalog: 9462,
  customer: 9463,
  billing: 9464,
  campaign: 9465,
  analytics: 9466,
  webhook: 9467,
} as const;

export type MetricsService = keyof typeof METRICS_PORTS;
export type MetricsPortVariable<S extends string> = `${Uppercase<S>}_METRICS_PORT`;

export const metricsPortVariable = <S extends string>(service: S) => `${service.toUpperCase()}_METRICS_PORT` as MetricsPortVariable<S>;

/**
 * The `<SERVICE>_METRICS_PORT` variable for a service's config shape. Under
 * NODE_ENV=test it defaults to 0 (a free port), as the tests start every
 * service in one process and run files in parallel.
 */
export function metricsConfigShape<S extends MetricsService>(service: S, env: NodeJS.ProcessEnv = process.env) {
  const fallback = env.NODE_ENV === 'test' ? 0 : METRICS_PORTS[service];
  return { [metricsPortVariable(service)]: port(fallback) } as Record<MetricsPortVariable<S>, ReturnType<typeof port>>;
}

/**
 * The metrics port of a service from its loaded configuration, or, for a
 * service whose config shape does not name the variable, from the environment
 * (with the same defaults, NODE_ENV taken from the configuration).
 */
export function metricsPortOf(service: string, config: object & { NODE_ENV?: string }): number {
  const variable = metricsPortVariable(service);
  const configured = (config as Record<string, unknown>)[variable];
  if (typeof configured === 'number') return configured;
  const env = { ...process.env, NODE_ENV: config.NODE_ENV ?? process.env.NODE_ENV };
  const fallback = env.NODE_ENV === 'test' ? 0 : (METRICS_PORTS as Record<string, number>)[service] ?? 0;
  return loadConfig({ [variable]: port(fallback) }, env)[variable] as number;
}
