import { type CallContext, invalidArgument, pageOf } from '@azotte/common';
import type { campaignV1 } from '@azotte/proto';
import { listQuery, presentCampaigns, type CampaignRow } from '../store/campaigns';
import { readScope } from './access';
import type { Deps } from './deps';
import { STATUSES } from './lifecycle';

/** The environment's campaigns, newest first, optionally of one status. */
export async function listCampaigns(
  deps: Deps,
  ctx: CallContext,
  request: campaignV1.ListCampaignsRequest,
): Promise<campaignV1.ListCampaignsResponse> {
  const scope = readScope(ctx);
  if (request.status && !(STATUSES as readonly string[]).includes(request.status)) {
    throw invalidArgument([{ path: 'status', message: `must be one of ${STATUSES.join(', ')}` }]);
  }
  const { rows, nextCursor } = await pageOf<CampaignRow>(listQuery(deps.db, scope, request.status || undefined), request.page);
  return { data: await presentCampaigns(deps.db, scope, rows), nextCursor };
}
