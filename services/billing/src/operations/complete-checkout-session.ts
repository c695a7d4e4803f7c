import { conflict, DomainError, invalidArgument, isDomainError, type CallContext, type Db, type Scope } from '@azotte/common';
import type { billingV1 } from '@azotte/proto';
import { BILLING_WRITERS, requireOwnSession, scopeFor } from '../domain/access';
import { checkoutChoice, type CheckoutChoice } from '../domain/checkout-rules';
import type { Deps } from '../domain/deps';
import { emitCheckoutSession } from '../events/emit';
import { checkoutStatusAt, presentCheckoutSession } from '../store/present';
import { checkoutSessionOf, invoiceOf, subscriptionOf } from '../store/queries';
import { checkoutSessions, payments, type CheckoutSessionRow, type SubscriptionRow } from '../store/tables';
import { attachPaymentMethod } from './attach-payment-method';
import { customerForCheckout } from './checkout-customer';
import { createSubscription } from './create-subscription';
import { endSubscription } from './end-subscription';
import { payInvoice } from './pay-invoice';

/** The advisory lock that serializes everything that moves one checkout session. */
export const checkoutLockKey = (id: string) => `checkout:${id}`;

/** Statuses of a subscription that a session's earlier attempt produced and that already count as its outcome. */
const SUBSCRIBED = new Set(['active', 'trialing', 'past_due']);

/**
 * The page's "Subscribe": finds or creates the customer, attaches the card,
 * creates the subscription and completes the session. However many calls
 * arrive together or again, a session completes once, with one customer and
 * one subscription:
 *
 * - calls on one session run one at a time, under an advisory lock held by a
 *   transaction that writes nothing itself (each step commits in its own
 *   transaction, on other connections; a row lock here would wait on them);
 * - each call reads the session again under the lock: complete → answered as
 *   it is; expired → `session_expired`;
 * - the customer found or created is saved on the session at once, so an
 *   attempt after a declined card subscribes the same customer;
 * - the subscription is created in one transaction with the session naming
 *   it (and, when trialing or paid, with the session complete and its event):
 *   no crash leaves a subscription its session does not know;
 * - a first charge declined leaves the session open with that incomplete
 *   subscription, whose open invoice the next attempt pays with the new card
 *   instead of subscribing again.
 */
export async function completeCheckoutSession(deps: Deps, ctx: CallContext, req: billingV1.CompleteCheckoutSessionRequest): Promise<billingV1.CheckoutSession> {
  const scope = scopeFor(ctx, BILLING_WRITERS);
  requireOwnSession(ctx, 'checkout_session', req.id);
  return deps.checkouts.run(req.id, () =>
    deps.db.transaction(async (held) => {
      await held.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [checkoutLockKey(req.id)]);
      return completeUnderLock(deps, ctx, scope, held, req);
    }),
  );
}

async function completeUnderLock(deps: Deps, ctx: CallContext, scope: Scope, held: Db, req: billingV1.CompleteCheckoutSessionRequest): Promise<billingV1.CheckoutSession> {
  const at = await deps.clocks.now(scope);
  const session = await checkoutSessionOf(held, scope, req.id);
  const status = checkoutStatusAt(session, at);
  if (status === 'complete') return presentCheckoutSession(session, at);
  if (status === 'expired') throw conflict('session_expired', `Checkout session ${session.id} has expired.`);
  const choice = checkoutChoice(session, req);

  if (!session.customer_id) {
    const customerId = await customerForCheckout(deps, ctx, scope, session, choice.email!, choice.name);
    // Committed now, outside `held`: a declined card below must not forget the customer.
    await checkoutSessions.in(deps.db, scope).where({ id: session.id }).update({ customer_id: customerId, updated_at: at });
    session.customer_id = customerId;
  }
  // The new card becomes the default, so that the subscription's charges (first, retried, renewals) go to it.
  if (req.card) await attachPaymentMethod(deps, ctx, { customerId: session.customer_id, type: 'card', card: req.card, makeDefault: true });

  const earlier = session.subscription_id ? await subscriptionOf(deps.db, scope, session.subscription_id) : undefined;
  // Subscribed by an earlier attempt that did not get to complete the session (a crash after paying).
  if (earlier && SUBSCRIBED.has(earlier.status)) return completeWith(deps, scope, session, earlier, at);
  if (earlier?.status === 'incomplete') {
    const invoice = earlier.latest_invoice_id ? await invoiceOf(deps.db, scope, earlier.latest_invoice_id) : undefined;
    const payable = invoice?.status === 'open' && (!invoice.due_at || new Date(invoice.due_at).getTime() > at.getTime());
    if (payable && earlier.price_id === choice.priceId) return payEarlier(deps, ctx, scope, session, earlier, at);
    // Another price chosen, or the invoice is no longer payable: that attempt ends as the scheduler would end it.
    await abandon(deps, scope, earlier.id, at);
  }
  return subscribe(deps, ctx, scope, session, choice, at);
}

async function subscribe(deps: Deps, ctx: CallContext, scope: Scope, session: CheckoutSessionRow, choice: CheckoutChoice, at: Date): Promise<billingV1.CheckoutSession> {
  let sub: billingV1.Subscription;
  try {
    sub = await createSubscription(
      deps,
      ctx,
      {
        customerId: session.customer_id!,
        priceId: choice.priceId,
        quantity: Number(session.quantity),
        // None named: the customer's default, which the card just attached is.
        paymentMethodId: '',
        couponCode: choice.couponCode,
        storefrontId: session.storefront_id,
        // The session is the key: it is locked while it completes and names the subscription it made.
        idempotencyKey: '',
      },
      {
        within: async (trx, created) => {
          const subscribed = created.status === 'active' || created.status === 'trialing';
          const when = new Date(created.updated_at);
          const change = subscribed
            ? { subscription_id: created.id, status: 'complete', price_id: created.price_id, completed_at: when, updated_at: when }
            : { subscription_id: created.id, updated_at: when };
          const [row] = (await checkoutSessions.in(trx, scope).where({ id: session.id, status: 'open' }).update(change).returning('*')) as CheckoutSessionRow[];
          // The session's lock rules this out; were it to happen, no subscription may outlive a session that does not name it.
          if (!row) throw conflict('session_not_open', `Checkout session ${session.id} is no longer open.`);
          if (subscribed) await emitCheckoutSession(trx, scope, 'checkoutSessionCompleted', row, when);
        },
      },
    );
  } catch (err) {
    if (isDomainError(err) && err.kind === 'unprocessable' && err.code === 'payment_method_required') {
      throw invalidArgument([{ path: 'card', message: 'is required' }]);
    }
    throw err;
  }
  if (sub.status === 'incomplete') throw await declineOf(deps, scope, sub.latestInvoiceId!);
  deps.logger.info({ checkoutSessionId: session.id, subscriptionId: sub.id, customerId: sub.customerId }, 'checkout session completed');
  return presentCheckoutSession(await checkoutSessionOf(deps.db, scope, session.id), at);
}

/** The retry of a declined first charge: the open invoice of the session's subscription, paid with the new default card. */
async function payEarlier(deps: Deps, ctx: CallContext, scope: Scope, session: CheckoutSessionRow, earlier: SubscriptionRow, at: Date): Promise<billingV1.CheckoutSession> {
  try {
    await payInvoice(deps, ctx, { id: earlier.latest_invoice_id!, paymentMethodId: '' });
  } catch (err) {
    if (isDomainError(err) && err.kind === 'payment_required') throw cardDeclined(err.code);
    throw err;
  }
  return completeWith(deps, scope, session, await subscriptionOf(deps.db, scope, earlier.id), at);
}

/** Completes the session with its subscription, once: status, completed_at and the event in one transaction. */
async function completeWith(deps: Deps, scope: Scope, session: CheckoutSessionRow, sub: SubscriptionRow, at: Date): Promise<billingV1.CheckoutSession> {
  const row = await deps.db.transaction(async (trx) => {
    const change = { status: 'complete', subscription_id: sub.id, price_id: sub.price_id, completed_at: at, updated_at: at };
    const [updated] = (await checkoutSessions.in(trx, scope).where({ id: session.id, status: 'open' }).update(change).returning('*')) as CheckoutSessionRow[];
    if (updated) await emitCheckoutSession(trx, scope, 'checkoutSessionCompleted', updated, at);
    return updated ?? (await checkoutSessionOf(trx, scope, session.id));
  });
  deps.logger.info({ checkoutSessionId: session.id, subscriptionId: sub.id, customerId: sub.customer_id }, 'checkout session completed');
  return presentCheckoutSession(row, at);
}

/** Ends an earlier attempt's unpaid subscription (its invoice voided; the campaign service releases its redemptions on the event). */
async function abandon(deps: Deps, scope: Scope, subscriptionId: string, at: Date): Promise<void> {
  await deps.db.transaction(async (trx) => {
    const sub = await subscriptionOf(trx, scope, subscriptionId, true);
    if (sub.status === 'incomplete') await endSubscription(trx, scope, sub, at, { status: 'incomplete_expired', openInvoices: 'void' });
  });
}

/** The 402 of a declined first charge: the decline code of its last attempt, beside the card. */
async function declineOf(deps: Deps, scope: Scope, invoiceId: string): Promise<DomainError> {
  const last = (await payments.in(deps.db, scope).where({ invoice_id: invoiceId }).orderBy('attempt', 'desc').first('failure_code')) as
    | { failure_code: string | null }
    | undefined;
  return cardDeclined(last?.failure_code ?? 'card_declined');
}

const cardDeclined = (code: string) =>
  new DomainError('payment_required', code, `The card was declined (${code}).`, [{ path: 'card.number', message: code }]);
