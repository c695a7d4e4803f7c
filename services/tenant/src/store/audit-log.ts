import { tenantTable, type Db } from '@azotte/common';
import { tenantV1 } from '@azotte/proto';
import type { Knex } from 'knex';
import { iso } from './db-errors';

export interface AuditRow {
  id: string;
  tenant_id: string;
  environment_id: string | null;
  event_id: string;
  actor_type: string;
  actor_id: string;
  action: string;
  object_type: string;
  object_id: string;
  at: Date | string;
}

const auditLog = tenantTable<Omit<AuditRow, 'tenant_id'>>('audit_log');

export async function insertAuditEntry(db: Db, tenantId: string, row: Omit<AuditRow, 'tenant_id'>): Promise<void> {
  // The inbox already makes redelivery a no-op; the unique event id is a second guard.
  await auditLog.insert(db, tenantId, row).onConflict('event_id').ignore();
}

/** What the audit log may be narrowed to; every field given must match. */
export interface AuditFilter {
  actorId?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  environmentId?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
}

export function tenantAuditQuery(db: Db, tenantId: string, filter: AuditFilter = {}): Knex.QueryBuilder {
  const q = auditLog.in(db, tenantId);
  if (filter.actorId) q.where('actor_id', filter.actorId);
  if (filter.action) q.where('action', filter.action);
  if (filter.objectType) q.where('object_type', filter.objectType);
  if (filter.objectId) q.where('object_id', filter.objectId);
  if (filter.environmentId) q.where('environment_id', filter.environmentId);
  if (filter.from) q.where('at', '>=', filter.from);
  if (filter.to) q.where('at', '<', filter.to);
  return q;
}

export function toAuditEntry(row: AuditRow): tenantV1.AuditEntry {
  return {
    id: row.id,
    environmentId: row.environment_id ?? '',
    actorType: row.actor_type,
    actorId: row.actor_id,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    at: iso(row.at),
  };
}
