import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type paths, type Schema } from '../../../lib/api';
import { useScopeKey } from './scope';

export type Campaign = Schema<'Campaign'>;
export type CampaignStatus = Campaign['status'];
export type ListParams = NonNullable<paths['/campaigns']['get']['parameters']['query']>;
export type Move = 'activate' | 'pause' | 'end';

export function useCampaigns(params: ListParams) {
  const scope = useScopeKey();
  return useQuery({
    queryKey: [scope, 'campaigns', params],
    queryFn: () => unwrap(api.GET('/campaigns', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

export function useCampaign(id: string) {
  const scope = useScopeKey();
  return useQuery({
    queryKey: [scope, 'campaigns', id],
    queryFn: () => unwrap(api.GET('/campaigns/{id}', { params: { path: { id } } })),
  });
}

/** After any change: every list and the campaign itself are read again (by prefix). */
function useInvalidateCampaigns() {
  const scope = useScopeKey();
  const client = useQueryClient();
  return (campaign?: Campaign) => {
    if (campaign) client.setQueryData([scope, 'campaigns', campaign.id], campaign);
    return client.invalidateQueries({ queryKey: [scope, 'campaigns'] });
  };
}

export function useCreateCampaign() {
  const invalidate = useInvalidateCampaigns();
  return useMutation({
    mutationFn: ({ body, key }: { body: Schema<'CreateCampaignRequest'>; key: string }) =>
      unwrap(api.POST('/campaigns', { body, headers: { 'Idempotency-Key': key } })),
    onSuccess: (campaign) => invalidate(campaign),
  });
}

export function useUpdateCampaign(id: string) {
  const invalidate = useInvalidateCampaigns();
  return useMutation({
    mutationFn: (body: Schema<'UpdateCampaignRequest'>) => unwrap(api.PATCH('/campaigns/{id}', { params: { path: { id } }, body })),
    onSuccess: (campaign) => invalidate(campaign),
  });
}

const MOVES = {
  activate: (id: string) => api.POST('/campaigns/{id}/activate', { params: { path: { id } } }),
  pause: (id: string) => api.POST('/campaigns/{id}/pause', { params: { path: { id } } }),
  end: (id: string) => api.POST('/campaigns/{id}/end', { params: { path: { id } } }),
} as const;

/** Activate, pause or end: the campaignOperations row of the role table. */
export function useMoveCampaign(id: string) {
  const invalidate = useInvalidateCampaigns();
  return useMutation({
    mutationFn: (move: Move) => unwrap(MOVES[move](id)),
    onSuccess: (campaign) => invalidate(campaign),
  });
}

export function useEvaluate() {
  return useMutation({
    mutationFn: (body: Schema<'EvaluateCampaignsRequest'>) => unwrap(api.POST('/campaigns/evaluate', { body })),
  });
}

export function useCampaignReport(id: string, enabled: boolean) {
  const scope = useScopeKey();
  return useQuery({
    queryKey: [scope, 'analytics', 'campaigns', id],
    queryFn: () => unwrap(api.GET('/analytics/campaigns/{id}', { params: { path: { id } } })),
    enabled,
    // Analytics is built from events: a campaign it has not heard of yet is a 404, not a fault.
    retry: false,
  });
}
