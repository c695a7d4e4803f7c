import { unary, type Logger } from '@azotte/common';
import type { campaignV1 } from '@azotte/proto';
import { activateCampaign } from '../domain/activate-campaign';
import { createCampaign } from '../domain/create-campaign';
import type { Deps } from '../domain/deps';
import { endCampaign } from '../domain/end-campaign';
import { evaluate } from '../domain/evaluate';
import { getCampaign } from '../domain/get-campaign';
import { listCampaigns } from '../domain/list-campaigns';
import { pauseCampaign } from '../domain/pause-campaign';
import { redeem } from '../domain/redeem';
import { releaseRedemption } from '../domain/release-redemption';
import { updateCampaign } from '../domain/update-campaign';

/** The gRPC transport: each method hands its request and call context to one operation. */
export function campaignHandlers(deps: Deps, logger: Logger): campaignV1.CampaignServiceServer {
  return {
    createCampaign: unary(logger, (req, ctx) => createCampaign(deps, ctx, req)),
    listCampaigns: unary(logger, (req, ctx) => listCampaigns(deps, ctx, req)),
    getCampaign: unary(logger, (req, ctx) => getCampaign(deps, ctx, req)),
    updateCampaign: unary(logger, (req, ctx) => updateCampaign(deps, ctx, req)),
    activateCampaign: unary(logger, (req, ctx) => activateCampaign(deps, ctx, req)),
    pauseCampaign: unary(logger, (req, ctx) => pauseCampaign(deps, ctx, req)),
    endCampaign: unary(logger, (req, ctx) => endCampaign(deps, ctx, req)),
    evaluate: unary(logger, (req, ctx) => evaluate(deps, ctx, req)),
    redeem: unary(logger, (req, ctx) => redeem(deps, ctx, req)),
    releaseRedemption: unary(logger, (req, ctx) => releaseRedemption(deps, ctx, req)),
  };
}
