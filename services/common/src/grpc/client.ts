import {
  Client,
  credentials,
  makeGenericClientConstructor,
  Metadata,
  type CallOptions,
  type ServiceError,
} from '@grpc/grpc-js';
import { service as healthService, type ServingStatus } from 'grpc-health-check';
import { currentContext, type CallContext } from '../context/scope';
import { fromGrpcError } from '../errors/grpc';
import { contextToMetadata } from './metadata';

/** The shape of a ts-proto service definition (`TenantServiceService`). */
type MethodDefinition = {
  path: string;
  requestStream: boolean;
  responseStream: boolean;
  requestSerialize: (value: never) => Buffer;
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
  const client = new Client(address, credentials.createInsecure(), {
    'grpc.keepalive_time_ms': 30_000,
    'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }),
  });
  const defaultDeadline = options.deadlineMs ?? 5_000;
  const methods: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(definition)) {
    if (def.requestStream || def.responseStream) continue;
    methods[name] = (request: never, overrides?: CallOverrides) =>
      new Promise((resolve, reject) => {
        const metadata = contextToMetadata(overrides?.context ?? currentContext(), new Metadata());
        const callOptions: CallOptions = { deadline: Date.now() + (overrides?.deadlineMs ?? defaultDeadline) };
        client.makeUnaryRequest(
          def.path,
          def.requestSerialize,
          def.responseDeserialize,
          request,
          metadata,
          callOptions,
          (err: ServiceError | null, response?: unknown) =>
            err ? reject(fromGrpcError(err, options.name)) : resolve(response),
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
 */
export function checkHealth(
  address: string,
  service = '',
  timeoutMs = 1_000,
): Promise<ServingStatus | 'UNREACHABLE'> {
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
