import { scopedTable, type Db, type Scope } from '@azotte/common';
import type { campaignV1 } from '@azotte/proto';
import type { Knex } from 'knex';
import { toProtoOffer, type Offer } from '../domain/offers';
import { iso } from './db-errors';

export type RedemptionStatus = 'reserved' | 'confirmed' | 'released';

export interface RedemptionRow {
  id: string;
  tenant_id: string;
  environment_id: string;
  campaign_id: string;
  code: string | null;
  customer_id: string;
  subscription_id: string;
  variant: string | null;
  offer: Offer;
  status: RedemptionStatus;
  idempotency_key: string;
  created_at: Date;
  updated_at: Date;
}

export const REDEMPTION_KEY_UNIQUE = 'redemptions_idempotency_key_unique';

const redemptions = scopedTable('redemptions');

export async function insertRedemption(db: Db, scope: Scope, row: Omit<RedemptionRow, 'tenant_id' | 'environment_id' | 'offer'> & { offer: Offer }): Promise<void> {
  await redemptions.insert(db, scope, { ...row, offer: JSON.stringify(row.offer) });
}

export async function findRedemptionByKey(db: Db, scope: Scope, key: string): Promise<RedemptionRow | undefined> {
  return redemptions.in(db, scope).andWhere({ idempotency_key: key }).first();
}

/** Locks a redemption's row; taken after its campaign's lock. */
export async function lockRedemption(trx: Knex.Transaction, scope: Scope, id: string): Promise<RedemptionRow | undefined> {
  return redemptions.in(trx, scope).andWhere({ id }).forUpdate().first();
}

/** The redemptions still reserved for a subscription (billing's events name the subscription). */
export async function reservedForSubscription(db: Db, scope: Scope, subscriptionId: string): Promise<RedemptionRow[]> {
  return redemptions.in(db, scope).andWhere({ subscription_id: subscriptionId, status: 'reserved' }).orderBy('id');
}

/** True when the customer holds a reserved or confirmed redemption (a subscription under way or made). */
export async function customerHasRedemption(db: Db, scope: Scope, customerId: string): Promise<boolean> {
  const row = await redemptions
    .in(db, scope)
    .andWhere({ customer_id: customerId })
    .whereIn('status', ['reserved', 'confirmed'])
    .first('id');
  return row !== undefined;
}

export async function setRedemptionStatus(db: Db, scope: Scope, id: string, status: RedemptionStatus, at: Date): Promise<void> {
  await redemptions.in(db, scope).andWhere({ id }).update({ status, updated_at: at });
}

export function toRedemption(row: RedemptionRow): campaignV1.Redemption {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    code: row.code ?? '',
    customerId: row.customer_id,
    subscriptionId: row.subscription_id,
    variant: row.variant ?? '',
    status: row.status,
    offer: toProtoOffer(row.offer),
    createdAt: iso(row.created_at),
  };
}
