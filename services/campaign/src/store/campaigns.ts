import { scopedTable, type Db, type Scope } from '@azotte/common';
import type { campaignV1 } from '@azotte/proto';
import type { Knex } from 'knex';
import type { CampaignFields } from '../domain/campaign-fields';
import type { Status } from '../domain/lifecycle';
import { toProtoOffer, type Offer } from '../domain/offers';
import type { Targeting } from '../domain/targeting';
import { toProtoVariant, type Variant } from '../domain/variants';
import { codesOf, toProtoCode, type CodeRow } from './codes';
import { iso } from './db-errors';

export interface CampaignRow {
  id: string;
  tenant_id: string;
  environment_id: string;
  name: string;
  status: Status;
  starts_at: Date | null;
  ends_at: Date | null;
  offer: Offer;
  targeting: Targeting | null;
  variants: Variant[];
  has_codes: boolean;
  max_redemptions: number | null;
  redemptions: number;
  created_at: Date;
  updated_at: Date;
}

const campaigns = scopedTable('campaigns');

/** The columns of the editable fields (codes live in their own table). jsonb gets JSON text. */
export const columnsOf = (fields: CampaignFields) => ({
  name: fields.name,
  starts_at: fields.startsAt,
  ends_at: fields.endsAt,
  offer: JSON.stringify(fields.offer),
  targeting: fields.targeting === null ? null : JSON.stringify(fields.targeting),
  variants: JSON.stringify(fields.variants),
  has_codes: fields.codes.length > 0,
  max_redemptions: fields.maxRedemptions,
});

export async function insertCampaign(
  db: Db,
  scope: Scope,
  row: { id: string; status: Status; created_at: Date; fields: CampaignFields },
): Promise<void> {
  await campaigns.insert(db, scope, {
    id: row.id,
    status: row.status,
    redemptions: 0,
    created_at: row.created_at,
    updated_at: row.created_at,
    ...columnsOf(row.fields),
  });
}

export async function findCampaign(db: Db, scope: Scope, id: string): Promise<CampaignRow | undefined> {
  return campaigns.in(db, scope).andWhere({ id }).first();
}

/**
 * Locks the campaign's row for the rest of the transaction. Every change of
 * a campaign, and every redemption of it, takes this lock first (and a code's
 * lock only after it), so limits are checked and counted one at a time.
 */
export async function lockCampaign(trx: Knex.Transaction, scope: Scope, id: string): Promise<CampaignRow | undefined> {
  return campaigns.in(trx, scope).andWhere({ id }).forUpdate().first();
}

export async function updateCampaignRow(db: Db, scope: Scope, id: string, changes: Record<string, unknown>): Promise<void> {
  await campaigns.in(db, scope).andWhere({ id }).update(changes);
}

/** Moves the redemption counter by `delta` (+1 reserved, −1 released). */
export async function countRedemption(db: Db, scope: Scope, id: string, delta: 1 | -1): Promise<void> {
  await campaigns
    .in(db, scope)
    .andWhere({ id })
    .update({ redemptions: db.raw('GREATEST(redemptions + ?, 0)', [delta]) });
}

export function listQuery(db: Db, scope: Scope, status?: string): Knex.QueryBuilder {
  const query = campaigns.in(db, scope);
  if (status) query.andWhere({ status });
  return query;
}

/** Active campaigns without codes: the ones that may apply to anyone their targeting matches. */
export async function activeAutomaticCampaigns(db: Db, scope: Scope): Promise<CampaignRow[]> {
  return campaigns.in(db, scope).andWhere({ status: 'active', has_codes: false }).orderBy('id');
}

export function toCampaign(row: CampaignRow, codes: CodeRow[]): campaignV1.Campaign {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    startsAt: row.starts_at ? iso(row.starts_at) : undefined,
    endsAt: row.ends_at ? iso(row.ends_at) : undefined,
    offer: toProtoOffer(row.offer),
    targeting: row.targeting ?? undefined,
    codes: codes.map(toProtoCode),
    maxRedemptions: row.max_redemptions ?? undefined,
    redemptions: row.redemptions,
    variants: row.variants.map((v) => toProtoVariant(v, toProtoOffer)),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    environmentId: row.environment_id,
  };
}

/** Rows as the proto's campaigns, with their codes (one query for all of them). */
export async function presentCampaigns(db: Db, scope: Scope, rows: CampaignRow[]): Promise<campaignV1.Campaign[]> {
  const codes = await codesOf(db, scope, rows.map((r) => r.id));
  return rows.map((row) => toCampaign(row, codes.get(row.id) ?? []));
}
