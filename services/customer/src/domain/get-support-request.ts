import { notFound, type CallContext } from '@azotte/common';
import type { customerV1 } from '@azotte/proto';
import { findSupportRequest, messagesOf, toSupportRequest } from '../store/support-requests';
import { EVERY_ROLE, scopeFor } from './access';
import type { Deps } from './deps';

/** One support request of the caller's scope, with its thread. */
export async function getSupportRequest(
  deps: Deps,
  ctx: CallContext,
  request: customerV1.GetSupportRequestRequest,
): Promise<customerV1.SupportRequest> {
  const scope = scopeFor(ctx, EVERY_ROLE);
  const row = request.id ? await findSupportRequest(deps.db, scope, request.id) : undefined;
  if (!row) throw notFound('support_request', request.id);
  const threads = await messagesOf(deps.db, scope, [row.id]);
  return toSupportRequest(row, threads.get(row.id));
}
