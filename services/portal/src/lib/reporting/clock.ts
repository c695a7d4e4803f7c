import type { QueryClient } from '@tanstack/react-query';
import { api, scopeKey, unwrap } from '../api';
import { can, type Me } from '../session';

/**
 * How far the environment's clock runs ahead of this browser's. Production
 * runs on real time (0); a sandbox runs on its test clock, which may be
 * months ahead once advanced. Rolling periods ("Last 30 days") end at the
 * environment's now, so that a sandbox's figures include what its clock ran.
 * A role that may not read the test clock learns the same now from the
 * dashboard's `asOf`, which every role may read.
 */
export const clockOffsetKey = () => [scopeKey(), 'clock-offset'] as const;

async function fetchOffset(me: Me | undefined): Promise<number> {
  if (me?.environment?.kind !== 'sandbox') return 0;
  const sent = Date.now();
  const now = can(me, 'testClock', 'read')
    ? (await unwrap(api.GET('/test-clock'))).now
    : (await unwrap(api.GET('/dashboard'))).asOf;
  // The answer's instant lies between sending and receiving: take the middle.
  return Date.parse(now) - (sent + Date.now()) / 2;
}

/** The offset from the cache while fresh (an advance invalidates it), asked again otherwise. */
export function environmentOffset(client: QueryClient, me: Me | undefined): Promise<number> {
  return client.fetchQuery({ queryKey: clockOffsetKey(), queryFn: () => fetchOffset(me), staleTime: 60_000 });
}
