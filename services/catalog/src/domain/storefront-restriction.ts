import { isId, type FieldError } from '@azotte/common';
import type { StorefrontDirectory } from './deps';

/**
 * The problems of a price's storefront restriction: each id must name a
 * storefront of the caller's environment that is not archived. Asked of the
 * tenant service, which owns storefronts, with the caller's own scope.
 */
export async function storefrontProblems(directory: StorefrontDirectory, ids: string[]): Promise<FieldError[]> {
  const statuses = await Promise.all(ids.map((id) => (isId(id, 'sf') ? directory.statusOf(id) : undefined)));
  return statuses.flatMap((status, i): FieldError[] => {
    if (status === undefined) return [{ path: `storefrontIds.${i}`, message: 'is not a storefront of this environment' }];
    if (status === 'archived') return [{ path: `storefrontIds.${i}`, message: 'is an archived storefront' }];
    return [];
  });
}
