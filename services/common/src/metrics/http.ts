import { Histogram, type Registry } from 'prom-client';
import { DURATION_BUCKETS_SECONDS } from './registry';

/**
 * HTTP request durations (OpenTelemetry `http.server.request.duration`).
 * `http_route` is a route template (`/api/v1/customers/:id`), never a raw path,
 * and is left out when no route matched.
 */
export function httpServerMetrics(registry: Registry) {
  return new Histogram({
    name: 'http_server_request_duration_seconds',
    help: 'Duration of HTTP requests answered, by method, route template and status code',
    labelNames: ['http_request_method', 'http_route', 'http_response_status_code'] as const,
    buckets: DURATION_BUCKETS_SECONDS,
    registers: [registry],
  });
}

export type HttpServerMetrics = ReturnType<typeof httpServerMetrics>;
