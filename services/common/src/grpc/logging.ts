import { logVerbosity, setLogger, setLogVerbosity } from '@grpc/grpc-js';
import type { Logger } from 'pino';

/** The grpc-js verbosity that lets through what `level` would show. */
function verbosityFor(level: string): number {
  switch (level) {
    case 'silent':
      return logVerbosity.NONE;
    case 'trace':
    case 'debug':
      return logVerbosity.DEBUG;
    case 'info':
      return logVerbosity.INFO;
    default:
      return logVerbosity.ERROR;
  }
}

/**
 * Sends grpc-js's own messages (a malformed metadata value, a proxy it cannot
 * reach, GRPC_TRACE output) through `logger` as JSON lines instead of its
 * default `E …` lines on stderr. grpc-js has one logger per process, so a
 * service's main sets it once, for its server and its clients alike. The
 * verbosity follows the logger's level unless GRPC_VERBOSITY (or
 * GRPC_NODE_VERBOSITY) chooses one.
 */
export function routeGrpcLogs(logger: Logger, env: NodeJS.ProcessEnv = process.env): void {
  const log = logger.child({ component: 'grpc' });
  const line =
    (level: 'error' | 'info' | 'debug') =>
    (message?: unknown, ...rest: unknown[]) => {
      const fields = rest.length > 0 ? { detail: rest } : {};
      log[level](fields, typeof message === 'string' ? message : String(message));
    };
  setLogger({ error: line('error'), info: line('info'), debug: line('debug') });
  if (!env.GRPC_VERBOSITY && !env.GRPC_NODE_VERBOSITY) setLogVerbosity(verbosityFor(logger.level));
}
