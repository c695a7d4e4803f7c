import type { FieldError, StorefrontDirectory } from '@azotte/common';
import { MAX_ID_LENGTH } from './validation';

/**
 * The storefronts a customer may be attached to. The tenant service owns them;
 * a lookup runs in the caller's context, so a storefront of another tenant or
 * environment is simply not found.
 */
/** The storefront directory (the kit's), answered by the tenant service. */
export type Storefronts = StorefrontDirectory;

/** The problem with attaching `storefrontId`, if any: unknown in the scope, or archived. */
export async function storefrontProblems(storefronts: Storefronts, storefrontId: string | undefined): Promise<FieldError[]> {
  // An id too long to be one is reported by the schema; the tenant service is not asked.
  if (storefrontId === undefined || storefrontId === '' || storefrontId.length > MAX_ID_LENGTH) return [];
  const status = await storefronts.statusOf(storefrontId);
  if (status === undefined) return [{ path: 'storefrontId', message: 'is not a storefront of this environment' }];
  if (status === 'archived') return [{ path: 'storefrontId', message: 'is an archived storefront' }];
  return [];
}
