import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { createLogger } from '../logging/logger';

let fallback: Logger | undefined;

/**
 * Knex's own messages as the service's JSON log lines. Left alone, knex writes
 * them with console.log as plain text: `Connection Error: …` for every pooled
 * connection that died while Postgres restarted, deprecations, misuses. The
 * pool's (tarn's) warnings come along. Without a logger, the kit's default one.
 */
export function knexLogOptions(logger?: Logger): { log: Knex.Logger; poolLog: (message: string, level: string) => void } {
  const log = (logger ?? (fallback ??= createLogger('db'))).child({ component: 'knex' });
  const line = (level: 'debug' | 'warn' | 'error') => (message: unknown) => {
    // The message is knex's text; the kit's logger scrubs card numbers from it like any other.
    if (typeof message === 'string') log[level](message);
    else log[level]({ detail: message }, `knex ${level}`);
  };
  return {
    log: {
      warn: line('warn'),
      error: line('error'),
      debug: line('debug'),
      // Knex calls it with the sentence it built ("x is deprecated, please use y"), whatever its type says.
      deprecate: line('warn') as unknown as Knex.Logger['deprecate'],
    },
    poolLog: (message, level) => log[level === 'warn' || level === 'error' || level === 'debug' ? level : 'info'](message),
  };
}
