import { scopedTable, type Db, type Scope } from '@azotte/common';
import type { customerV1 } from '@azotte/proto';
import type { Knex } from 'knex';
import type { Priority, Status } from '../domain/validation';
import { iso } from './db-errors';

export interface SupportRequestRow {
  id: string;
  tenant_id: string;
  environment_id: string;
  customer_id: string;
  subject: string | null;
  status: Status;
  priority: Priority;
  created_at: Date;
  updated_at: Date;
}

export interface SupportMessageRow {
  id: string;
  tenant_id: string;
  environment_id: string;
  support_request_id: string;
  body: string | null;
  author_type: string;
  author_id: string;
  created_at: Date;
}

const requests = scopedTable<SupportRequestRow>('support_requests');
const messages = scopedTable<SupportMessageRow>('support_messages');

export async function insertSupportRequest(
  db: Db,
  scope: Scope,
  row: SupportRequestRow,
): Promise<void> {
  await requests.insert(db, scope, row);
}

export async function insertSupportMessage(
  db: Db,
  scope: Scope,
  row: SupportMessageRow,
): Promise<void> {
  await messages.insert(db, scope, row);
}

export async function findSupportRequest(db: Db, scope: Scope, id: string): Promise<SupportRequestRow | undefined> {
  return requests.in(db, scope).andWhere({ id }).first();
}

/** Locks the request's row for a read-modify-write. */
export async function lockSupportRequest(trx: Knex.Transaction, scope: Scope, id: string): Promise<SupportRequestRow | undefined> {
  return requests.in(trx, scope).andWhere({ id }).forUpdate().first();
}

export async function updateSupportRequest(
  db: Db,
  scope: Scope,
  id: string,
  change: { status: Status; priority: Priority; updated_at: Date },
): Promise<void> {
  await requests.in(db, scope).andWhere({ id }).update(change);
}

export function supportRequestsOfCustomerQuery(db: Db, scope: Scope, customerId: string): Knex.QueryBuilder {
  return requests.in(db, scope).andWhere({ customer_id: customerId });
}

/** The threads of the given requests, each oldest message first. */
export async function messagesOf(db: Db, scope: Scope, requestIds: string[]): Promise<Map<string, SupportMessageRow[]>> {
  const threads = new Map<string, SupportMessageRow[]>(requestIds.map((id) => [id, []]));
  if (requestIds.length === 0) return threads;
  const rows: SupportMessageRow[] = await messages
    .in(db, scope)
    .whereIn('support_request_id', requestIds)
    .orderBy([{ column: 'support_request_id' }, { column: 'id' }]);
  for (const row of rows) threads.get(row.support_request_id)?.push(row);
  return threads;
}

/**
 * Wipes the subjects and message bodies of the customer's requests; ids,
 * statuses and timestamps stay. Returns the requests' ids.
 */
export async function eraseSupportThreads(db: Db, scope: Scope, customerId: string): Promise<string[]> {
  const erased: Array<{ id: string }> = await requests
    .in(db, scope)
    .andWhere({ customer_id: customerId })
    .update({ subject: null })
    .returning('id');
  const ids = erased.map((r) => r.id).sort();
  if (ids.length > 0) await messages.in(db, scope).whereIn('support_request_id', ids).update({ body: null });
  return ids;
}

export function toSupportMessage(row: SupportMessageRow): customerV1.SupportMessage {
  return {
    id: row.id,
    body: row.body ?? undefined,
    author: { type: row.author_type, id: row.author_id },
    createdAt: iso(row.created_at),
  };
}

/** The request in the proto's form, with its thread (an empty one for events). */
export function toSupportRequest(row: SupportRequestRow, thread: SupportMessageRow[] = []): customerV1.SupportRequest {
  return {
    id: row.id,
    customerId: row.customer_id,
    subject: row.subject ?? undefined,
    status: row.status,
    priority: row.priority,
    messages: thread.map(toSupportMessage),
    environmentId: row.environment_id,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
