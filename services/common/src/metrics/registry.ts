import { collectDefaultMetrics, Registry } from 'prom-client';

/** prom-client's registry, named for the services that take one without depending on prom-client. */
export type MetricsRegistry = Registry;

/** The instruments a service adds to its registry, from the kit so that a service needs no prom-client of its own. */
export { Counter, Gauge, Histogram } from 'prom-client';

/**
 * A service's own metrics registry with Node's process metrics (CPU, memory,
 * event-loop lag, GC, handles) in it. One per service rather than prom-client's
 * global one: the tests run several services in one process, and each must
 * expose only its own calls.
 */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // Gauges named like counters (promtool refuses them); the per-type gauges beside them sum to the same.
  for (const name of MISNAMED_DEFAULT_METRICS) registry.removeSingleMetric(name);
  return registry;
}

const MISNAMED_DEFAULT_METRICS = ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'];

/**
 * Duration buckets in seconds, OpenTelemetry's advice for RPC and HTTP server
 * durations: 5 ms to 10 s.
 */
export const DURATION_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/** Seconds since a `process.hrtime.bigint()` reading. */
export const secondsSince = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;
