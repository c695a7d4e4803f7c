import { type CallContext, notFound, pageOf } from '@azotte/common';
import type { customerV1 } from '@azotte/proto';
import { findCustomer } from '../store/customers';
import {
  messagesOf,
  supportRequestsOfCustomerQuery,
  toSupportRequest,
  type SupportRequestRow,
} from '../store/support-requests';
import { EVERY_ROLE, scopeFor } from './access';
import type { Deps } from './deps';

/** A customer's support requests, newest first, each with its whole thread (oldest message first). */
export async function listSupportRequests(
  deps: Deps,
  ctx: CallContext,
  request: customerV1.ListSupportRequestsRequest,
): Promise<customerV1.ListSupportRequestsResponse> {
  const scope = scopeFor(ctx, EVERY_ROLE);
  const customer = request.customerId ? await findCustomer(deps.db, scope, request.customerId) : undefined;
  if (!customer) throw notFound('customer', request.customerId);
  const { rows, nextCursor } = await pageOf<SupportRequestRow>(
    supportRequestsOfCustomerQuery(deps.db, scope, customer.id),
    request.page,
  );
  const threads = await messagesOf(deps.db, scope, rows.map((r) => r.id));
  return { data: rows.map((row) => toSupportRequest(row, threads.get(row.id))), nextCursor };
}
