import { useQuery } from '@tanstack/react-query';
import { api, scopeKey, unwrap } from '../../../lib/api';
import { sameScopePrevious } from '../../../lib/reporting';
import type { CampaignRow, CampaignStatus } from './campaigns';

/**
 * A page of campaigns with each one's all-time figures, asked in parallel.
 * One report that fails leaves its row without figures, not the page empty.
 */
export function useCampaignPerformance(status: CampaignStatus | undefined, cursor: string | undefined) {
  return useQuery({
    queryKey: [scopeKey(), 'analytics', 'campaigns', { status, cursor }],
    queryFn: async () => {
      const page = await unwrap(api.GET('/campaigns', { params: { query: { limit: 20, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) } } }));
      const reports = await Promise.allSettled(page.data.map((c) => unwrap(api.GET('/analytics/campaigns/{id}', { params: { path: { id: c.id } } }))));
      const rows: CampaignRow[] = page.data.map((campaign, i) => {
        const result = reports[i];
        return { campaign, report: result?.status === 'fulfilled' ? result.value : null };
      });
      return { rows, nextCursor: page.nextCursor };
    },
    placeholderData: sameScopePrevious,
  });
}

/** One campaign and its figures, for the detail beside the list. */
export function useCampaignDetail(id: string | undefined) {
  return useQuery({
    queryKey: [scopeKey(), 'analytics', 'campaigns', 'detail', id],
    queryFn: async () => {
      const [campaign, report] = await Promise.all([
        unwrap(api.GET('/campaigns/{id}', { params: { path: { id: id! } } })),
        unwrap(api.GET('/analytics/campaigns/{id}', { params: { path: { id: id! } } })),
      ]);
      return { campaign, report };
    },
    enabled: !!id,
  });
}
