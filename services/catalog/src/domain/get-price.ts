import { notFound, type CallContext } from '@azotte/common';
import type { catalogV1 } from '@azotte/proto';
import { findPrice, toPrice } from '../store/prices';
import { readScope } from './access';
import type { Deps } from './deps';

/** A price of the caller's environment, archived or not; other services may read it too. */
export async function getPrice(deps: Deps, ctx: CallContext, request: catalogV1.GetPriceRequest): Promise<catalogV1.Price> {
  const scope = readScope(ctx);
  const row = request.id ? await findPrice(deps.db, scope, request.id) : undefined;
  if (!row) throw notFound('price', request.id);
  return toPrice(row);
}
