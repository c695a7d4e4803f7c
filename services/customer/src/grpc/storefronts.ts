import { isDomainError, type PromiseClient } from '@azotte/common';
import type { tenantV1 } from '@azotte/proto';
import type { Storefronts } from '../domain/storefronts';

/**
 * The storefront directory, answered by the tenant service. The lookup carries
 * the current call's context (scope and actor), so the tenant service itself
 * answers "not found" for a storefront of another tenant or environment.
 * Any other failure (the tenant service is down: 503) reaches the caller as is.
 */
export function tenantStorefronts(tenant: PromiseClient<typeof tenantV1.TenantServiceService>): Storefronts {
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
