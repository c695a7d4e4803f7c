import { notFound, type CallContext, type Role } from '@azotte/common';
import { findTenant, type TenantRow } from '../store/tenants';
import { isPlatformAdmin, tenantFor, type AccessOptions } from './access';
import type { Deps } from './deps';

/**
 * The tenant `id` as the caller may see it: the platform administrator any,
 * everyone else only their own. Another tenant is "not found", never
 * "forbidden", so ids of other tenants reveal nothing.
 */
export async function visibleTenant(
  deps: Deps,
  ctx: CallContext,
  id: string,
  roles: readonly Role[],
  options: AccessOptions = {},
): Promise<TenantRow> {
  if (!isPlatformAdmin(ctx) && tenantFor(ctx, roles, options) !== id) throw notFound('tenant', id);
  const tenant = id ? await findTenant(deps.db, id) : undefined;
  if (!tenant) throw notFound('tenant', id);
  return tenant;
}
