import type { CallContext } from '@azotte/common';
import type { billingV1 } from '@azotte/proto';
import { EVERY_ROLE, requireOwnSession, scopeFor } from '../domain/access';
import type { Deps } from '../domain/deps';
import { presentCheckoutSession } from '../store/present';
import { checkoutSessionOf } from '../store/queries';

/** A checkout session as it is at the environment's now (one past its expiry is expired). */
export async function getCheckoutSession(deps: Deps, ctx: CallContext, req: billingV1.GetCheckoutSessionRequest): Promise<billingV1.CheckoutSession> {
  const scope = scopeFor(ctx, EVERY_ROLE);
  requireOwnSession(ctx, 'checkout_session', req.id);
  const row = await checkoutSessionOf(deps.db, scope, req.id);
  return presentCheckoutSession(row, await deps.clocks.now(scope));
}
