import { DomainError, startGrpcServer, unary, type Logger } from '@azotte/common';
import { campaignV1 } from '@azotte/proto';

/**
 * A stand-in for the campaign service (built beside billing): it answers
 * Evaluate from a table of coupon codes and records every Redeem and
 * ReleaseRedemption, so tests can see what billing reserved and gave back.
 */
export async function startFakeCampaign(logger: Logger) {
  const coupons = new Map<string, { applied?: campaignV1.AppliedOffer; reason?: string }>();
  const redeemed: campaignV1.RedeemRequest[] = [];
  const released: string[] = [];
  const evaluations: campaignV1.EvaluateRequest[] = [];
  const unimplemented = () => unary(logger, async () => {
    throw new DomainError('internal', 'unimplemented', 'not in the fake');
  });
  const implementation = {
    createCampaign: unimplemented(),
    listCampaigns: unimplemented(),
    getCampaign: unimplemented(),
    updateCampaign: unimplemented(),
    activateCampaign: unimplemented(),
    pauseCampaign: unimplemented(),
    endCampaign: unimplemented(),
    evaluate: unary(logger, async (req: campaignV1.EvaluateRequest): Promise<campaignV1.EvaluateResponse> => {
      evaluations.push(req);
      if (!req.couponCode) return { applied: [], rejected: [] };
      const entry = coupons.get(req.couponCode.toUpperCase());
      if (!entry) return { applied: [], rejected: [{ campaignId: '', code: req.couponCode.toUpperCase(), reason: 'unknown_code', message: 'No campaign has this code' }] };
      if (entry.reason) return { applied: [], rejected: [{ campaignId: 'cmp_x', code: req.couponCode.toUpperCase(), reason: entry.reason, message: `The code is ${entry.reason}` }] };
      return { applied: [entry.applied!], rejected: [] };
    }),
    redeem: unary(logger, async (req: campaignV1.RedeemRequest): Promise<campaignV1.Redemption> => {
      redeemed.push(req);
      return { id: `sr_${redeemed.length}`, campaignId: req.campaignId, code: req.couponCode, customerId: req.customerId, subscriptionId: req.subscriptionId, variant: '', status: 'reserved', createdAt: new Date().toISOString() };
    }),
    releaseRedemption: unary(logger, async (req: campaignV1.ReleaseRedemptionRequest): Promise<campaignV1.Redemption> => {
      released.push(req.idempotencyKey);
      return { id: 'sr_x', campaignId: '', code: '', customerId: '', subscriptionId: '', variant: '', status: 'released', createdAt: new Date().toISOString() };
    }),
  };
  const server = await startGrpcServer({
    logger,
    port: 0,
    services: [{ definition: campaignV1.CampaignServiceService, implementation: implementation as never, name: 'azotte.campaign.v1.CampaignService' }],
    dependencies: {},
  });
  return {
    port: server.port,
    coupons,
    redeemed,
    released,
    evaluations,
    stop: () => server.stop(),
  };
}
