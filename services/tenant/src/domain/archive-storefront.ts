import { notFound, type CallContext } from '@azotte/common';
import { EVENTS, eventsV1, type tenantV1 } from '@azotte/proto';
import { emit } from '../events/emit';
import { archiveStorefront as markArchived, lockStorefront, toStorefront } from '../store/storefronts';
import { scopeFor, STOREFRONT_WRITERS } from './access';
import type { Deps } from './deps';

/** Archives a storefront (DELETE). Archiving an archived one changes nothing. */
export async function archiveStorefront(
  deps: Deps,
  ctx: CallContext,
  request: tenantV1.GetStorefrontRequest,
): Promise<tenantV1.Storefront> {
  const scope = scopeFor(ctx, STOREFRONT_WRITERS);
  return deps.db.transaction(async (trx) => {
    const stored = request.id ? await lockStorefront(trx, scope, request.id) : undefined;
    if (!stored) throw notFound('storefront', request.id);
    if (stored.status === 'archived') return toStorefront(stored);

    const at = deps.clock.now();
    await markArchived(trx, scope, stored.id, at);
    const storefront = toStorefront({ ...stored, status: 'archived', updated_at: at });
    await emit(trx, ctx, EVENTS.tenant.storefrontArchived, eventsV1.StorefrontChanged.toJSON({ storefront }), {
      tenantId: scope.tenantId,
      environment: { id: scope.environmentId, kind: scope.environmentKind },
    });
    return storefront;
  });
}
