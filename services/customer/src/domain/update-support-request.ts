import { notFound, type CallContext } from '@azotte/common';
import type { customerV1 } from '@azotte/proto';
import { supportRequestUpdated } from '../events/emit';
import { lockSupportRequest, messagesOf, toSupportRequest, updateSupportRequest as save } from '../store/support-requests';
import { CUSTOMER_WRITERS, scopeFor } from './access';
import type { Deps } from './deps';
import { updateSupportRequestSchema, validate } from './validation';

/**
 * Moves a support request between `open`, `pending` and `resolved` (any to
 * any) and/or changes its priority. Statuses and priorities hold no personal
 * data, so a request of an erased customer may still be closed out.
 */
export async function updateSupportRequest(
  deps: Deps,
  ctx: CallContext,
  request: customerV1.UpdateSupportRequestRequest,
): Promise<customerV1.SupportRequest> {
  const scope = scopeFor(ctx, CUSTOMER_WRITERS);
  const change = validate(updateSupportRequestSchema, { status: request.status, priority: request.priority });
  const updated = await deps.db.transaction(async (trx) => {
    const stored = request.id ? await lockSupportRequest(trx, scope, request.id) : undefined;
    if (!stored) throw notFound('support_request', request.id);
    const status = change.status ?? stored.status;
    const priority = change.priority ?? stored.priority;
    if (status === stored.status && priority === stored.priority) return stored;

    const row = { ...stored, status, priority, updated_at: deps.clock.now() };
    await save(trx, scope, row.id, { status, priority, updated_at: row.updated_at });
    await supportRequestUpdated(trx, scope, toSupportRequest(row));
    return row;
  });
  const threads = await messagesOf(deps.db, scope, [updated.id]);
  return toSupportRequest(updated, threads.get(updated.id));
}
