import type { Db } from '@azotte/common';
import { tenantV1 } from '@azotte/proto';
import type { Knex } from 'knex';
import { iso } from './db-errors';
import { toEnvironment, type EnvironmentRow } from './environments';

export interface TenantRow {
  id: string;
  name: string;
  slug: string;
  reporting_currency: string;
  fx_rates: Record<string, string>;
  created_at: Date;
  updated_at: Date;
}

export const SLUG_UNIQUE = 'tenants_slug_unique';

// The tenants table is the scope itself: a query names the tenant by id, or (platform
// administrator only) lists them all.
const tenants = (db: Db) => db('tenants');

export async function insertTenant(db: Db, row: TenantRow): Promise<void> {
  await tenants(db).insert({ ...row, fx_rates: JSON.stringify(row.fx_rates) });
}

export async function findTenant(db: Db, id: string): Promise<TenantRow | undefined> {
  return tenants(db).where({ id }).first();
}

export async function findTenantBySlug(db: Db, slug: string): Promise<TenantRow | undefined> {
  return tenants(db).where({ slug }).first();
}

/** Takes the tenant's row lock: serialises changes that must see every user of the tenant. */
export async function lockTenant(trx: Knex.Transaction, id: string): Promise<TenantRow | undefined> {
  return tenants(trx).where({ id }).forUpdate().first();
}

export async function updateTenant(
  db: Db,
  id: string,
  patch: Pick<TenantRow, 'name' | 'reporting_currency' | 'fx_rates' | 'updated_at'>,
): Promise<void> {
  await tenants(db)
    .where({ id })
    .update({ ...patch, fx_rates: JSON.stringify(patch.fx_rates) });
}

/** All tenants, or only `onlyId`, newest first: a query for `paginate`. */
export function tenantsQuery(db: Db, onlyId?: string): Knex.QueryBuilder {
  const query = db('tenants');
  return onlyId === undefined ? query : query.where({ id: onlyId });
}

export function toTenant(row: TenantRow, environments: EnvironmentRow[]): tenantV1.Tenant {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    reportingCurrency: row.reporting_currency,
    fxRates: { ...row.fx_rates },
    environments: environments.map(toEnvironment),
    createdAt: iso(row.created_at),
  };
}
