import type { CampaignRow } from '../store/campaigns';
import type { CodeRow } from '../store/codes';
import type { Reason } from './errors';

export interface Refusal {
  reason: Reason;
  message: string;
}

/**
 * Whether a campaign runs at `at` (the environment's time): active, and
 * inside its schedule. Before `startsAt` it is `not_active`; from `endsAt`
 * on it is `expired` (the end is exclusive), whatever its status says.
 */
export function availabilityProblem(campaign: Pick<CampaignRow, 'status' | 'starts_at' | 'ends_at'>, at: Date): Refusal | undefined {
  if (campaign.status !== 'active') {
    return { reason: 'not_active', message: `The campaign is ${campaign.status}.` };
  }
  if (campaign.starts_at && at < campaign.starts_at) {
    return { reason: 'not_active', message: `The campaign starts at ${campaign.starts_at.toISOString()}.` };
  }
  if (campaign.ends_at && at >= campaign.ends_at) {
    return { reason: 'expired', message: `The campaign ended at ${campaign.ends_at.toISOString()}.` };
  }
  return undefined;
}

/** Whether the campaign's total limit, or the code's own, is used up by reserved and confirmed redemptions. */
export function limitProblem(
  campaign: Pick<CampaignRow, 'max_redemptions' | 'redemptions'>,
  code?: Pick<CodeRow, 'display_code' | 'max_redemptions' | 'redemptions'>,
): Refusal | undefined {
  if (campaign.max_redemptions !== null && campaign.redemptions >= campaign.max_redemptions) {
    return { reason: 'exhausted', message: `The campaign has reached its limit of ${campaign.max_redemptions} redemptions.` };
  }
  if (code && code.max_redemptions !== null && code.redemptions >= code.max_redemptions) {
    return { reason: 'exhausted', message: `The code ${code.display_code} has reached its limit of ${code.max_redemptions} redemptions.` };
  }
  return undefined;
}
