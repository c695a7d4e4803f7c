import { createGrpcClient, isDomainError, type PromiseClient } from '@azotte/common';
import { tenantV1 } from '@azotte/proto';
import type { StorefrontDirectory } from '../domain/deps';

export type TenantClient = PromiseClient<typeof tenantV1.TenantServiceService>;

export const connectTenant = (address: string, deadlineMs: number): TenantClient =>
  createGrpcClient(tenantV1.TenantServiceService, address, { name: 'tenant', deadlineMs });

/**
 * Storefronts as the tenant service answers for them. The call carries the
 * current call's context, so the tenant service applies the caller's own
 * scope: a storefront of another tenant or environment is not found.
 * Any other failure (the tenant service is down: unavailable) goes up as is.
 */
export function tenantStorefronts(tenant: TenantClient): StorefrontDirectory {
  return {
    async statusOf(id) {
      try {
        const storefront = await tenant.getStorefront({ id });
        return storefront.status === 'archived' ? 'archived' : 'active';
      } catch (err) {
        if (isDomainError(err) && err.kind === 'not_found') return undefined;
        throw err;
      }
    },
  };
}
