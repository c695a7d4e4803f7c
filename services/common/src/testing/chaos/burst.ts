import { waitFor } from '../servers';
import { inParallel, type ChaosApi } from './api';
import type { Outage } from './outages';
import type { ChaosStack } from './stack';

/** What a burst went through: answers before and during its outage, and the client's retries. */
export interface BurstThroughOutage {
  answeredBefore: number;
  answeredDuring: number;
  retries: number;
}

/**
 * Runs `work` over `items`, `concurrency` at a time, through `api`; once a
 * third of them have been answered `outage` begins, and it ends when the
 * gateway's /readyz has reported it and `enough` holds of what was answered
 * and retried since it began. Resolves when every item has been answered.
 */
export async function burstThroughOutage<T>(
  stack: ChaosStack,
  api: ChaosApi,
  outage: Outage,
  items: readonly T[],
  concurrency: number,
  enough: (since: { answered: number; retries: number }) => boolean,
  work: (item: T) => Promise<void>,
): Promise<BurstThroughOutage> {
  let answered = 0;
  const retriesBefore = api.retries;
  const burst = inParallel(items, concurrency, async (item) => {
    await work(item);
    answered += 1;
  });
  const begun = { answered: 0, retries: 0, ended: 0 };
  const fault = (async () => {
    await waitFor(() => answered >= Math.ceil(items.length / 3), { what: `a third of the burst before the ${outage.what} outage`, timeoutMs: 300_000, intervalMs: 5 });
    Object.assign(begun, { answered, retries: api.retries });
    await outage.begin();
    try {
      await waitFor(async () => (await fetch(`${stack.apiUrl}/readyz`, { signal: AbortSignal.timeout(5_000) })).status === 503, {
        what: `/readyz to report the ${outage.what} outage`,
        timeoutMs: 30_000,
      });
      const since = () => ({ answered: answered - begun.answered, retries: api.retries - begun.retries });
      await waitFor(() => answered === items.length || enough(since()), { what: `work during the ${outage.what} outage`, timeoutMs: 30_000, intervalMs: 10 });
    } finally {
      begun.ended = answered;
      await outage.end();
    }
  })();
  await Promise.all([burst, fault]);
  return { answeredBefore: begun.answered, answeredDuring: begun.ended - begun.answered, retries: api.retries - retriesBefore };
}
