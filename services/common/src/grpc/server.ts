import {
  Server,
  ServerCredentials,
  type sendUnaryData,
  type ServerUnaryCall,
  type ServiceDefinition,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { HealthImplementation, type ServingStatus } from 'grpc-health-check';
import type { Logger } from 'pino';
import { runWithContext, type CallContext } from '../context/scope';
import { isDomainError } from '../errors/domain-error';
import { toGrpcStatus } from '../errors/grpc';
import { isTransientInfrastructureError } from '../errors/transient';
import { instrumentImplementation, type RpcServerMetrics } from '../metrics/rpc';
import { contextFromMetadata } from './metadata';

export type UnaryHandler<Req, Res> = (request: Req, ctx: CallContext) => Promise<Res>;

/**
 * Adapts an async function to a grpc-js unary handler: the call context is
 * read from metadata and made current, and whatever is thrown is mapped to a
 * gRPC status in one place. Anything but a DomainError is a bug, logged here.
 */
export function unary<Req, Res>(logger: Logger, handler: UnaryHandler<Req, Res>) {
  return (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>): void => {
    let ctx: CallContext;
    try {
      ctx = contextFromMetadata(call.metadata);
    } catch (err) {
      callback(toGrpcStatus(err));
      return;
    }
    runWithContext(ctx, () => {
      handler(call.request, ctx).then(
        (res) => callback(null, res),
        (err: unknown) => {
          if (isTransientInfrastructureError(err)) logger.warn({ err, path: call.getPath() }, 'a backing server failed the call; answered unavailable');
          else if (!isDomainError(err)) logger.error({ err, path: call.getPath() }, 'unexpected error in gRPC handler');
          callback(toGrpcStatus(err));
        },
      );
    });
  };
}

/** A health check of one dependency: `postgres`, `rabbitmq`. */
export type DependencyCheck = () => boolean | Promise<boolean>;

export interface GrpcServerOptions {
  logger: Logger;
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  services: Array<{ definition: ServiceDefinition; implementation: UntypedServiceImplementation; name: string }>;
  /** Named dependencies reported through the standard health service. */
  dependencies: Record<string, DependencyCheck>;
  healthIntervalMs?: number;
  /** Times every unary call of `services` by method and status (the health service is not counted). */
  metrics?: RpcServerMetrics;
}

export interface RunningGrpcServer {
  server: Server;
  port: number;
  health: HealthImplementation;
  /** Re-evaluates dependency health now. */
  refreshHealth(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts a gRPC server with the standard `grpc.health.v1.Health` service. The
 * overall status ("") and each service's status are SERVING only while every
 * dependency answers; each dependency is also a health "service" of its own,
 * so a caller can name what is down.
 */
export async function startGrpcServer(options: GrpcServerOptions): Promise<RunningGrpcServer> {
  const { logger, services, dependencies, host = '0.0.0.0', healthIntervalMs = 2_000, metrics } = options;
  const server = new Server({ 'grpc.max_receive_message_length': 4 * 1024 * 1024 });
  for (const s of services) {
    server.addService(s.definition, metrics ? instrumentImplementation(s.definition, s.implementation, metrics) : s.implementation);
  }
  const health = new HealthImplementation({ '': 'NOT_SERVING' });
  health.addToServer(server);

  const refreshHealth = async () => {
    let all = true;
    for (const [name, check] of Object.entries(dependencies)) {
      const ok = await Promise.resolve()
        .then(check)
        .catch(() => false);
      health.setStatus(name, ok ? 'SERVING' : 'NOT_SERVING');
      all &&= ok;
    }
    const status: ServingStatus = all ? 'SERVING' : 'NOT_SERVING';
    health.setStatus('', status);
    for (const s of services) health.setStatus(s.name, status);
  };
  await refreshHealth();
  const timer = setInterval(() => void refreshHealth(), healthIntervalMs);
  timer.unref();

  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${host}:${options.port}`, ServerCredentials.createInsecure(), (err, bound) =>
      err ? reject(err) : resolve(bound),
    ),
  );
  logger.info({ port }, 'gRPC server listening');
  return {
    server,
    port,
    health,
    refreshHealth,
    stop: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        const force = setTimeout(() => server.forceShutdown(), 5_000);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      }),
  };
}
