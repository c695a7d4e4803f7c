import { pageOf } from '@azotte/common';
import type { CallContext } from '@azotte/common';
import type { tenantV1 } from '@azotte/proto';
import { tenantAuditQuery, toAuditEntry, type AuditRow } from '../store/audit-log';
import { ADMINISTRATORS, tenantFor } from './access';
import type { Deps } from './deps';
import { auditLogFilterSchema, validate } from './validation';

/**
 * Who did what in the tenant, newest first, across its environments, narrowed
 * by any of the request's filters (all of them must match).
 */
export async function listAuditLog(
  deps: Deps,
  ctx: CallContext,
  request: tenantV1.ListAuditLogRequest,
): Promise<tenantV1.ListAuditLogResponse> {
  const tenantId = tenantFor(ctx, ADMINISTRATORS);
  const filter = validate(auditLogFilterSchema, {
    actorId: request.actorId,
    action: request.action,
    objectType: request.objectType,
    objectId: request.objectId,
    environmentId: request.environmentId,
    from: request.from,
    to: request.to,
  });
  const query = tenantAuditQuery(deps.db, tenantId, {
    ...filter,
    from: filter.from === undefined ? undefined : new Date(filter.from),
    to: filter.to === undefined ? undefined : new Date(filter.to),
  });
  const { rows, nextCursor } = await pageOf<AuditRow>(query, request.page);
  return { data: rows.map(toAuditEntry), nextCursor };
}
