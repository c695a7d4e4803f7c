import { scopedTable, type Db, type Scope } from '@azotte/common';
import { tenantV1 } from '@azotte/proto';
import type { Knex } from 'knex';
import { iso } from './db-errors';

export type StorefrontStatus = 'active' | 'archived';

export interface StorefrontRow {
  id: string;
  tenant_id: string;
  environment_id: string;
  name: string;
  slug: string;
  branding: tenantV1.Branding;
  payment_methods: string[];
  regional: tenantV1.Regional;
  status: StorefrontStatus;
  created_at: Date;
  updated_at: Date;
}

/** What a caller sets on a storefront (validated before it reaches the store). */
export type StorefrontFields = Pick<tenantV1.Storefront, 'name' | 'slug' | 'paymentMethods'> & {
  branding: tenantV1.Branding;
  regional: tenantV1.Regional;
};

export const STOREFRONT_SLUG_UNIQUE = 'storefronts_slug_unique';

const storefronts = scopedTable('storefronts');

// jsonb columns get JSON text: node-postgres would turn a JS array into a Postgres array.
const jsonColumns = (fields: StorefrontFields) => ({
  name: fields.name,
  slug: fields.slug,
  branding: JSON.stringify(fields.branding),
  payment_methods: JSON.stringify(fields.paymentMethods),
  regional: JSON.stringify(fields.regional),
});

export async function insertStorefront(
  db: Db,
  scope: Scope,
  row: { id: string; status: StorefrontStatus; created_at: Date; updated_at: Date } & { fields: StorefrontFields },
): Promise<void> {
  const { fields, ...rest } = row;
  await storefronts.insert(db, scope, { ...rest, ...jsonColumns(fields) });
}

export async function findStorefront(db: Db, scope: Scope, id: string): Promise<StorefrontRow | undefined> {
  return storefronts.in(db, scope).andWhere({ id }).first();
}

/** Locks the storefront's row for a read-modify-write. */
export async function lockStorefront(trx: Knex.Transaction, scope: Scope, id: string): Promise<StorefrontRow | undefined> {
  return storefronts.in(trx, scope).andWhere({ id }).forUpdate().first();
}

export function storefrontsQuery(db: Db, scope: Scope): Knex.QueryBuilder {
  return storefronts.in(db, scope);
}

export async function updateStorefront(db: Db, scope: Scope, id: string, fields: StorefrontFields, at: Date) {
  await storefronts
    .in(db, scope)
    .andWhere({ id })
    .update({ ...jsonColumns(fields), updated_at: at });
}

export async function archiveStorefront(db: Db, scope: Scope, id: string, at: Date): Promise<void> {
  await storefronts.in(db, scope).andWhere({ id }).update({ status: 'archived', updated_at: at });
}

export function fieldsOf(row: StorefrontRow): StorefrontFields {
  return {
    name: row.name,
    slug: row.slug,
    branding: row.branding,
    paymentMethods: row.payment_methods,
    regional: row.regional,
  };
}

export function toStorefront(row: StorefrontRow): tenantV1.Storefront {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    branding: { ...row.branding },
    paymentMethods: [...row.payment_methods],
    regional: { ...row.regional, countries: [...row.regional.countries], currencies: [...row.regional.currencies] },
    status: row.status,
    environmentId: row.environment_id,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
