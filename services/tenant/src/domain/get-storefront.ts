import { notFound, type CallContext } from '@azotte/common';
import type { tenantV1 } from '@azotte/proto';
import { findStorefront, toStorefront } from '../store/storefronts';
import { EVERY_ROLE, scopeFor } from './access';
import type { Deps } from './deps';

/** A storefront of the caller's environment; one of another tenant or environment is not found. */
export async function getStorefront(
  deps: Deps,
  ctx: CallContext,
  request: tenantV1.GetStorefrontRequest,
): Promise<tenantV1.Storefront> {
  const scope = scopeFor(ctx, EVERY_ROLE, { services: true });
  const row = request.id ? await findStorefront(deps.db, scope, request.id) : undefined;
  if (!row) throw notFound('storefront', request.id);
  return toStorefront(row);
}
