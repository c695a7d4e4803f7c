import { scopedTable, type Db, type Scope } from '@azotte/common';
import type { Knex } from 'knex';

export interface PaymentProviderRow {
  tenant_id: string;
  environment_id: string;
  provider: string;
  enabled: boolean;
  /** Encrypted (domain/secrets.ts); NULL when no credentials were given. Never returned. */
  credentials_encrypted: string | null;
  details: Record<string, unknown>;
  updated_at: Date;
}

const providers = scopedTable('payment_providers');

export async function listProviderSettings(db: Db, scope: Scope): Promise<PaymentProviderRow[]> {
  return providers.in(db, scope);
}

export async function lockProviderSettings(
  trx: Knex.Transaction,
  scope: Scope,
  provider: string,
): Promise<PaymentProviderRow | undefined> {
  return providers.in(trx, scope).andWhere({ provider }).forUpdate().first();
}

export async function saveProviderSettings(
  db: Db,
  scope: Scope,
  row: Pick<PaymentProviderRow, 'provider' | 'enabled' | 'credentials_encrypted' | 'details' | 'updated_at'>,
): Promise<void> {
  const values = { ...row, details: JSON.stringify(row.details) };
  await providers
    .insert(db, scope, values)
    .onConflict(['tenant_id', 'environment_id', 'provider'])
    .merge(['enabled', 'credentials_encrypted', 'details', 'updated_at']);
}
