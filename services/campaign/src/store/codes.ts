import { scopedTable, type Db, type Scope } from '@azotte/common';
import type { campaignV1 } from '@azotte/proto';
import type { Knex } from 'knex';
import type { CodeSpec } from '../domain/codes';

export interface CodeRow {
  campaign_id: string;
  tenant_id: string;
  environment_id: string;
  code: string;
  display_code: string;
  max_redemptions: number | null;
  redemptions: number;
  position: number;
  created_at: Date;
}

export const CODE_UNIQUE = 'campaign_codes_code_unique';

const codes = scopedTable('campaign_codes');

/** The codes of some campaigns, each campaign's in the order they were given. */
export async function codesOf(db: Db, scope: Scope, campaignIds: string[]): Promise<Map<string, CodeRow[]>> {
  const byCampaign = new Map<string, CodeRow[]>(campaignIds.map((id) => [id, []]));
  if (campaignIds.length === 0) return byCampaign;
  const rows: CodeRow[] = await codes.in(db, scope).whereIn('campaign_id', campaignIds).orderBy(['campaign_id', 'position']);
  for (const row of rows) byCampaign.get(row.campaign_id)?.push(row);
  return byCampaign;
}

/** The code of the environment, whatever campaign it belongs to (`code` upper case). */
export async function findCode(db: Db, scope: Scope, code: string): Promise<CodeRow | undefined> {
  return codes.in(db, scope).andWhere({ code }).first();
}

/** Locks a code's row; taken after its campaign's lock. */
export async function lockCode(trx: Knex.Transaction, scope: Scope, campaignId: string, code: string): Promise<CodeRow | undefined> {
  return codes.in(trx, scope).andWhere({ campaign_id: campaignId, code }).forUpdate().first();
}

/** Which of `wanted` (upper case) other campaigns of the environment already use. */
export async function takenCodes(db: Db, scope: Scope, wanted: string[], campaignId: string): Promise<string[]> {
  if (wanted.length === 0) return [];
  const rows: Array<{ code: string }> = await codes
    .in(db, scope)
    .whereIn('code', wanted)
    .andWhereNot({ campaign_id: campaignId })
    .select('code');
  return rows.map((r) => r.code);
}

/**
 * Makes the campaign's codes exactly `specs`: codes that stay keep their
 * redemption counts (their limits may change), others are removed, new ones
 * start at zero.
 */
export async function replaceCodes(trx: Knex.Transaction, scope: Scope, campaignId: string, specs: CodeSpec[], at: Date): Promise<void> {
  const keep = specs.map((s) => s.code);
  const stale = codes.in(trx, scope).andWhere({ campaign_id: campaignId });
  if (keep.length > 0) stale.whereNotIn('code', keep);
  await stale.delete();
  if (specs.length === 0) return;
  await codes
    .insert(
      trx,
      scope,
      specs.map((s, position) => ({
        campaign_id: campaignId,
        code: s.code,
        display_code: s.display,
        max_redemptions: s.maxRedemptions,
        redemptions: 0,
        position,
        created_at: at,
      })),
    )
    .onConflict(['campaign_id', 'code'])
    .merge(['display_code', 'max_redemptions', 'position']);
}

/** Moves a code's redemption counter by `delta` (+1 reserved, −1 released). */
export async function countCodeRedemption(db: Db, scope: Scope, campaignId: string, code: string, delta: 1 | -1): Promise<void> {
  await codes
    .in(db, scope)
    .andWhere({ campaign_id: campaignId, code })
    .update({ redemptions: db.raw('GREATEST(redemptions + ?, 0)', [delta]) });
}

export const toProtoCode = (row: CodeRow): campaignV1.Code => ({
  code: row.display_code,
  maxRedemptions: row.max_redemptions ?? undefined,
  redemptions: row.redemptions,
});
