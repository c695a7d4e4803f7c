import { useCallback, useRef } from 'react';
import { isHostedApiError } from './errors';

/**
 * One Idempotency-Key per attempt (a click of Subscribe, Save card, …). A
 * retry of an attempt whose outcome is unknown — the API was not reached, a
 * service was down, the first try still runs — sends the same body with the
 * same key, so the API charges at most once and replays its answer. A definite
 * answer (success, a declined card, a refused field) or a changed body makes
 * the next click a new attempt with a fresh key.
 */
export function useAttemptKey() {
  const last = useRef<{ body: string; key: string; reusable: boolean } | null>(null);
  const keyFor = useCallback((body: unknown): string => {
    const text = JSON.stringify(body ?? null);
    if (!last.current || !last.current.reusable || last.current.body !== text) {
      last.current = { body: text, key: crypto.randomUUID(), reusable: false };
    }
    return last.current.key;
  }, []);
  /** The outcome of the attempt that used the key: nothing for a success, the error otherwise. */
  const settle = useCallback((error?: unknown): void => {
    if (last.current) last.current.reusable = error !== undefined && (!isHostedApiError(error) || error.outcomeUnknown);
  }, []);
  return { keyFor, settle };
}
