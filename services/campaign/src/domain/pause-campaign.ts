import type { CallContext } from '@azotte/common';
import type { campaignV1 } from '@azotte/proto';
import type { Deps } from './deps';
import { moveCampaign } from './move-campaign';

/** Pauses an active campaign: it applies to nobody until activated again. */
export const pauseCampaign = (deps: Deps, ctx: CallContext, request: campaignV1.GetCampaignRequest): Promise<campaignV1.Campaign> =>
  moveCampaign(deps, ctx, request.id, 'pause');
