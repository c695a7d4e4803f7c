import { notFound, type CallContext } from '@azotte/common';
import { EVENTS, type catalogV1 } from '@azotte/proto';
import { emitBundle } from '../events/emit';
import { archiveBundle as markArchived, lockBundle, toBundle } from '../store/bundles';
import { writeScope } from './access';
import type { Deps } from './deps';

/**
 * Archives a bundle (DELETE). It stays readable, its entitlements keep
 * resolving for the subscriptions it already has, and its prices are left as
 * they are: a new subscription needs an active bundle. Archiving an archived
 * bundle changes nothing.
 */
export async function archiveBundle(
  deps: Deps,
  ctx: CallContext,
  request: catalogV1.ArchiveBundleRequest,
): Promise<catalogV1.Bundle> {
  const scope = writeScope(ctx);
  return deps.db.transaction(async (trx) => {
    const stored = request.id ? await lockBundle(trx, scope, request.id) : undefined;
    if (!stored) throw notFound('bundle', request.id);
    if (stored.status === 'archived') return toBundle(stored);

    const at = deps.clock.now();
    await markArchived(trx, scope, stored.id, at);
    const bundle = toBundle({ ...stored, status: 'archived', updated_at: at, archived_at: at });
    await emitBundle(trx, scope, EVENTS.catalog.bundleArchived, bundle);
    return bundle;
  });
}
