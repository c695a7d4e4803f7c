import { pageOf } from '@azotte/common';
import type { CallContext } from '@azotte/common';
import type { tenantV1 } from '@azotte/proto';
import { tenantApiKeysQuery, toApiKey, type ApiKeyRow } from '../store/api-keys';
import { listEnvironments } from '../store/environments';
import { ADMINISTRATORS, tenantFor } from './access';
import type { Deps } from './deps';

/** The tenant's keys, newest first, revoked ones included (with `revokedAt`). */
export async function listApiKeys(
  deps: Deps,
  ctx: CallContext,
  request: tenantV1.ListApiKeysRequest,
): Promise<tenantV1.ListApiKeysResponse> {
  const tenantId = tenantFor(ctx, ADMINISTRATORS);
  const { rows, nextCursor } = await pageOf<ApiKeyRow>(tenantApiKeysQuery(deps.db, tenantId), request.page);
  const environments = new Map((await listEnvironments(deps.db, tenantId)).map((e) => [e.id, e]));
  return { data: rows.map((row) => toApiKey(row, environments.get(row.environment_id))), nextCursor };
}
