import { pageOf } from '@azotte/common';
import type { CallContext } from '@azotte/common';
import type { tenantV1 } from '@azotte/proto';
import { tenantUsersQuery, toUser, type UserRow } from '../store/users';
import { ADMINISTRATORS, tenantFor } from './access';
import type { Deps } from './deps';

export async function listUsers(
  deps: Deps,
  ctx: CallContext,
  request: tenantV1.ListUsersRequest,
): Promise<tenantV1.ListUsersResponse> {
  const tenantId = tenantFor(ctx, ADMINISTRATORS);
  const { rows, nextCursor } = await pageOf<UserRow>(tenantUsersQuery(deps.db, tenantId), request.page);
  return { data: rows.map(toUser), nextCursor };
}
