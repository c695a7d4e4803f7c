import {
  Client,
  credentials,
  makeGenericClientConstructor,
  Metadata,
  status,
  type CallOptions,
  type ServiceError,
} from '@grpc/grpc-js';
import { service as healthService, type ServingStatus } from 'grpc-health-check';
import type { Registry } from 'prom-client';
import { currentContext, type CallContext } from '../context/scope';
import { fromGrpcError } from '../errors/grpc';
import { secondsSince } from '../metrics/registry';
import { rpcClientMetrics, splitPath } from '../metrics/rpc';
import { contextToMetadata } from './metadata';
import { addressList, grpcTarget } from './target';

/** The shape of a ts-proto service definition (`TenantServiceService`). */
type MethodDefinition = {
  path: string;
  requestStream: boolean;
  responseStream: boolean;
  requestSerialize: (value: never) => Buffer;
  requestDeserialize: (value: Buffer) => unknown;
  responseDeserialize: (value: Buffer) => unknown;
};
type ServiceDefinition = Record<string, MethodDefinition>;

export interface CallOverrides {
  /** Milliseconds; overrides the client's default deadline. */
  deadlineMs?: number;
  /** Overrides the current call context (e.g. a gateway call on behalf of a principal). */
  context?: CallContext;
}

/** A promise-returning method per unary RPC of the service. */
export type PromiseClient<S extends ServiceDefinition> = {
  [K in keyof S]: (
    request: Parameters<S[K]['requestSerialize']>[0],
    overrides?: CallOverrides,
  ) => Promise<ReturnType<S[K]['responseDeserialize']>>;
} & { close(): void; waitForReady(timeoutMs: number): Promise<void> };

export interface ClientOptions {
  /** Named in errors ("tenant did not answer in time"). */
  name: string;
  /** Every call has a deadline; this is the default. */
  deadlineMs?: number;
  /**
   * The process's metrics registry: every call is timed into its
   * `rpc_client_duration_seconds` by method and gRPC status. Unset, nothing is recorded.
   */
  registry?: Registry;
}

/**
 * A promise-based client for a ts-proto service definition. Every call gets a
 * deadline and carries the current call context (scope and actor) in its
 * metadata; failures come back as the DomainError the server threw.
 */
export function createGrpcClient<S extends ServiceDefinition>(
  definition: S,
  address: string,
  options: ClientOptions,
): PromiseClient<S> {
  // A list of replicas is one channel over them all, balanced round robin.
  const client = new Client(grpcTarget(address), credentials.createInsecure(), {
    'grpc.keepalive_time_ms': 30_000,
    'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }),
  });
  const defaultDeadline = options.deadlineMs ?? 5_000;
  const durations = options.registry ? rpcClientMetrics(options.registry) : undefined;
  const methods: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(definition)) {
    if (def.requestStream || def.responseStream) continue;
    // From the definition's path: as many series as the service has methods, never a request's content.
    const labels = splitPath(def.path);
    // Proto3's defaults for what a caller leaves out (an older caller, a field added since):
    // the generated encoder expects every field present.
    const defaults = def.requestDeserialize(Buffer.alloc(0)) as object;
    const serialize = (request: object) => {
      const given = Object.entries(request).filter(([, value]) => value !== undefined);
      return def.requestSerialize({ ...defaults, ...Object.fromEntries(given) } as never);
    };
    methods[name] = (request: never, overrides?: CallOverrides) =>
      new Promise((resolve, reject) => {
        const metadata = contextToMetadata(overrides?.context ?? currentContext(), new Metadata());
        const callOptions: CallOptions = { deadline: Date.now() + (overrides?.deadlineMs ?? defaultDeadline) };
        const start = process.hrtime.bigint();
        client.makeUnaryRequest(
          def.path,
          serialize,
          def.responseDeserialize,
          request,
          metadata,
          callOptions,
          (err: ServiceError | null, response?: unknown) => {
            durations?.observe({ ...labels, rpc_grpc_status_code: String(err ? (err.code ?? status.UNKNOWN) : status.OK) }, secondsSince(start));
            if (err) reject(fromGrpcError(err, options.name));
            else resolve(response);
          },
        );
      });
  }
  methods.close = () => client.close();
  methods.waitForReady = (timeoutMs: number) =>
    new Promise<void>((resolve, reject) =>
      client.waitForReady(Date.now() + timeoutMs, (err) => (err ? reject(err) : resolve())),
    );
  return methods as PromiseClient<S>;
}

const HealthClient = makeGenericClientConstructor(healthService, 'grpc.health.v1.Health');

/**
 * Asks a service's standard health endpoint. Resolves to the status of the
 * named health service ("" = overall), or `UNREACHABLE` when no answer comes.
 * For a list of replicas, each is asked: the service serves when one of them
 * does, and is unreachable only when none answers.
 */
export async function checkHealth(
  address: string,
  service = '',
  timeoutMs = 1_000,
): Promise<ServingStatus | 'UNREACHABLE'> {
  const replicas = addressList(address);
  if (replicas.length <= 1) return checkOne(address, service, timeoutMs);
  const statuses = await Promise.all(replicas.map((replica) => checkOne(replica, service, timeoutMs)));
  if (statuses.includes('SERVING')) return 'SERVING';
  return statuses.find((s) => s !== 'UNREACHABLE') ?? 'UNREACHABLE';
}

function checkOne(address: string, service: string, timeoutMs: number): Promise<ServingStatus | 'UNREACHABLE'> {
  const client = new HealthClient(address, credentials.createInsecure()) as unknown as {
    check(req: { service: string }, opts: CallOptions, cb: (err: Error | null, res?: { status: string }) => void): void;
    close(): void;
  };
  return new Promise((resolve) => {
    client.check({ service }, { deadline: Date.now() + timeoutMs }, (err, res) => {
      client.close();
      if (err || !res) return resolve('UNREACHABLE');
      resolve(res.status as ServingStatus);
    });
  });
}
