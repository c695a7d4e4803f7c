import { invalidArgument, notFound, type CallContext } from '@azotte/common';
import type { catalogV1 } from '@azotte/proto';
import { findBundles } from '../store/bundles';
import { readScope } from './access';
import type { Deps } from './deps';

export const MAX_RESOLVED_BUNDLES = 100;

/**
 * The entitlements a set of bundles grants, each with the bundle granting it,
 * in the order of the ids asked. A key granted by several bundles is listed
 * once per bundle: the caller (billing, for a customer's subscriptions) knows
 * which subscription each bundle came from. Archived bundles resolve too.
 */
export async function resolveEntitlements(
  deps: Deps,
  ctx: CallContext,
  request: catalogV1.ResolveEntitlementsRequest,
): Promise<catalogV1.ResolveEntitlementsResponse> {
  const scope = readScope(ctx);
  const ids = [...new Set(request.bundleIds)];
  if (ids.length > MAX_RESOLVED_BUNDLES) {
    throw invalidArgument([{ path: 'bundleIds', message: `must list at most ${MAX_RESOLVED_BUNDLES} bundles` }]);
  }
  if (ids.length === 0) return { data: [] };
  const rows = new Map((await findBundles(deps.db, scope, ids)).map((row) => [row.id, row]));
  const missing = ids.find((id) => !rows.has(id));
  if (missing !== undefined) throw notFound('bundle', missing);
  return {
    data: ids.flatMap((id) => rows.get(id)!.entitlements.map((e) => ({ key: e.key, value: e.value, bundleId: id }))),
  };
}
