import { tenantTable, type Db, type Role } from '@azotte/common';
import { tenantV1 } from '@azotte/proto';
import type { Knex } from 'knex';
import { iso } from './db-errors';

export type UserRole = Role | 'platform_admin';

export interface UserRow {
  id: string;
  /** NULL for the platform administrator. */
  tenant_id: string | null;
  email: string;
  name: string;
  role: UserRole;
  /** argon2id; never leaves the store but for verification (toUser drops it). */
  password_hash: string;
  disabled: boolean;
  created_at: Date;
  updated_at: Date;
}

export const EMAIL_UNIQUE = 'users_email_unique';

const users = tenantTable<Omit<UserRow, 'tenant_id'>>('users');

export async function insertUser(db: Db, tenantId: string, row: Omit<UserRow, 'tenant_id'>): Promise<void> {
  await users.insert(db, tenantId, row);
}

/**
 * Inserts the platform administrator unless a user with that email exists.
 * Returns whether it was created (replicas starting together race here).
 */
export async function insertPlatformAdminIfAbsent(db: Db, row: Omit<UserRow, 'tenant_id'>): Promise<boolean> {
  const inserted = await db('users')
    .insert({ ...row, tenant_id: null })
    .onConflict('email')
    .ignore()
    .returning('id');
  return inserted.length > 0;
}

// Login and token verification come before any scope exists: the email or the
// verified subject alone names the user, across tenants.
export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db('users').where({ email: email.toLowerCase() }).first();
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db('users').where({ id }).first();
}

export async function findTenantUser(db: Db, tenantId: string, id: string): Promise<UserRow | undefined> {
  return users.in(db, tenantId).andWhere({ id }).first();
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
  return (await findUserByEmail(db, email)) !== undefined;
}

/** The tenant's users, for `paginate` (newest first). */
export function tenantUsersQuery(db: Db, tenantId: string): Knex.QueryBuilder {
  return users.in(db, tenantId);
}

/** Enabled administrators of the tenant other than `exceptId`. */
export async function countOtherActiveAdministrators(db: Db, tenantId: string, exceptId: string): Promise<number> {
  const [{ count }] = await users
    .in(db, tenantId)
    .andWhere({ role: 'administrator', disabled: false })
    .andWhereNot({ id: exceptId })
    .count<{ count: string }[]>({ count: '*' });
  return Number(count);
}

export async function updateUser(
  db: Db,
  tenantId: string,
  id: string,
  patch: Pick<UserRow, 'role' | 'disabled' | 'updated_at'>,
): Promise<void> {
  await users.in(db, tenantId).andWhere({ id }).update(patch);
}

export function toUser(row: UserRow): tenantV1.User {
  return {
    id: row.id,
    tenantId: row.tenant_id ?? '',
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled,
    createdAt: iso(row.created_at),
  };
}
