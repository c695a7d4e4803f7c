import type { CallContext } from '@azotte/common';
import type { tenantV1 } from '@azotte/proto';
import { listEnvironments } from '../store/environments';
import { toTenant } from '../store/tenants';
import { PROFILE_READERS } from './access';
import type { Deps } from './deps';
import { visibleTenant } from './tenant-lookup';

export async function getTenant(deps: Deps, ctx: CallContext, request: tenantV1.GetTenantRequest): Promise<tenantV1.Tenant> {
  // Services may read a tenant's profile (its reporting currency and rates).
  const tenant = await visibleTenant(deps, ctx, request.id, PROFILE_READERS, { services: true });
  return toTenant(tenant, await listEnvironments(deps.db, tenant.id));
}
