import { isDomainError, type CallContext, type Scope } from '@azotte/common';
import type { Deps } from '../domain/deps';
import type { CheckoutSessionRow } from '../store/tables';

/**
 * The context billing writes customers in on a checkout's behalf: the
 * caller's own actor (the gateway's hosted session, a user or a key), as an
 * operator, the least of the customer service's writer roles. Billing never
 * creates customers as itself.
 */
export function asCustomerWriter(ctx: CallContext, scope: Scope): CallContext {
  return { actor: { ...ctx.actor, role: 'operator' }, tenantId: scope.tenantId, scope, requestId: ctx.requestId };
}

/**
 * The customer a checkout session subscribes when it names none: the scope's
 * customer with this email (never an erased one), else a new one in the
 * storefront's locale (and its country when it sells in one only). Two
 * checkouts racing to create the same email end with one customer: the
 * loser's `email_taken` is answered by looking the winner up.
 */
export async function customerForCheckout(deps: Deps, ctx: CallContext, scope: Scope, session: CheckoutSessionRow, email: string, name?: string): Promise<string> {
  const as = asCustomerWriter(ctx, scope);
  const found = await deps.remote.findCustomerByEmail(as, email);
  if (found) return found;
  const storefront = await deps.remote.storefront(scope, session.storefront_id);
  const countries = storefront?.regional?.countries ?? [];
  try {
    return await deps.remote.createCustomer(as, {
      email,
      name,
      locale: storefront?.regional?.locale || undefined,
      country: countries.length === 1 ? countries[0] : undefined,
      storefrontId: session.storefront_id,
      metadata: {},
      // The email is the key here: a lost race is answered by looking the winner up (below).
      idempotencyKey: '',
    });
  } catch (err) {
    if (isDomainError(err) && err.kind === 'conflict' && err.code === 'email_taken') {
      const winner = await deps.remote.findCustomerByEmail(as, email);
      if (winner) return winner;
    }
    throw err;
  }
}
