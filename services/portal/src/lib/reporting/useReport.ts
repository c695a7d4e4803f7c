import { useQuery, useQueryClient } from '@tanstack/react-query';
import { scopeKey } from '../api';
import { useMe } from '../session';
import { environmentOffset } from './clock';
import { intervalFor, rangeOf, type Interval, type PeriodChoice, type Range } from './period';

/**
 * While another period loads, the figures of the last one stay in sight
 * (dimmed) — but never those of another environment or tenant.
 */
export function sameScopePrevious<T>(previous: T | undefined, previousQuery: { queryKey: readonly unknown[] } | undefined): T | undefined {
  return previousQuery?.queryKey[0] === scopeKey() ? previous : undefined;
}

export interface ReportOptions {
  /** Milliseconds between refreshes while the page is open (the dashboard's figures refresh themselves). */
  refetchInterval?: number;
  enabled?: boolean;
}

/**
 * A figure for a period: the key holds the choice (a preset, not its
 * instants), and the instants are worked out when the figure is fetched, from
 * the environment's now. So a refresh of "Last 30 days" moves with the clock.
 */
export function useReport<T>(
  key: readonly unknown[],
  choice: PeriodChoice,
  fetcher: (range: Range & { interval: Interval }) => Promise<T>,
  options: ReportOptions = {},
) {
  const client = useQueryClient();
  const me = useMe().data;
  return useQuery({
    queryKey: [scopeKey(), ...key, choice],
    queryFn: async () => {
      const offset = await environmentOffset(client, me);
      const range = rangeOf(choice, new Date(Date.now() + offset));
      return fetcher({ ...range, interval: intervalFor(range) });
    },
    placeholderData: sameScopePrevious,
    refetchInterval: options.refetchInterval,
    enabled: options.enabled ?? true,
  });
}
