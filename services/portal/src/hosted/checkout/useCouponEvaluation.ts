import { useEffect, useState } from 'react';
import { useDebounced } from '../../lib/use-debounced';
import type { CouponEvaluation, HostedClient } from '../api/client';
import { call } from '../api/errors';

export type CouponState =
  | { status: 'idle' }
  | { status: 'checking'; code: string }
  | { status: 'done'; code: string; priceId: string; result: CouponEvaluation }
  | { status: 'failed'; code: string; error: unknown };

/**
 * The code as typed, evaluated by the API once typing pauses (300 ms) and
 * again when the plan changes; an answer for text since changed is dropped.
 */
export function useCouponEvaluation(client: HostedClient, code: string, priceId: string): CouponState {
  const settled = useDebounced(code.trim(), 300);
  const [state, setState] = useState<CouponState>({ status: 'idle' });
  useEffect(() => {
    if (!settled || !priceId) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'checking', code: settled });
    call(
      client.POST('/hosted/checkout/coupon', {
        body: { code: settled, priceId },
        // An evaluation changes nothing, but every POST of the hosted API takes a key.
        headers: { 'Idempotency-Key': crypto.randomUUID() },
        signal: controller.signal,
      }),
    ).then(
      (result) => setState({ status: 'done', code: settled, priceId, result }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', code: settled, error });
      },
    );
    return () => controller.abort();
  }, [client, settled, priceId]);
  return state;
}
