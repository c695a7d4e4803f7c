import { newId, notFound, type CallContext } from '@azotte/common';
import type { customerV1 } from '@azotte/proto';
import { supportMessageAdded, supportRequestUpdated } from '../events/emit';
import { lockCustomer } from '../store/customers';
import {
  findSupportRequest,
  insertSupportMessage,
  lockSupportRequest,
  messagesOf,
  toSupportMessage,
  toSupportRequest,
  updateSupportRequest,
  type SupportMessageRow,
} from '../store/support-requests';
import { CUSTOMER_WRITERS, scopeFor } from './access';
import type { Deps } from './deps';
import { customerIsErased } from './errors';
import { addSupportMessageSchema, validate } from './validation';

/**
 * Appends a message by the caller (the user or API key acting) to a request's
 * thread and returns the request with its whole thread. A message on a
 * `resolved` request reopens it (`open`): the conversation is going on again.
 * `pending` and `open` stay as they are. An erased customer's thread takes no
 * new messages (`customer_erased`, 409).
 */
export async function addSupportMessage(
  deps: Deps,
  ctx: CallContext,
  request: customerV1.AddSupportMessageRequest,
): Promise<customerV1.SupportRequest> {
  const scope = scopeFor(ctx, CUSTOMER_WRITERS);
  const { body } = validate(addSupportMessageSchema, { body: request.body });
  const found = request.supportRequestId ? await findSupportRequest(deps.db, scope, request.supportRequestId) : undefined;
  if (!found) throw notFound('support_request', request.supportRequestId);

  const updated = await deps.db.transaction(async (trx) => {
    // Customer first, then request: the order erasure takes them in, so the two cannot deadlock.
    const customer = await lockCustomer(trx, scope, found.customer_id, 'share');
    if (!customer) throw notFound('support_request', request.supportRequestId);
    if (customer.erased_at) throw customerIsErased();
    const stored = await lockSupportRequest(trx, scope, found.id);
    if (!stored) throw notFound('support_request', request.supportRequestId);

    const now = deps.clock.now();
    const message: SupportMessageRow = {
      id: newId('msg'),
      tenant_id: scope.tenantId,
      environment_id: scope.environmentId,
      support_request_id: stored.id,
      body,
      author_type: ctx.actor.type,
      author_id: ctx.actor.id,
      created_at: now,
    };
    await insertSupportMessage(trx, scope, message);
    const row = { ...stored, status: stored.status === 'resolved' ? ('open' as const) : stored.status, updated_at: now };
    await updateSupportRequest(trx, scope, row.id, { status: row.status, priority: row.priority, updated_at: now });
    const after = toSupportRequest(row);
    if (row.status !== stored.status) await supportRequestUpdated(trx, scope, after);
    await supportMessageAdded(trx, scope, after, toSupportMessage(message));
    return row;
  });
  const threads = await messagesOf(deps.db, scope, [updated.id]);
  return toSupportRequest(updated, threads.get(updated.id));
}
