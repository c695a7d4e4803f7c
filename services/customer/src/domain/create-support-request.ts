import { newId, notFound, type CallContext } from '@azotte/common';
import type { customerV1 } from '@azotte/proto';
import { supportMessageAdded, supportRequestCreated } from '../events/emit';
import { lockCustomer } from '../store/customers';
import {
  insertSupportMessage,
  insertSupportRequest,
  toSupportRequest,
  type SupportMessageRow,
  type SupportRequestRow,
} from '../store/support-requests';
import { CUSTOMER_WRITERS, scopeFor } from './access';
import type { Deps } from './deps';
import { customerIsErased } from './errors';
import { createSupportRequestSchema, validate } from './validation';

/**
 * Opens a support request for a customer, `open`, with the body as the first
 * message of its thread, written by the caller (the user or API key acting).
 */
export async function createSupportRequest(
  deps: Deps,
  ctx: CallContext,
  request: customerV1.CreateSupportRequestRequest,
): Promise<customerV1.SupportRequest> {
  const scope = scopeFor(ctx, CUSTOMER_WRITERS);
  const fields = validate(createSupportRequestSchema, {
    subject: request.subject,
    body: request.body,
    priority: request.priority || undefined,
  });
  return deps.db.transaction(async (trx) => {
    // Shared lock: an erasure of the customer waits for this request, or this request for it.
    const customer = request.customerId ? await lockCustomer(trx, scope, request.customerId, 'share') : undefined;
    if (!customer) throw notFound('customer', request.customerId);
    if (customer.erased_at) throw customerIsErased();

    const now = deps.clock.now();
    const row: SupportRequestRow = {
      id: newId('sr'),
      tenant_id: scope.tenantId,
      environment_id: scope.environmentId,
      customer_id: customer.id,
      subject: fields.subject,
      status: 'open',
      priority: fields.priority,
      created_at: now,
      updated_at: now,
    };
    const first: SupportMessageRow = {
      id: newId('msg'),
      tenant_id: scope.tenantId,
      environment_id: scope.environmentId,
      support_request_id: row.id,
      body: fields.body,
      author_type: ctx.actor.type,
      author_id: ctx.actor.id,
      created_at: now,
    };
    await insertSupportRequest(trx, scope, row);
    await insertSupportMessage(trx, scope, first);

    const created = toSupportRequest(row, [first]);
    await supportRequestCreated(trx, scope, created);
    await supportMessageAdded(trx, scope, created, created.messages[0]!);
    return created;
  });
}
