import { conflict, type CallContext } from '@azotte/common';
import type { billingV1 } from '@azotte/proto';
import { BILLING_WRITERS, requireOwnSession, scopeFor } from '../domain/access';
import type { Deps } from '../domain/deps';
import { emitCheckoutSession } from '../events/emit';
import { checkoutStatusAt, presentCheckoutSession } from '../store/present';
import { checkoutSessionOf } from '../store/queries';
import { checkoutSessions } from '../store/tables';
import { checkoutLockKey } from './complete-checkout-session';

/**
 * Ends an open checkout session before its time: open → expired, with its
 * event. An expired one (by this call or by time) is answered as it is; a
 * complete one is a conflict `session_complete`. It waits for a completion
 * under way (the same lock), so a session never ends both ways.
 */
export async function expireCheckoutSession(deps: Deps, ctx: CallContext, req: billingV1.ExpireCheckoutSessionRequest): Promise<billingV1.CheckoutSession> {
  const scope = scopeFor(ctx, BILLING_WRITERS);
  requireOwnSession(ctx, 'checkout_session', req.id);
  return deps.checkouts.run(req.id, () =>
    deps.db.transaction(async (trx) => {
      await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [checkoutLockKey(req.id)]);
      const at = await deps.clocks.now(scope, trx);
      const row = await checkoutSessionOf(trx, scope, req.id, true);
      const status = checkoutStatusAt(row, at);
      if (status === 'complete') throw conflict('session_complete', `Checkout session ${row.id} is complete.`);
      if (status === 'expired') return presentCheckoutSession(row, at);
      Object.assign(row, { status: 'expired', updated_at: at, expires_at: at });
      await checkoutSessions.in(trx, scope).where({ id: row.id }).update({ status: 'expired', updated_at: at, expires_at: at });
      await emitCheckoutSession(trx, scope, 'checkoutSessionExpired', row, at);
      return presentCheckoutSession(row, at);
    }),
  );
}
