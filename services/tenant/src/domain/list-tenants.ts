import { pageOf } from '@azotte/common';
import type { CallContext } from '@azotte/common';
import type { tenantV1 } from '@azotte/proto';
import { environmentsByTenant } from '../store/environments';
import { tenantsQuery, toTenant, type TenantRow } from '../store/tenants';
import { isPlatformAdmin, PROFILE_READERS, tenantFor } from './access';
import type { Deps } from './deps';

/** The platform administrator sees every tenant; anyone else a list holding only their own. */
export async function listTenants(
  deps: Deps,
  ctx: CallContext,
  request: tenantV1.ListTenantsRequest,
): Promise<tenantV1.ListTenantsResponse> {
  const onlyId = isPlatformAdmin(ctx) ? undefined : tenantFor(ctx, PROFILE_READERS);
  const { rows, nextCursor } = await pageOf<TenantRow>(tenantsQuery(deps.db, onlyId), request.page);
  const environments = await environmentsByTenant(
    deps.db,
    rows.map((r) => r.id),
  );
  return { data: rows.map((row) => toTenant(row, environments.get(row.id) ?? [])), nextCursor };
}
