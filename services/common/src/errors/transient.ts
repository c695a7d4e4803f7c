import { DomainError } from './domain-error';

// SQLSTATE classes and codes that say the database cannot serve now, not that the query is wrong:
// 08 connection exception, 53 insufficient resources (53300 too many connections), 57P01–57P03
// shutdown / crash recovery / cannot connect now.
const TRANSIENT_SQLSTATE = /^(08|53|57P0[123])/;
const TRANSIENT_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * True for a failure of the infrastructure under a request (the database out
 * of connections or restarting, a connection refused or reset, the pool's
 * acquire timeout) rather than a bug: the caller should be told to retry (503),
 * not that the server is broken (500).
 */
export function isTransientInfrastructureError(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof e.code === 'string' && (TRANSIENT_SQLSTATE.test(e.code) || TRANSIENT_ERRNO.has(e.code))) return true;
  if (e.name === 'KnexTimeoutError') return true;
  return typeof e.message === 'string' && /Connection terminated|the database system is (starting up|shutting down)/.test(e.message);
}

/** The DomainError a transient infrastructure failure leaves a service as. */
export const infrastructureUnavailable = () =>
  new DomainError('unavailable', 'temporarily_unavailable', 'A backing server is not answering right now; retry in a moment.');
