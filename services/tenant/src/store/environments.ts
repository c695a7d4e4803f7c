import { tenantTable, type Db, type EnvironmentKind, type Scope } from '@azotte/common';
import { tenantV1 } from '@azotte/proto';
import { iso } from './db-errors';

export interface EnvironmentRow {
  id: string;
  tenant_id: string;
  name: string;
  kind: EnvironmentKind;
  created_at: Date;
}

export const ENVIRONMENT_NAME_UNIQUE = 'environments_tenant_name_unique';

const environments = tenantTable<Omit<EnvironmentRow, 'tenant_id'>>('environments');

export async function insertEnvironments(db: Db, tenantId: string, rows: Array<Omit<EnvironmentRow, 'tenant_id'>>) {
  await environments.insert(db, tenantId, rows);
}

/** The tenant's environments, oldest first (production and sandbox lead). */
export async function listEnvironments(db: Db, tenantId: string): Promise<EnvironmentRow[]> {
  return environments.in(db, tenantId).orderBy('id', 'asc');
}

/** The environments of several tenants at once, grouped by tenant. */
export async function environmentsByTenant(db: Db, tenantIds: string[]): Promise<Map<string, EnvironmentRow[]>> {
  const rows: EnvironmentRow[] = tenantIds.length
    ? await db('environments').whereIn('tenant_id', tenantIds).orderBy('id', 'asc')
    : [];
  const byTenant = new Map<string, EnvironmentRow[]>(tenantIds.map((id) => [id, []]));
  for (const row of rows) byTenant.get(row.tenant_id)?.push(row);
  return byTenant;
}

/** An environment of the tenant named by its name or its id (as in X-Environment). */
export async function findEnvironment(db: Db, tenantId: string, nameOrId: string): Promise<EnvironmentRow | undefined> {
  return environments
    .in(db, tenantId)
    .andWhere((q) => q.where({ id: nameOrId }).orWhere({ name: nameOrId }))
    .first();
}

export async function findEnvironmentById(db: Db, tenantId: string, id: string): Promise<EnvironmentRow | undefined> {
  return environments.in(db, tenantId).andWhere({ id }).first();
}

export function toEnvironment(row: EnvironmentRow): tenantV1.Environment {
  return { id: row.id, tenantId: row.tenant_id, name: row.name, kind: row.kind, createdAt: iso(row.created_at) };
}

export function scopeOf(row: EnvironmentRow): Scope {
  return { tenantId: row.tenant_id, environmentId: row.id, environmentKind: row.kind };
}
