import { type CallContext, notFound, pageOf } from '@azotte/common';
import type { catalogV1 } from '@azotte/proto';
import { z } from 'zod';
import { findBundle } from '../store/bundles';
import { pricesQuery, toPrice, type PriceRow } from '../store/prices';
import { readScope } from './access';
import type { Deps } from './deps';
import { validate } from './validation';

const filter = z.object({
  status: z.enum(['active', 'archived'], { error: 'must be active or archived' }).optional(),
});

/** The prices of one bundle, newest first; an unknown bundle is not found rather than an empty list. */
export async function listPrices(
  deps: Deps,
  ctx: CallContext,
  request: catalogV1.ListPricesRequest,
): Promise<catalogV1.ListPricesResponse> {
  const scope = readScope(ctx);
  const { status } = validate(filter, { status: request.status || undefined });
  if (!request.bundleId || !(await findBundle(deps.db, scope, request.bundleId))) throw notFound('bundle', request.bundleId);
  const { rows, nextCursor } = await pageOf<PriceRow>(pricesQuery(deps.db, scope, request.bundleId, status), request.page);
  return { data: rows.map(toPrice), nextCursor };
}
