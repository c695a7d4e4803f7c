import type { CallContext } from '@azotte/common';
import type { campaignV1 } from '@azotte/proto';
import type { Deps } from './deps';
import { moveCampaign } from './move-campaign';

/** Starts (or resumes) a campaign: from draft or paused to active. */
export const activateCampaign = (deps: Deps, ctx: CallContext, request: campaignV1.GetCampaignRequest): Promise<campaignV1.Campaign> =>
  moveCampaign(deps, ctx, request.id, 'activate');
