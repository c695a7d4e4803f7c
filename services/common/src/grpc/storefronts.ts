import type { tenantV1 } from '@azotte/proto';
import { isDomainError } from '../errors/domain-error';
import type { PromiseClient } from './client';

/** Where a service learns whether a storefront it is given exists in the caller's scope. */
export interface StorefrontDirectory {
  /** The storefront's status, or undefined when the caller's environment has no such storefront. */
  statusOf(id: string): Promise<'active' | 'archived' | undefined>;
}

/**
 * Storefronts as the tenant service answers for them. The lookup carries the
 * current call's context (scope and actor), so the tenant service itself
 * answers "not found" for a storefront of another tenant or environment. Any
 * other failure (the tenant service is down: unavailable) goes up as is.
 */
export function tenantStorefronts(tenant: PromiseClient<typeof tenantV1.TenantServiceService>): StorefrontDirectory {
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
