import { scopedTable, type Db, type Scope } from '@azotte/common';
import type { customerV1 } from '@azotte/proto';
import type { Knex } from 'knex';
import type { CustomerFields } from '../domain/validation';
import { iso } from './db-errors';

export interface CustomerRow {
  id: string;
  tenant_id: string;
  environment_id: string;
  email: string | null;
  name: string | null;
  country: string | null;
  locale: string | null;
  storefront_id: string | null;
  metadata: Record<string, string>;
  created_at: Date;
  updated_at: Date;
  erased_at: Date | null;
}

export const CUSTOMER_EMAIL_UNIQUE = 'customers_email_unique';

const customers = scopedTable('customers');

const columnsOf = (fields: CustomerFields) => ({
  email: fields.email,
  name: fields.name ?? null,
  country: fields.country ?? null,
  locale: fields.locale ?? null,
  storefront_id: fields.storefrontId ?? null,
  // jsonb gets JSON text.
  metadata: JSON.stringify(fields.metadata),
});

export async function insertCustomer(
  db: Db,
  scope: Scope,
  row: { id: string; created_at: Date; updated_at: Date; fields: CustomerFields },
): Promise<void> {
  const { fields, ...rest } = row;
  await customers.insert(db, scope, { ...rest, ...columnsOf(fields) });
}

export async function findCustomer(db: Db, scope: Scope, id: string): Promise<CustomerRow | undefined> {
  return customers.in(db, scope).andWhere({ id }).first();
}

/**
 * Locks the customer's row: `update` for a change of the customer itself,
 * `share` for a change that must not race its erasure (a new support request
 * or message). Erasure takes `update`, so the two wait for each other.
 */
export async function lockCustomer(
  trx: Knex.Transaction,
  scope: Scope,
  id: string,
  mode: 'update' | 'share',
): Promise<CustomerRow | undefined> {
  const query = customers.in(trx, scope).andWhere({ id });
  return (mode === 'update' ? query.forUpdate() : query.forShare()).first();
}

export async function updateCustomer(db: Db, scope: Scope, id: string, fields: CustomerFields, at: Date): Promise<void> {
  await customers
    .in(db, scope)
    .andWhere({ id })
    .update({ ...columnsOf(fields), updated_at: at });
}

/** Removes the personal data of the row; ids, country, storefront and timestamps stay. */
export async function eraseCustomer(db: Db, scope: Scope, id: string, at: Date): Promise<void> {
  await customers
    .in(db, scope)
    .andWhere({ id })
    .update({ email: null, name: null, locale: null, metadata: '{}', erased_at: at, updated_at: at });
}

/** The scope's customers that are not erased, for listing and searching. */
export function liveCustomersQuery(db: Db, scope: Scope): Knex.QueryBuilder {
  return customers.in(db, scope).whereNull('erased_at');
}

export function fieldsOf(row: CustomerRow): CustomerFields {
  return {
    email: row.email ?? '',
    name: row.name ?? undefined,
    country: row.country ?? undefined,
    locale: row.locale ?? undefined,
    storefrontId: row.storefront_id ?? undefined,
    metadata: { ...row.metadata },
  };
}

export function toCustomer(row: CustomerRow): customerV1.Customer {
  return {
    id: row.id,
    email: row.email ?? undefined,
    name: row.name ?? undefined,
    country: row.country ?? undefined,
    locale: row.locale ?? undefined,
    storefrontId: row.storefront_id ?? undefined,
    metadata: { ...row.metadata },
    environmentId: row.environment_id,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    erased: row.erased_at !== null,
    erasedAt: row.erased_at === null ? undefined : iso(row.erased_at),
  };
}
