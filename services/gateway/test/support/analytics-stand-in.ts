import { createGrpcClient, createLogger, startGrpcServer, unary } from '@azotte/common';
import { analyticsV1 } from '@azotte/proto';

type Method = keyof typeof analyticsV1.AnalyticsServiceService;

/**
 * A gRPC server in front of the real analytics service: it forwards every
 * call (with its scope), except the methods in `hanging`, which do not answer
 * until the stand-in stops. What a slow or stuck projection looks like from
 * the gateway, for one source of the dashboard and not the others.
 */
export async function startAnalyticsStandIn(target: string) {
  const logger = createLogger('analytics-stand-in', { level: 'silent' });
  const real = createGrpcClient(analyticsV1.AnalyticsServiceService, target, { name: 'analytics' });
  const hanging = new Set<Method>();
  const stuck: Array<() => void> = [];
  const implementation = Object.fromEntries(
    (Object.keys(analyticsV1.AnalyticsServiceService) as Method[]).map((method) => [
      method,
      unary<unknown, unknown>(logger, (request) => {
        if (!hanging.has(method)) return (real[method] as (r: unknown) => Promise<unknown>)(request);
        return new Promise((_, reject) => stuck.push(() => reject(new Error('stand-in stopped'))));
      }),
    ]),
  );
  const server = await startGrpcServer({
    logger,
    port: 0,
    host: '127.0.0.1',
    services: [{ definition: analyticsV1.AnalyticsServiceService, implementation, name: 'azotte.analytics.v1.AnalyticsService' }],
    dependencies: {},
  });
  return {
    address: `127.0.0.1:${server.port}`,
    /** From now on, these methods do not answer. */
    hang(...methods: Method[]) {
      for (const m of methods) hanging.add(m);
    },
    async stop() {
      for (const release of stuck.splice(0)) release();
      await server.stop();
      real.close();
    },
  };
}
