import type { CallContext } from '@azotte/common';
import type { tenantV1 } from '@azotte/proto';
import { listEnvironments as environmentsOf, toEnvironment } from '../store/environments';
import { ADMINISTRATORS, tenantFor } from './access';
import type { Deps } from './deps';

export async function listEnvironments(
  deps: Deps,
  ctx: CallContext,
  _request: tenantV1.ListEnvironmentsRequest,
): Promise<tenantV1.ListEnvironmentsResponse> {
  const tenantId = tenantFor(ctx, ADMINISTRATORS, { services: true });
  return { data: (await environmentsOf(deps.db, tenantId)).map(toEnvironment) };
}
