import { DomainError } from '../errors/domain-error';
import type { Migration } from './database';
import type { Db } from './scoped';
import type { Scope } from '../context/scope';

/**
 * The callers' Idempotency-Keys of the requests that create or charge, each
 * naming what it made or changed, kept in the service's own schema: a request
 * sent again with its key after the gateway lost the first answer (a deadline
 * that passed while the service went on, a gateway that crashed) finds what
 * the first did instead of doing it again. Written in the transaction of the
 * change itself.
 */
export const requestKeysMigration: Migration = {
  name: '000_common_request_keys',
  async up(knex) {
    await knex.schema.createTable('request_keys', (t) => {
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      t.text('key').notNullable();
      t.text('operation').notNullable();
      t.text('resource_id').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'environment_id', 'key']);
    });
  },
};

const TABLE = 'request_keys';

/** What an earlier request with `key` made or changed, if there was one. */
export async function earlierRequest(db: Db, scope: Scope, key: string, operation: string): Promise<string | undefined> {
  if (!key) return undefined;
  const row = (await db(TABLE).where({ tenant_id: scope.tenantId, environment_id: scope.environmentId, key }).first('operation', 'resource_id')) as
    | { operation: string; resource_id: string }
    | undefined;
  if (!row) return undefined;
  if (row.operation !== operation) {
    throw new DomainError('conflict', 'idempotency_key_reused', `Idempotency-Key ${key} was used for another operation (${row.operation}).`);
  }
  return row.resource_id;
}

/** Thrown inside the transaction of a change whose key another request has claimed meanwhile: roll back, answer that one. */
export class RepeatedRequest extends Error {
  constructor(readonly resourceId: string) {
    super(`a request with the same key made ${resourceId}`);
  }
}

/**
 * Claims `key` for this change, inside its transaction and before anything
 * irreversible: a concurrent request with the same key waits here for the
 * first one's commit, then throws RepeatedRequest (or goes ahead if the first
 * rolled back).
 */
export async function claimRequestKey(trx: Db, scope: Scope, key: string, operation: string, resourceId: string): Promise<void> {
  if (!key) return;
  const claimed = await trx(TABLE)
    .insert({ tenant_id: scope.tenantId, environment_id: scope.environmentId, key, operation, resource_id: resourceId })
    .onConflict(['tenant_id', 'environment_id', 'key'])
    .ignore()
    .returning('key');
  if (claimed.length > 0) return;
  throw new RepeatedRequest((await earlierRequest(trx, scope, key, operation)) ?? resourceId);
}
