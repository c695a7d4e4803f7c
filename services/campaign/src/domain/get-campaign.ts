import { notFound, type CallContext } from '@azotte/common';
import type { campaignV1 } from '@azotte/proto';
import { findCampaign, presentCampaigns } from '../store/campaigns';
import { readScope } from './access';
import type { Deps } from './deps';

/** A campaign of the caller's environment with its redemption counts (the campaign's and each code's). */
export async function getCampaign(deps: Deps, ctx: CallContext, request: campaignV1.GetCampaignRequest): Promise<campaignV1.Campaign> {
  const scope = readScope(ctx);
  const row = request.id ? await findCampaign(deps.db, scope, request.id) : undefined;
  if (!row) throw notFound('campaign', request.id);
  const [campaign] = await presentCampaigns(deps.db, scope, [row]);
  return campaign!;
}
