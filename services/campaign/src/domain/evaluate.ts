import { invalidArgument, type CallContext, type FieldError } from '@azotte/common';
import type { campaignV1 } from '@azotte/proto';
import { assignmentsOf } from '../store/assignments';
import { activeAutomaticCampaigns, findCampaign } from '../store/campaigns';
import { findCode } from '../store/codes';
import { readScope } from './access';
import { assignVariant } from './assignment';
import { CODE_SHAPE, normaliseCode } from './codes';
import type { Deps } from './deps';
import { decide, type Candidate } from './eligibility';
import { isNewCustomer } from './new-customer';
import { toProtoOffer } from './offers';
import { selectOffers, type Applicable } from './selection';
import type { Facts } from './targeting';

const MAX_ID = 64;

function checkRequest(request: campaignV1.EvaluateRequest): Date | undefined {
  const problems: FieldError[] = [];
  if (!request.customerId) problems.push({ path: 'customerId', message: 'is required' });
  else if (request.customerId.length > MAX_ID) problems.push({ path: 'customerId', message: 'is not a customer id' });
  if (!request.priceId) problems.push({ path: 'priceId', message: 'is required' });
  else if (request.priceId.length > MAX_ID) problems.push({ path: 'priceId', message: 'is not a price id' });
  if (request.storefrontId.length > MAX_ID) problems.push({ path: 'storefrontId', message: 'is not a storefront id' });
  if (request.couponCode.length > 100) problems.push({ path: 'couponCode', message: 'must be at most 100 characters' });
  const at = request.at === undefined ? undefined : new Date(request.at);
  if (at && Number.isNaN(at.getTime())) problems.push({ path: 'at', message: 'must be a timestamp' });
  if (problems.length > 0) throw invalidArgument(problems);
  return at;
}

/**
 * Which offers apply to a checkout (customer, price, storefront, code), and
 * why the others do not. Candidates are the active campaigns without codes,
 * plus the campaign of the code presented (a campaign with codes applies to
 * nobody else). Each is decided by eligibility.ts at the environment's time;
 * selection.ts keeps at most one discount and one trial extension.
 *
 * `rejected` always explains a presented code that cannot be used
 * (`unknown_code`, `not_active`, `expired`, `not_targeted`, `exhausted`), and
 * lists running automatic campaigns that did not match or are used up; it
 * says nothing of drafts, paused, ended or out-of-schedule automatic ones.
 *
 * The first time a customer's variant of an applied campaign is decided, it
 * is stored with its event: an evaluation may write, idempotently. A
 * `prospect` (a hosted checkout's buyer before there is a customer) writes
 * nothing.
 */
export async function evaluate(deps: Deps, ctx: CallContext, request: campaignV1.EvaluateRequest): Promise<campaignV1.EvaluateResponse> {
  const scope = readScope(ctx);
  const requestedAt = checkRequest(request);
  const at = requestedAt ?? (await deps.clocks.now(scope));
  const customerId = request.customerId;
  const prospect = request.prospect === true;
  const [customer, price, newCustomer] = await Promise.all([
    prospect ? { id: customerId, country: undefined, storefrontId: undefined, metadata: {} } : deps.facts.customer(customerId),
    deps.facts.price(request.priceId),
    prospect ? true : isNewCustomer(deps.db, scope, customerId),
  ]);
  const facts: Facts = {
    storefrontId: request.storefrontId || customer.storefrontId,
    country: customer.country,
    bundleId: price.bundleId,
    priceId: price.priceId,
    currency: price.currency,
    newCustomer,
    metadata: customer.metadata,
  };

  const rejected: campaignV1.Rejection[] = [];
  const candidates: Candidate[] = (await activeAutomaticCampaigns(deps.db, scope)).map((campaign) => ({ campaign }));
  const presented = request.couponCode.trim() ? normaliseCode(request.couponCode) : undefined;
  let presentedCampaignId: string | undefined;
  if (presented !== undefined) {
    const code = CODE_SHAPE.test(presented) ? await findCode(deps.db, scope, presented) : undefined;
    const campaign = code ? await findCampaign(deps.db, scope, code.campaign_id) : undefined;
    if (code && campaign) {
      candidates.push({ campaign, code });
      presentedCampaignId = campaign.id;
    } else {
      rejected.push({ campaignId: '', code: presented, reason: 'unknown_code', message: `No campaign has the code ${presented}.` });
    }
  }

  const withVariants = candidates.filter((c) => c.campaign.variants.length > 0).map((c) => c.campaign.id);
  const assigned = prospect ? new Map<string, string>() : await assignmentsOf(deps.db, scope, customerId, withVariants);
  const applicable: Applicable[] = [];
  for (const candidate of candidates) {
    const { campaign, code } = candidate;
    const decision = decide(candidate, facts, at, customerId, assigned.get(campaign.id));
    if (decision.applies) {
      applicable.push({ campaignId: campaign.id, code: code?.code, variant: decision.variant, offer: decision.offer });
    } else if (code || decision.reason === 'not_targeted' || decision.reason === 'exhausted') {
      rejected.push({ campaignId: campaign.id, code: code?.code ?? '', reason: decision.reason, message: decision.message });
    }
  }

  const applied = selectOffers(applicable, price, presentedCampaignId);
  const firstAssignments = prospect ? [] : applied.filter((a) => a.variant && !assigned.has(a.campaignId));
  if (firstAssignments.length > 0) {
    await deps.db.transaction(async (trx) => {
      for (const a of firstAssignments) {
        await assignVariant(trx, scope, { campaignId: a.campaignId, customerId, variant: a.variant!.key, assignedAt: at });
      }
    });
  }
  return {
    applied: applied.map((a) => ({
      campaignId: a.campaignId,
      variant: a.variant?.key ?? '',
      offer: toProtoOffer(a.offer),
      code: a.code ?? '',
    })),
    rejected,
  };
}
