import type { Logger } from 'pino';
import { ConfigError } from '../config/load';
import { routeGrpcLogs } from '../grpc/logging';
import { createLogger } from '../logging/logger';

/**
 * A service's `main`: read the configuration (or exit 1 naming what is wrong),
 * start, log where it listens, and stop cleanly on SIGINT or SIGTERM. From
 * then on grpc-js logs through the service's logger too (knex does through
 * openDatabase, amqplib's errors through the bus's listeners).
 */
export function runMain<C extends { LOG_LEVEL: string }>(
  name: string,
  loadConfig: () => C,
  start: (config: C, logger: Logger) => Promise<{ port: number; stop(): Promise<void> }>,
): void {
  let config: C;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`${name}: ${err.message}`);
    process.exit(1);
  }
  const logger = createLogger(name, { level: config.LOG_LEVEL });
  routeGrpcLogs(logger);
  start(config, logger).then(
    (running) => {
      logger.info({ port: running.port }, `${name} service listening`);
      let stopping = false;
      const stop = (signal: NodeJS.Signals) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, `${name} service stopping`);
        running
          .stop()
          // The last spans are flushed before the process goes. Required here, not at the top: the
          // SDK is already loaded by the service's instrument.ts, and importers of the kit need not load it.
          .then(() => (require('../telemetry/sdk') as typeof import('../telemetry/sdk')).stopTelemetry())
          .then(
            () => process.exit(0),
            (err: unknown) => {
              logger.error({ err }, `${name} service did not stop cleanly`);
              process.exit(1);
            },
          );
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (err: unknown) => {
      logger.fatal({ err }, `${name} service failed to start`);
      process.exit(1);
    },
  );
}
