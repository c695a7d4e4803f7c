import { pageOf } from '@azotte/common';
import type { CallContext } from '@azotte/common';
import type { tenantV1 } from '@azotte/proto';
import { tenantAuditQuery, toAuditEntry, type AuditRow } from '../store/audit-log';
import { ADMINISTRATORS, tenantFor } from './access';
import type { Deps } from './deps';

/** Who did what in the tenant, newest first, across its environments. */
export async function listAuditLog(
  deps: Deps,
  ctx: CallContext,
  request: tenantV1.ListAuditLogRequest,
): Promise<tenantV1.ListAuditLogResponse> {
  const tenantId = tenantFor(ctx, ADMINISTRATORS);
  const { rows, nextCursor } = await pageOf<AuditRow>(tenantAuditQuery(deps.db, tenantId), request.page);
  return { data: rows.map(toAuditEntry), nextCursor };
}
