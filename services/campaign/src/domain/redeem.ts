import { invalidArgument, newId, notFound, type CallContext, type FieldError, type Scope } from '@azotte/common';
import type { campaignV1 } from '@azotte/proto';
import type { Knex } from 'knex';
import { redemptionChanged } from '../events/emit';
import { assignmentsOf } from '../store/assignments';
import { countRedemption, lockCampaign } from '../store/campaigns';
import { countCodeRedemption, lockCode } from '../store/codes';
import { isUniqueViolation } from '../store/db-errors';
import {
  findRedemptionByKey,
  insertRedemption,
  REDEMPTION_KEY_UNIQUE,
  setRedemptionStatus,
  toRedemption,
  type RedemptionRow,
} from '../store/redemptions';
import { subscriptionStatus } from '../store/subscriptions';
import { serviceScope } from './access';
import { assignVariant } from './assignment';
import { availabilityProblem, limitProblem } from './availability';
import { normaliseCode } from './codes';
import type { Deps } from './deps';
import { variantOf } from './eligibility';
import { idempotencyKeyReused, refused } from './errors';
import { outcomeOf } from './settlement';

function checkRequest(request: campaignV1.RedeemRequest): Date | undefined {
  const problems: FieldError[] = [];
  const required = (path: string, value: string, max = 64) => {
    if (!value) problems.push({ path, message: 'is required' });
    else if (value.length > max) problems.push({ path, message: `must be at most ${max} characters` });
  };
  required('campaignId', request.campaignId);
  required('customerId', request.customerId);
  required('subscriptionId', request.subscriptionId);
  required('idempotencyKey', request.idempotencyKey, 255);
  if (request.couponCode.length > 100) problems.push({ path: 'couponCode', message: 'must be at most 100 characters' });
  const at = request.at === undefined ? undefined : new Date(request.at);
  if (at && Number.isNaN(at.getTime())) problems.push({ path: 'at', message: 'must be a timestamp' });
  if (problems.length > 0) throw invalidArgument(problems);
  return at;
}

/** A replay returns the first redemption; the same key for another redemption is a conflict. */
function replayOf(existing: RedemptionRow, request: campaignV1.RedeemRequest): campaignV1.Redemption {
  const same =
    existing.campaign_id === request.campaignId &&
    existing.customer_id === request.customerId &&
    existing.subscription_id === request.subscriptionId;
  if (!same) throw idempotencyKeyReused();
  return toRedemption(existing);
}

/**
 * Reserves one redemption of a campaign (and of the presented code) for a
 * subscription billing is creating. Everything happens in one transaction
 * that first locks the campaign's row (then the code's): the status, the
 * schedule at the environment's time, and the limits (reserved + confirmed <
 * limit) are checked and the counters moved while no other redemption of the
 * campaign can run, so a limit holds under any concurrency. The idempotency
 * key (billing: `<subscription id>:<campaign id>`) is unique in the
 * environment: a replay, concurrent or late, returns the first redemption.
 *
 * Targeting is not checked again: billing redeems what Evaluate applied.
 * Refusals are 422 with the reason as code: `not_active`, `expired`,
 * `unknown_code`, `exhausted`.
 */
export async function redeem(deps: Deps, ctx: CallContext, request: campaignV1.RedeemRequest): Promise<campaignV1.Redemption> {
  const scope = serviceScope(ctx);
  const requestedAt = checkRequest(request);
  try {
    return await deps.db.transaction((trx) => reserve(deps, trx, scope, request, requestedAt));
  } catch (err) {
    // Another key-holder committed between our check and our insert (another campaign's lock).
    if (!isUniqueViolation(err, REDEMPTION_KEY_UNIQUE)) throw err;
    const existing = await findRedemptionByKey(deps.db, scope, request.idempotencyKey);
    if (!existing) throw err;
    return replayOf(existing, request);
  }
}

async function reserve(
  deps: Deps,
  trx: Knex.Transaction,
  scope: Scope,
  request: campaignV1.RedeemRequest,
  requestedAt: Date | undefined,
): Promise<campaignV1.Redemption> {
  const campaign = await lockCampaign(trx, scope, request.campaignId);
  if (!campaign) throw notFound('campaign', request.campaignId);
  // Read under the lock: a concurrent first call with the same key has committed or not started.
  const existing = await findRedemptionByKey(trx, scope, request.idempotencyKey);
  if (existing) return replayOf(existing, request);

  const at = requestedAt ?? (await deps.clocks.now(scope, trx));
  const unavailable = availabilityProblem(campaign, at);
  if (unavailable) throw refused(unavailable.reason, unavailable.message);

  const presented = request.couponCode.trim() ? normaliseCode(request.couponCode) : undefined;
  const code = campaign.has_codes && presented ? await lockCode(trx, scope, campaign.id, presented) : undefined;
  if (campaign.has_codes && !code) {
    throw refused('unknown_code', presented ? `The campaign has no code ${presented}.` : 'The campaign needs a coupon code.');
  }
  const exhausted = limitProblem(campaign, code);
  if (exhausted) throw refused(exhausted.reason, exhausted.message);

  const assigned = campaign.variants.length > 0 ? (await assignmentsOf(trx, scope, request.customerId, [campaign.id])).get(campaign.id) : undefined;
  const variant = variantOf(campaign, request.customerId, assigned);
  if (variant && !assigned) {
    await assignVariant(trx, scope, { campaignId: campaign.id, customerId: request.customerId, variant: variant.key, assignedAt: at });
  }

  const row: RedemptionRow = {
    id: newId('red'),
    tenant_id: scope.tenantId,
    environment_id: scope.environmentId,
    campaign_id: campaign.id,
    code: code?.code ?? null,
    customer_id: request.customerId,
    subscription_id: request.subscriptionId,
    variant: variant?.key ?? null,
    offer: variant?.offer ?? campaign.offer,
    status: 'reserved',
    idempotency_key: request.idempotencyKey,
    created_at: at,
    updated_at: at,
  };
  await insertRedemption(trx, scope, row);
  await countRedemption(trx, scope, campaign.id, 1);
  if (code) await countCodeRedemption(trx, scope, campaign.id, code.code, 1);
  await redemptionChanged(trx, scope, row, at);

  // Billing's event about the subscription may have arrived before this call: settle at once.
  const status = await subscriptionStatus(trx, scope, request.subscriptionId);
  if (status !== undefined && outcomeOf(status) === 'confirmed') {
    row.status = 'confirmed';
    await setRedemptionStatus(trx, scope, row.id, 'confirmed', at);
    await redemptionChanged(trx, scope, row, at);
  }
  return toRedemption(row);
}
