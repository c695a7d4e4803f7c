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

export function tenantAuditQuery(db: Db, tenantId: string): Knex.QueryBuilder {
  return auditLog.in(db, tenantId);
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
