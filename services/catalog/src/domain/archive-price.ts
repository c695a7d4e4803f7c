import { notFound, type CallContext } from '@azotte/common';
import { EVENTS, type catalogV1 } from '@azotte/proto';
import { emitPrice } from '../events/emit';
import { archivePrice as markArchived, lockPrice, toPrice } from '../store/prices';
import { writeScope } from './access';
import type { Deps } from './deps';

/**
 * Archives a price: no new subscription may start on it, while the ones it
 * has go on at its terms (it stays readable and quotable). Archiving an
 * archived price changes nothing.
 */
export async function archivePrice(
  deps: Deps,
  ctx: CallContext,
  request: catalogV1.ArchivePriceRequest,
): Promise<catalogV1.Price> {
  const scope = writeScope(ctx);
  return deps.db.transaction(async (trx) => {
    const stored = request.id ? await lockPrice(trx, scope, request.id) : undefined;
    if (!stored) throw notFound('price', request.id);
    if (stored.status === 'archived') return toPrice(stored);

    const at = deps.clock.now();
    await markArchived(trx, scope, stored.id, at);
    const price = toPrice({ ...stored, status: 'archived', archived_at: at });
    await emitPrice(trx, scope, EVENTS.catalog.priceArchived, price);
    return price;
  });
}
