import { scopedTable, type Db, type Scope } from '@azotte/common';
import type { catalogV1 } from '@azotte/proto';
import type { Knex } from 'knex';
import { iso, isoOrUndefined } from './dates';

export type BundleStatus = 'draft' | 'active' | 'archived';
export type EntitlementValue = boolean | number | string;

export interface StoredEntitlement {
  key: string;
  value: EntitlementValue;
}

export interface BundleRow {
  id: string;
  tenant_id: string;
  environment_id: string;
  name: string;
  description: string | null;
  entitlements: StoredEntitlement[];
  status: BundleStatus;
  created_at: Date;
  updated_at: Date;
  archived_at: Date | null;
}

/** What a caller sets on a bundle (validated before it reaches the store). */
export interface BundleFields {
  name: string;
  description?: string;
  entitlements: StoredEntitlement[];
}

const bundles = scopedTable('bundles');

// jsonb columns get JSON text: node-postgres would turn a JS array into a Postgres array.
const columns = (fields: BundleFields) => ({
  name: fields.name,
  description: fields.description ?? null,
  entitlements: JSON.stringify(fields.entitlements),
});

export async function insertBundle(
  db: Db,
  scope: Scope,
  row: { id: string; status: BundleStatus; at: Date; fields: BundleFields },
): Promise<void> {
  await bundles.insert(db, scope, {
    id: row.id,
    ...columns(row.fields),
    status: row.status,
    created_at: row.at,
    updated_at: row.at,
  });
}

export async function findBundle(db: Db, scope: Scope, id: string): Promise<BundleRow | undefined> {
  return bundles.in(db, scope).andWhere({ id }).first();
}

/** The bundles of `ids` that exist in the scope (in no particular order). */
export async function findBundles(db: Db, scope: Scope, ids: string[]): Promise<BundleRow[]> {
  return bundles.in(db, scope).whereIn('id', ids);
}

/** Locks the bundle's row for a read-modify-write, or for a price being added to it. */
export async function lockBundle(trx: Knex.Transaction, scope: Scope, id: string): Promise<BundleRow | undefined> {
  return bundles.in(trx, scope).andWhere({ id }).forUpdate().first();
}

export function bundlesQuery(db: Db, scope: Scope, status?: BundleStatus): Knex.QueryBuilder {
  const query = bundles.in(db, scope);
  return status ? query.andWhere({ status }) : query;
}

export async function saveBundle(db: Db, scope: Scope, id: string, fields: BundleFields, status: BundleStatus, at: Date) {
  await bundles
    .in(db, scope)
    .andWhere({ id })
    .update({ ...columns(fields), status, updated_at: at });
}

export async function archiveBundle(db: Db, scope: Scope, id: string, at: Date): Promise<void> {
  await bundles.in(db, scope).andWhere({ id }).update({ status: 'archived', updated_at: at, archived_at: at });
}

export function fieldsOf(row: BundleRow): BundleFields {
  return {
    name: row.name,
    description: row.description ?? undefined,
    entitlements: row.entitlements,
  };
}

export function toBundle(row: BundleRow): catalogV1.Bundle {
  return {
    id: row.id,
    name: row.name,
    description: row.description ?? undefined,
    entitlements: row.entitlements.map((e) => ({ key: e.key, value: e.value })),
    status: row.status,
    environmentId: row.environment_id,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    archivedAt: isoOrUndefined(row.archived_at),
  };
}
