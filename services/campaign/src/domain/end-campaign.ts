import type { CallContext } from '@azotte/common';
import type { campaignV1 } from '@azotte/proto';
import type { Deps } from './deps';
import { moveCampaign } from './move-campaign';

/** Ends a campaign for good (a draft too): it applies to nobody and can no longer change. */
export const endCampaign = (deps: Deps, ctx: CallContext, request: campaignV1.GetCampaignRequest): Promise<campaignV1.Campaign> =>
  moveCampaign(deps, ctx, request.id, 'end');
