import { claimRequestKey, earlierRequest, invalidArgument, isDomainError, newId, RepeatedRequest, unprocessable, type CallContext, type Db, type Scope } from '@azotte/common';
import type { billingV1, campaignV1 } from '@azotte/proto';
import { BILLING_WRITERS, scopeFor } from '../domain/access';
import type { Deps } from '../domain/deps';
import { afterCharge } from '../domain/lifecycle';
import { addDays, isInterval, periodBoundary } from '../domain/periods';
import { INCOMPLETE_PAYABLE_DAYS } from '../domain/statuses';
import { emitSubscription } from '../events/emit';
import { presentSubscription } from '../store/present';
import { subscriptionOf } from '../store/queries';
import { paymentMethods, subscriptions, type DiscountState, type PaymentMethodRow, type SubscriptionRow } from '../store/tables';
import { chargeInvoice } from './charge-invoice';
import { requestPart } from './charge-keys';
import { createInvoice } from './create-invoice';

interface Offers {
  discount?: DiscountState;
  trialDays: number;
  applied: campaignV1.AppliedOffer[];
}

/** The campaign offers of a checkout; a presented code that cannot be used is a 422 naming why. */
async function evaluateOffers(deps: Deps, scope: Scope, req: billingV1.CreateSubscriptionRequest, storefrontId: string, currency: string, at: Date): Promise<Offers> {
  let result: campaignV1.EvaluateResponse;
  try {
    result = await deps.remote.evaluate(scope, {
      customerId: req.customerId,
      priceId: req.priceId,
      storefrontId,
      couponCode: req.couponCode,
      at: at.toISOString(),
    });
  } catch (err) {
    // Without a code, a campaign service that does not answer costs the customer no sale.
    if (!req.couponCode && isDomainError(err) && err.kind === 'unavailable') {
      deps.logger.warn({ err }, 'campaign service unavailable: subscribing without automatic offers');
      return { trialDays: 0, applied: [] };
    }
    throw err;
  }
  const code = req.couponCode.trim().toUpperCase();
  if (code && !result.applied.some((a) => a.code.toUpperCase() === code)) {
    const rejection = result.rejected.find((r) => r.code.toUpperCase() === code) ?? result.rejected[0];
    const reason = rejection?.reason || 'unknown_code';
    throw unprocessable(`coupon_${reason}`, `Coupon ${req.couponCode} cannot be used: ${(rejection?.message || reason).replace(/\.$/, '')}.`, [
      { path: 'couponCode', message: reason },
    ]);
  }
  const offers: Offers = { trialDays: 0, applied: [] };
  for (const a of result.applied) {
    const offer = a.offer;
    if (!offer) continue;
    if (offer.type === 'trial_extension') {
      offers.trialDays += offer.trialDays ?? 0;
      offers.applied.push(a);
    } else if (!offers.discount && (offer.type === 'percent_off' || offer.type === 'amount_off')) {
      if (offer.type === 'amount_off' && offer.currency !== currency) {
        if (a.code) throw unprocessable('coupon_currency_mismatch', `Coupon ${a.code} is in ${offer.currency}, the price in ${currency}.`, [{ path: 'couponCode', message: 'currency_mismatch' }]);
        continue;
      }
      offers.discount = {
        campaignId: a.campaignId,
        variant: a.variant,
        code: a.code,
        type: offer.type,
        percentOff: offer.percentOff,
        amountOff: offer.amountOff,
        durationCycles: offer.durationCycles,
        remainingCycles: offer.durationCycles,
      };
      offers.applied.push(a);
    }
  }
  return offers;
}

export interface CreateSubscriptionOptions {
  /**
   * Runs last inside the transaction that creates the subscription, with its
   * final status (trialing, active or incomplete): what must be written with
   * the subscription or not at all (a checkout session naming it). A throw
   * rolls the subscription back.
   */
  within?: (trx: Db, sub: SubscriptionRow) => Promise<void>;
}

/**
 * Starts a subscription: a trial with no charge, or a first invoice charged at
 * once (paid → active; declined → incomplete, payable for a day). Campaign
 * offers are reserved with Redeem before anything is written and released
 * again if the subscription could not be created.
 */
export async function createSubscription(
  deps: Deps,
  ctx: CallContext,
  req: billingV1.CreateSubscriptionRequest,
  options: CreateSubscriptionOptions = {},
): Promise<billingV1.Subscription> {
  const scope = scopeFor(ctx, BILLING_WRITERS);
  // Sent again with its key (the first answer was lost): what the first made, charged once.
  const earlier = await earlierRequest(deps.db, scope, req.idempotencyKey, 'create_subscription');
  if (earlier) return presentSubscription(await subscriptionOf(deps.db, scope, earlier));
  const quantity = req.quantity || 1;
  if (!req.customerId || !req.priceId || quantity < 1 || quantity > 1_000_000) {
    throw invalidArgument([
      ...(!req.customerId ? [{ path: 'customerId', message: 'is required' }] : []),
      ...(!req.priceId ? [{ path: 'priceId', message: 'is required' }] : []),
      ...(quantity < 1 || quantity > 1_000_000 ? [{ path: 'quantity', message: 'must be between 1 and 1000000' }] : []),
    ]);
  }
  const customer = await deps.remote.customer(scope, req.customerId);
  if (customer.erased) throw unprocessable('customer_erased', `Customer ${req.customerId} was erased.`);
  const storefrontId = req.storefrontId || customer.storefrontId || '';
  const quote = await deps.remote.quote(scope, { priceId: req.priceId, quantity, storefrontId, country: customer.country ?? '' });
  if (!quote.sellable) {
    throw unprocessable('price_not_sellable', `Price ${req.priceId} cannot be subscribed to: ${quote.unsellableReason}.`, [
      { path: 'priceId', message: quote.unsellableReason },
    ]);
  }
  if (!isInterval(quote.interval)) throw unprocessable('price_not_sellable', `Price ${req.priceId} has an unknown interval.`);
  const at = await deps.clocks.now(scope);
  const offers = await evaluateOffers(deps, scope, req, storefrontId, quote.currency, at);
  const trialDays = quote.trialDays + offers.trialDays;

  // A payment is taken at once unless a trial starts: it needs a provider and a method.
  let method: PaymentMethodRow | undefined;
  const pmQuery = paymentMethods.in(deps.db, scope).where({ customer_id: req.customerId });
  method = (await (req.paymentMethodId ? pmQuery.where({ id: req.paymentMethodId }) : pmQuery.where({ is_default: true })).first()) as
    | PaymentMethodRow
    | undefined;
  if (req.paymentMethodId && !method) {
    throw invalidArgument([{ path: 'paymentMethodId', message: 'is not a payment method of this customer' }]);
  }
  if (trialDays === 0) {
    await deps.providers.forEnvironment(scope);
    if (!method) throw unprocessable('payment_method_required', 'The customer has no payment method to charge.', [{ path: 'paymentMethodId', message: 'is required' }]);
  }
  const tax = storefrontId ? await deps.remote.storefrontTax(scope, storefrontId) : undefined;

  const id = newId('sub');
  const reserved: string[] = [];
  try {
    for (const offer of offers.applied) {
      const key = `${id}:${offer.campaignId}`;
      try {
        await deps.remote.redeem(scope, {
          campaignId: offer.campaignId,
          couponCode: offer.code,
          customerId: req.customerId,
          subscriptionId: id,
          idempotencyKey: key,
          at: at.toISOString(),
        });
      } catch (err) {
        // Lost a race for the last redemption (or the campaign ended meanwhile): named like a rejected code.
        if (isDomainError(err) && err.kind === 'unprocessable') {
          throw unprocessable(`coupon_${err.code}`, `The offer of campaign ${offer.campaignId} cannot be redeemed: ${err.message}`, [
            { path: 'couponCode', message: err.code },
          ]);
        }
        throw err;
      }
      reserved.push(key);
    }
    const row = await deps.db.transaction(async (trx) => {
      const anchor = trialDays > 0 ? addDays(at, trialDays) : at;
      const periodEnd = trialDays > 0 ? anchor : periodBoundary(anchor, quote.interval as never, quote.intervalCount, 1);
      const sub: SubscriptionRow = {
        id,
        tenant_id: scope.tenantId,
        environment_id: scope.environmentId,
        environment_kind: scope.environmentKind,
        customer_id: req.customerId,
        price_id: req.priceId,
        bundle_id: quote.bundleId,
        status: trialDays > 0 ? 'trialing' : 'incomplete',
        quantity,
        amount: quote.amount,
        setup_fee: quote.setupFee,
        currency: quote.currency,
        interval: quote.interval,
        interval_count: quote.intervalCount,
        storefront_id: storefrontId || null,
        payment_method_id: req.paymentMethodId || null,
        tax_behavior: tax?.behavior ?? null,
        tax_rate_percent: tax?.ratePercent ?? null,
        billing_anchor: anchor,
        cycle: 0,
        current_period_start: at,
        current_period_end: periodEnd,
        trial_end: trialDays > 0 ? anchor : null,
        cancel_at_period_end: false,
        canceled_at: null,
        ended_at: null,
        discount: offers.discount ?? null,
        credit_balance: 0,
        latest_invoice_id: null,
        first_failed_at: null,
        retry_count: 0,
        next_action_at: periodEnd,
        created_at: at,
        updated_at: at,
      };
      const { tenant_id: _t, environment_id: _e, ...insert } = sub;
      await claimRequestKey(trx, scope, req.idempotencyKey, 'create_subscription', id);
      await subscriptions.insert(trx, scope, { ...insert, discount: sub.discount ? JSON.stringify(sub.discount) : null });
      if (trialDays > 0) {
        await emitSubscription(trx, scope, 'subscriptionCreated', sub, at);
        await options.within?.(trx, sub);
        return sub;
      }
      const invoice = await createInvoice(trx, scope, sub, {
        reason: 'subscription_create',
        lines: [
          {
            description: `${quantity} × ${quote.bundleId} (${quote.intervalCount} ${quote.interval})`,
            amount: quote.amount,
            quantity,
            periodStart: at.toISOString(),
            periodEnd: periodEnd.toISOString(),
            kind: 'subscription',
          },
          ...(quote.setupFee > 0 ? [{ description: 'Setup fee', amount: quote.setupFee, quantity: 1, kind: 'setup_fee' as const }] : []),
        ],
        discountable: quote.amount,
        applyDiscount: true,
        periodStart: at,
        at,
        dueAt: addDays(at, INCOMPLETE_PAYABLE_DAYS),
      });
      const outcome = invoice.status === 'paid' ? { paid: true } : await chargeInvoice(deps, trx, scope, sub, invoice.id, at, req.paymentMethodId || undefined, { kind: 'first', subscriptionId: id, request: requestPart(scope, req.idempotencyKey) });
      const next = afterCharge('first_invoice', outcome.paid, { status: 'incomplete', periodEnd, firstFailedAt: null, retryCount: 0 }, at);
      const change = { status: next.status, next_action_at: next.nextActionAt, first_failed_at: next.firstFailedAt };
      Object.assign(sub, change);
      await subscriptions.in(trx, scope).where({ id }).update(change);
      await emitSubscription(trx, scope, 'subscriptionCreated', sub, at, { invoiceId: invoice.id });
      if (next.event === 'activated') await emitSubscription(trx, scope, 'subscriptionActivated', sub, at, { previousStatus: 'incomplete', invoiceId: invoice.id });
      await options.within?.(trx, sub);
      return sub;
    });
    deps.entitlements.forgetCustomer(scope, req.customerId);
    return presentSubscription(row);
  } catch (err) {
    for (const key of reserved) {
      await deps.remote.release(scope, key).catch((e: unknown) => deps.logger.error({ err: e, key }, 'could not release a redemption'));
    }
    // The same key's other request won the race: its subscription is the answer.
    if (err instanceof RepeatedRequest) return presentSubscription(await subscriptionOf(deps.db, scope, err.resourceId));
    throw err;
  }
}
