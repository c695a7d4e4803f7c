import { api, unwrap } from '../../lib/api';
import { useReport, type PeriodChoice } from '../../lib/reporting';

/** While the page is open its figures refresh themselves this often. */
export const REFRESH_MS = 15_000;

/** GET /dashboard for the chosen period, refreshed every 15 seconds. */
export function useDashboard(choice: PeriodChoice) {
  return useReport(['dashboard'], choice, ({ from, to }) => unwrap(api.GET('/dashboard', { params: { query: { from, to } } })), {
    refetchInterval: REFRESH_MS,
  });
}
