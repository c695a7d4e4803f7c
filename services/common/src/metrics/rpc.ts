import { status, type handleUnaryCall, type ServiceDefinition, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { Histogram, type Registry } from 'prom-client';
import { DURATION_BUCKETS_SECONDS, secondsSince } from './registry';

const LABELS = ['rpc_service', 'rpc_method', 'rpc_grpc_status_code'] as const;

/** The duration of gRPC calls a server answered, per method and status (OpenTelemetry `rpc.server.duration`). */
export function rpcServerMetrics(registry: Registry) {
  return new Histogram({
    name: 'rpc_server_duration_seconds',
    help: 'Duration of gRPC calls this server answered, by service, method and gRPC status code',
    labelNames: LABELS,
    buckets: DURATION_BUCKETS_SECONDS,
    registers: [registry],
  });
}

export type RpcServerMetrics = ReturnType<typeof rpcServerMetrics>;

const RPC_CLIENT_DURATION = 'rpc_client_duration_seconds';

/**
 * The duration of gRPC calls this process made, per method and status
 * (OpenTelemetry `rpc.client.duration`). One histogram per registry: every
 * client of a process records into the same one, so asking again returns it.
 */
export function rpcClientMetrics(registry: Registry): RpcClientMetrics {
  const existing = registry.getSingleMetric(RPC_CLIENT_DURATION);
  if (existing) return existing as RpcClientMetrics;
  return new Histogram({
    name: RPC_CLIENT_DURATION,
    help: 'Duration of gRPC calls this process made, by service, method and gRPC status code',
    labelNames: LABELS,
    buckets: DURATION_BUCKETS_SECONDS,
    registers: [registry],
  });
}

export type RpcClientMetrics = Histogram<(typeof LABELS)[number]>;

/** `/azotte.tenant.v1.TenantService/GetTenant` → its service and method. */
export function splitPath(path: string): { rpc_service: string; rpc_method: string } {
  const [, service = '', method = ''] = path.split('/');
  return { rpc_service: service, rpc_method: method };
}

/**
 * Wraps every unary method of an implementation to time it and record its
 * status. Labels come from the definition's paths, so they are as many as the
 * service has methods: never a request's content. Streaming methods are left as they are.
 */
export function instrumentImplementation(
  definition: ServiceDefinition,
  implementation: UntypedServiceImplementation,
  metrics: RpcServerMetrics,
): UntypedServiceImplementation {
  const instrumented: UntypedServiceImplementation = { ...implementation };
  for (const [name, method] of Object.entries(definition)) {
    const handler = implementation[name] as handleUnaryCall<unknown, unknown> | undefined;
    if (!handler || method.requestStream || method.responseStream) continue;
    const labels = splitPath(method.path);
    const timed: handleUnaryCall<unknown, unknown> = (call, callback) => {
      const start = process.hrtime.bigint();
      handler(call, (err, ...rest) => {
        const code = err ? (err.code ?? status.UNKNOWN) : status.OK;
        metrics.observe({ ...labels, rpc_grpc_status_code: String(code) }, secondsSince(start));
        callback(err, ...rest);
      });
    };
    instrumented[name] = timed;
  }
  return instrumented;
}
