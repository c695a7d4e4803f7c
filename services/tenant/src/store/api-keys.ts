import { tenantTable, type Db, type Role } from '@azotte/common';
import { tenantV1 } from '@azotte/proto';
import type { Knex } from 'knex';
import { iso, isoOrUndefined } from './db-errors';
import type { EnvironmentRow } from './environments';

export interface ApiKeyRow {
  id: string;
  tenant_id: string;
  environment_id: string;
  name: string;
  role: Role;
  /** sha256 of the key, hex. The key itself is never stored. */
  key_hash: string;
  hint: string;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const apiKeys = tenantTable<Omit<ApiKeyRow, 'tenant_id'>>('api_keys');

export async function insertApiKey(db: Db, tenantId: string, row: Omit<ApiKeyRow, 'tenant_id'>): Promise<void> {
  await apiKeys.insert(db, tenantId, row);
}

/** The key presented by a caller, found by its hash: the key alone names its tenant. */
export async function findApiKeyByHash(db: Db, keyHash: string): Promise<ApiKeyRow | undefined> {
  return db('api_keys').where({ key_hash: keyHash }).first();
}

/** Locks the key's row for a read-modify-write. */
export async function lockTenantApiKey(trx: Knex.Transaction, tenantId: string, id: string): Promise<ApiKeyRow | undefined> {
  return apiKeys.in(trx, tenantId).andWhere({ id }).forUpdate().first();
}

export function tenantApiKeysQuery(db: Db, tenantId: string): Knex.QueryBuilder {
  return apiKeys.in(db, tenantId);
}

export async function revokeApiKey(db: Db, tenantId: string, id: string, at: Date): Promise<void> {
  await apiKeys.in(db, tenantId).andWhere({ id }).whereNull('revoked_at').update({ revoked_at: at });
}

/**
 * Records a use of the key, at most once a minute: a busy key would otherwise
 * write on every request.
 */
export async function touchApiKey(db: Db, id: string, at: Date): Promise<void> {
  await db('api_keys')
    .where({ id })
    .andWhere((q) => q.whereNull('last_used_at').orWhere('last_used_at', '<', new Date(at.getTime() - 60_000)))
    .update({ last_used_at: at });
}

export function toApiKey(row: ApiKeyRow, environment: Pick<EnvironmentRow, 'name'> | undefined): tenantV1.ApiKey {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    environmentId: row.environment_id,
    environment: environment?.name ?? '',
    hint: row.hint,
    createdAt: iso(row.created_at),
    revokedAt: isoOrUndefined(row.revoked_at),
    lastUsedAt: isoOrUndefined(row.last_used_at),
  };
}
