import { useCallback, useRef } from 'react';
import { isApiError, newIdempotencyKey } from './api';

/**
 * One Idempotency-Key per submit of a form. The same body sent again while the
 * first try's outcome is unknown (the connection dropped, a service was down,
 * the first is still running: 409 idempotency_key_in_flight) reuses the key, so the API does the work at
 * most once and replays its answer. A definite answer — success, or a refusal
 * such as a declined card — or a changed body starts afresh, so that a
 * corrected or deliberate new try is a new attempt rather than a replay.
 */
export function useIdempotencyKey() {
  const last = useRef<{ body: string; key: string; reusable: boolean } | null>(null);
  const keyFor = useCallback((body: unknown): string => {
    const text = JSON.stringify(body ?? null);
    if (!last.current || !last.current.reusable || last.current.body !== text) {
      last.current = { body: text, key: newIdempotencyKey(), reusable: true };
    }
    return last.current.key;
  }, []);
  /** The outcome of the call that used the key: nothing for a success, the error otherwise. */
  const settle = useCallback((error?: unknown): void => {
    if (!last.current) return;
    last.current.reusable =
      error !== undefined && (!isApiError(error) || error.retryable || error.code === 'idempotency_key_in_flight');
  }, []);
  /** The submit succeeded: the next one is a new action. */
  const done = useCallback(() => settle(undefined), [settle]);
  return { keyFor, settle, done };
}
