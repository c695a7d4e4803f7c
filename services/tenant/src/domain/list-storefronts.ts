import { pageOf } from '@azotte/common';
import type { CallContext } from '@azotte/common';
import type { tenantV1 } from '@azotte/proto';
import { storefrontsQuery, toStorefront, type StorefrontRow } from '../store/storefronts';
import { EVERY_ROLE, scopeFor } from './access';
import type { Deps } from './deps';

/** The environment's storefronts, newest first, archived ones included with their status. */
export async function listStorefronts(
  deps: Deps,
  ctx: CallContext,
  request: tenantV1.ListStorefrontsRequest,
): Promise<tenantV1.ListStorefrontsResponse> {
  const scope = scopeFor(ctx, EVERY_ROLE, { services: true });
  const { rows, nextCursor } = await pageOf<StorefrontRow>(storefrontsQuery(deps.db, scope), request.page);
  return { data: rows.map(toStorefront), nextCursor };
}
