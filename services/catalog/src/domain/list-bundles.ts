import { pageOf } from '@azotte/common';
import type { CallContext } from '@azotte/common';
import type { catalogV1 } from '@azotte/proto';
import { z } from 'zod';
import { bundlesQuery, toBundle, type BundleRow } from '../store/bundles';
import { readScope } from './access';
import type { Deps } from './deps';
import { validate } from './validation';

const filter = z.object({
  status: z.enum(['draft', 'active', 'archived'], { error: 'must be draft, active or archived' }).optional(),
});

/** The environment's bundles, newest first, optionally only those in one status. */
export async function listBundles(
  deps: Deps,
  ctx: CallContext,
  request: catalogV1.ListBundlesRequest,
): Promise<catalogV1.ListBundlesResponse> {
  const scope = readScope(ctx);
  const { status } = validate(filter, { status: request.status || undefined });
  const { rows, nextCursor } = await pageOf<BundleRow>(bundlesQuery(deps.db, scope, status), request.page);
  return { data: rows.map(toBundle), nextCursor };
}
