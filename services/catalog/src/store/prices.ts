import { scopedTable, type Db, type Scope } from '@azotte/common';
import type { catalogV1 } from '@azotte/proto';
import type { Knex } from 'knex';
import type { PriceTerms, PricingTier, Strategy, TiersMode } from '../domain/pricing';
import { iso, isoOrUndefined } from './dates';

export type PriceStatus = 'active' | 'archived';
export type Interval = 'day' | 'week' | 'month' | 'year';

export interface PriceRow {
  id: string;
  tenant_id: string;
  environment_id: string;
  bundle_id: string;
  currency: string;
  strategy: Strategy;
  // bigint columns come back from node-postgres as strings.
  amount: string | number | null;
  unit_amount_decimal: string | null;
  tiers_mode: TiersMode | null;
  tiers: PricingTier[] | null;
  interval: Interval;
  interval_count: number;
  setup_fee: string | number | null;
  trial_days: number;
  storefront_ids: string[];
  countries: string[];
  status: PriceStatus;
  created_at: Date;
  archived_at: Date | null;
}

/** A price as validated, before it is written (it is never changed afterwards). */
export interface PriceFields {
  currency: string;
  strategy: Strategy;
  amount?: number;
  unitAmountDecimal?: string;
  tiersMode?: TiersMode;
  tiers?: PricingTier[];
  interval: Interval;
  intervalCount: number;
  setupFee?: number;
  trialDays: number;
  storefrontIds: string[];
  countries: string[];
}

const prices = scopedTable('prices');

export async function insertPrice(
  db: Db,
  scope: Scope,
  row: { id: string; bundleId: string; at: Date; fields: PriceFields },
): Promise<void> {
  const { fields: f } = row;
  await prices.insert(db, scope, {
    id: row.id,
    bundle_id: row.bundleId,
    currency: f.currency,
    strategy: f.strategy,
    amount: f.amount ?? null,
    unit_amount_decimal: f.unitAmountDecimal ?? null,
    tiers_mode: f.tiersMode ?? null,
    tiers: f.tiers ? JSON.stringify(f.tiers) : null,
    interval: f.interval,
    interval_count: f.intervalCount,
    setup_fee: f.setupFee ?? null,
    trial_days: f.trialDays,
    storefront_ids: JSON.stringify(f.storefrontIds),
    countries: JSON.stringify(f.countries),
    status: 'active',
    created_at: row.at,
  });
}

export async function findPrice(db: Db, scope: Scope, id: string): Promise<PriceRow | undefined> {
  return prices.in(db, scope).andWhere({ id }).first();
}

export async function lockPrice(trx: Knex.Transaction, scope: Scope, id: string): Promise<PriceRow | undefined> {
  return prices.in(trx, scope).andWhere({ id }).forUpdate().first();
}

export function pricesQuery(db: Db, scope: Scope, bundleId: string, status?: PriceStatus): Knex.QueryBuilder {
  const query = prices.in(db, scope).andWhere({ bundle_id: bundleId });
  return status ? query.andWhere({ status }) : query;
}

export async function archivePrice(db: Db, scope: Scope, id: string, at: Date): Promise<void> {
  await prices.in(db, scope).andWhere({ id }).update({ status: 'archived', archived_at: at });
}

const money = (value: string | number | null): number | undefined => (value === null ? undefined : Number(value));

/** What decides the price's amount, for the pricing module. */
export function termsOf(row: PriceRow): PriceTerms {
  switch (row.strategy) {
    case 'flat':
      return { strategy: 'flat', amount: Number(row.amount) };
    case 'per_unit':
      return { strategy: 'per_unit', amount: money(row.amount), unitAmountDecimal: row.unit_amount_decimal ?? undefined };
    case 'tiered':
      return { strategy: 'tiered', tiersMode: row.tiers_mode ?? 'graduated', tiers: row.tiers ?? [] };
  }
}

export function toPrice(row: PriceRow): catalogV1.Price {
  return {
    id: row.id,
    bundleId: row.bundle_id,
    currency: row.currency,
    strategy: row.strategy,
    amount: money(row.amount),
    unitAmountDecimal: row.unit_amount_decimal ?? undefined,
    tiersMode: row.tiers_mode ?? undefined,
    tiers: (row.tiers ?? []).map((t) => ({
      upTo: t.upTo ?? undefined,
      unitAmount: t.unitAmount,
      unitAmountDecimal: t.unitAmountDecimal,
      flatAmount: t.flatAmount,
    })),
    interval: row.interval,
    intervalCount: row.interval_count,
    setupFee: money(row.setup_fee),
    trialDays: row.trial_days,
    storefrontIds: [...row.storefront_ids],
    countries: [...row.countries],
    status: row.status,
    environmentId: row.environment_id,
    createdAt: iso(row.created_at),
    archivedAt: isoOrUndefined(row.archived_at),
  };
}
