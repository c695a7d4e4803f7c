import { createHash } from 'node:crypto';
import { DomainError, invalidArgument } from '@azotte/common';
import type { Request, Response } from 'express';
import type { Principal } from '../auth/principal';
import type { IdempotencyStore, KeyScope } from '../store/idempotency';

const HEADER = 'idempotency-key';

/** Same method, path and body (key order aside) give the same fingerprint. */
export function fingerprintOf(req: Request): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
      );
    }
    return value;
  };
  return createHash('sha256')
    .update(`${req.method} ${req.baseUrl}${req.path}\n${JSON.stringify(canonical(req.body ?? null))}`)
    .digest('hex');
}

export type IdempotentOutcome = { replayed: true } | { replayed: false; finish(status: number, body: string): Promise<void>; abandon(): Promise<void> };

/**
 * API.md's Idempotency-Key: the first response is stored for 24 hours and
 * replayed for a retry with the same body; the same key with another body is
 * a 422; a retry while the first is still running is a 409. Keys are scoped to
 * the tenant and environment, as Stripe scopes them to an account and mode.
 */
export async function applyIdempotency(
  store: IdempotencyStore,
  req: Request,
  res: Response,
  principal: Principal,
): Promise<IdempotentOutcome | undefined> {
  const key = req.header(HEADER);
  if (key === undefined) return undefined;
  if (key.length < 1 || key.length > 255) {
    throw invalidArgument([{ path: 'Idempotency-Key', message: 'must be 1 to 255 characters' }]);
  }
  const scope: KeyScope = {
    tenantId: principal.tenantId ?? 'platform',
    environmentId: principal.environment?.id ?? '',
    key,
  };
  const claim = await store.claim(scope, fingerprintOf(req));
  switch (claim.outcome) {
    case 'mismatch':
      throw new DomainError(
        'unprocessable',
        'idempotency_key_reused',
        'This Idempotency-Key was used with a different request body.',
      );
    case 'in_flight':
      throw new DomainError('conflict', 'idempotency_key_in_flight', 'A request with this Idempotency-Key is still running.');
    case 'replay':
      res.setHeader('Idempotent-Replayed', 'true');
      res
        .status(claim.status)
        .type(claim.status >= 400 ? 'application/problem+json' : 'application/json')
        .send(claim.body);
      return { replayed: true };
    case 'claimed':
      return {
        replayed: false,
        finish: (status, body) => (status >= 500 ? store.release(scope) : store.complete(scope, status, body)),
        abandon: () => store.release(scope),
      };
  }
}
