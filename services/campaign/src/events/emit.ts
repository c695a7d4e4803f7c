import { enqueueEvent, type Db, type Scope } from '@azotte/common';
import { EVENTS, eventsV1, type campaignV1 } from '@azotte/proto';
import type { Action } from '../domain/lifecycle';
import { toProtoOffer } from '../domain/offers';
import type { RedemptionRow } from '../store/redemptions';

/**
 * What the service publishes, each written to the outbox in the caller's
 * transaction with the scope of the object that changed (the actor and the
 * trace context come from the current call). Payloads are the JSON form of
 * the messages of proto/azotte/events/v1/campaign.proto.
 */
const write = (trx: Db, scope: Scope, type: string, payload: unknown) =>
  enqueueEvent(trx, {
    type,
    payload,
    scope: { tenantId: scope.tenantId, environmentId: scope.environmentId, environmentKind: scope.environmentKind },
  });

export const campaignCreated = (trx: Db, scope: Scope, campaign: campaignV1.Campaign) =>
  write(trx, scope, EVENTS.campaign.campaignCreated, eventsV1.CampaignChanged.toJSON({ campaign, changedFields: [], previousStatus: '' }));

export const campaignUpdated = (trx: Db, scope: Scope, campaign: campaignV1.Campaign, changedFields: string[]) =>
  write(trx, scope, EVENTS.campaign.campaignUpdated, eventsV1.CampaignChanged.toJSON({ campaign, changedFields, previousStatus: '' }));

const MOVED: Record<Action, string> = {
  activate: EVENTS.campaign.campaignActivated,
  pause: EVENTS.campaign.campaignPaused,
  end: EVENTS.campaign.campaignEnded,
};

export const campaignMoved = (trx: Db, scope: Scope, action: Action, campaign: campaignV1.Campaign, previousStatus: string) =>
  write(trx, scope, MOVED[action], eventsV1.CampaignChanged.toJSON({ campaign, changedFields: ['status'], previousStatus }));

export const variantAssigned = (trx: Db, scope: Scope, assignment: { campaignId: string; customerId: string; variant: string; assignedAt: Date }) =>
  write(
    trx,
    scope,
    EVENTS.campaign.variantAssigned,
    eventsV1.VariantAssigned.toJSON({ ...assignment, assignedAt: assignment.assignedAt.toISOString() }),
  );

const REDEMPTION: Record<RedemptionRow['status'], string> = {
  reserved: EVENTS.campaign.redemptionReserved,
  confirmed: EVENTS.campaign.redemptionConfirmed,
  released: EVENTS.campaign.redemptionReleased,
};

/** The redemption's event for the status it has just reached. */
export const redemptionChanged = (trx: Db, scope: Scope, redemption: RedemptionRow, at: Date) =>
  write(
    trx,
    scope,
    REDEMPTION[redemption.status],
    eventsV1.RedemptionChanged.toJSON({
      redemptionId: redemption.id,
      campaignId: redemption.campaign_id,
      variant: redemption.variant ?? '',
      code: redemption.code ?? '',
      customerId: redemption.customer_id,
      subscriptionId: redemption.subscription_id,
      offer: toProtoOffer(redemption.offer),
      status: redemption.status,
      occurredAt: at.toISOString(),
    }),
  );
