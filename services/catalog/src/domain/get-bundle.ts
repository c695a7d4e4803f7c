import { notFound, type CallContext } from '@azotte/common';
import type { catalogV1 } from '@azotte/proto';
import { findBundle, toBundle } from '../store/bundles';
import { readScope } from './access';
import type { Deps } from './deps';

/** A bundle of the caller's environment, whatever its status; one of another scope is not found. */
export async function getBundle(deps: Deps, ctx: CallContext, request: catalogV1.GetBundleRequest): Promise<catalogV1.Bundle> {
  const scope = readScope(ctx);
  const row = request.id ? await findBundle(deps.db, scope, request.id) : undefined;
  if (!row) throw notFound('bundle', request.id);
  return toBundle(row);
}
