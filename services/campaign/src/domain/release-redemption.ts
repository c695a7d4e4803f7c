import { invalidArgument, notFound, type CallContext } from '@azotte/common';
import type { campaignV1 } from '@azotte/proto';
import { findRedemptionByKey, toRedemption } from '../store/redemptions';
import { serviceScope } from './access';
import type { Deps } from './deps';
import { settleRedemption } from './settlement';

/**
 * Gives a reservation back: billing's compensation when the subscription it
 * reserved for could not be created. Idempotent: a redemption already
 * released is returned as it is, and so is one already confirmed (its
 * subscription started; only billing's events move it after that).
 */
export async function releaseRedemption(
  deps: Deps,
  ctx: CallContext,
  request: campaignV1.ReleaseRedemptionRequest,
): Promise<campaignV1.Redemption> {
  const scope = serviceScope(ctx);
  if (!request.idempotencyKey) throw invalidArgument([{ path: 'idempotencyKey', message: 'is required' }]);
  const found = await findRedemptionByKey(deps.db, scope, request.idempotencyKey);
  if (!found) throw notFound('redemption', request.idempotencyKey);
  return deps.db.transaction(async (trx) => {
    const at = await deps.clocks.now(scope, trx);
    const row = await settleRedemption(trx, scope, found, 'released', at);
    return toRedemption(row ?? found);
  });
}
