import type { Knex } from 'knex';
import type { StoredEvent } from '../events/stored-event';

const RANK: Record<string, number> = { reserved: 0, confirmed: 1, released: 2 };

/** campaign.campaign.*: the campaign exists in this scope, with its variants (latest event wins). */
export async function applyCampaign(trx: Knex, event: StoredEvent): Promise<void> {
  const campaign = event.payload.campaign;
  if (!campaign?.id || !event.environmentId) return;
  const variants = Array.isArray(campaign.variants) ? campaign.variants.map((v: { key?: string }) => v.key).filter(Boolean) : [];
  await trx('campaigns')
    .insert({
      tenant_id: event.tenantId,
      environment_id: event.environmentId,
      campaign_id: campaign.id,
      variants: JSON.stringify(variants),
      last_event_id: event.id,
    })
    .onConflict(['tenant_id', 'environment_id', 'campaign_id'])
    .merge()
    .where('campaigns.last_event_id', '<', event.id);
}

/** campaign.variant.assigned: one per (campaign, customer), never changed. */
export async function applyAssignment(trx: Knex, event: StoredEvent): Promise<void> {
  const p = event.payload;
  if (!p.campaignId || !p.customerId || !p.variant || !event.environmentId) return;
  await trx('variant_assignments')
    .insert({ tenant_id: event.tenantId, environment_id: event.environmentId, campaign_id: p.campaignId, customer_id: p.customerId, variant: p.variant })
    .onConflict(['tenant_id', 'environment_id', 'campaign_id', 'customer_id'])
    .ignore();
}

/** campaign.redemption.*: the furthest status seen wins (reserved < confirmed < released), whatever the arrival order. */
export async function applyRedemption(trx: Knex, event: StoredEvent): Promise<void> {
  const p = event.payload;
  const status = p.status || event.type.split('.')[2];
  if (!p.redemptionId || !p.campaignId || RANK[status] === undefined || !event.environmentId) return;
  await trx('redemptions')
    .insert({
      redemption_id: p.redemptionId,
      tenant_id: event.tenantId,
      environment_id: event.environmentId,
      campaign_id: p.campaignId,
      variant: p.variant ?? '',
      status,
      rank: RANK[status],
    })
    .onConflict('redemption_id')
    .merge()
    .where('redemptions.rank', '<', RANK[status]);
}
