import { DomainError, invalidArgument } from '@azotte/common';
import type { campaignV1 } from '@azotte/proto';
import type { Principal } from '../auth/principal';
import type { Clients } from '../clients';
import { COUPON_REASONS } from '../routes/hosted-schemas';
import { firstCharge } from './first-charge';
import { hostedStorefront, taxOf } from './hosted-storefront';
import { openSession } from './hosted-session';

type Reason = (typeof COUPON_REASONS)[number];

const asReason = (r: string): Reason => ((COUPON_REASONS as readonly string[]).includes(r) ? (r as Reason) : 'not_targeted');

/**
 * POST /hosted/checkout/coupon: what a code typed on the checkout would do, as
 * billing will decide it at Subscribe (campaign's Evaluate, for the session's
 * customer or, before there is one, for a prospect keyed by the session).
 * A code that does not apply is an answer, not an error: the page says why.
 */
export async function checkCoupon(clients: Clients, principal: Principal, body: { code: string; priceId: string }) {
  const session = openSession(principal).checkout!;
  if (!session.allowCoupons) throw new DomainError('unprocessable', 'coupons_not_allowed', 'This checkout takes no coupon codes.', [{ path: 'code', message: 'not allowed' }]);
  if (!session.priceIds.includes(body.priceId)) throw invalidArgument([{ path: 'priceId', message: 'is not offered by this checkout' }]);
  const code = body.code.trim().toUpperCase();
  const [result, quote, sf] = await Promise.all([
    clients.campaign.evaluate({
      customerId: session.customerId || session.id,
      prospect: !session.customerId,
      priceId: body.priceId,
      storefrontId: session.storefrontId,
      couponCode: code,
    }),
    clients.catalog.quoteAmount({ priceId: body.priceId, quantity: session.quantity, storefrontId: session.storefrontId, country: '' }),
    clients.tenant.getStorefront({ id: session.storefrontId }),
  ]);
  const tax = taxOf(hostedStorefront(sf, { name: sf.name }));
  const applied = result.applied.find((a) => a.code.toUpperCase() === code);
  const refusal = (reason: Reason, message: string) => ({ code, applies: false, reason, message, discount: null, trialDays: 0, dueToday: firstCharge(quote, undefined, tax) });
  if (!applied?.offer) {
    const rejection: campaignV1.Rejection | undefined = result.rejected.find((r) => r.code.toUpperCase() === code);
    return refusal(asReason(rejection?.reason ?? 'unknown_code'), rejection?.message || `No campaign has the code ${code}.`);
  }
  const offer = applied.offer;
  if (offer.type === 'trial_extension') {
    const trialDays = offer.trialDays ?? 0;
    return { code, applies: true, reason: null, message: `${trialDays} more days of trial.`, discount: null, trialDays, dueToday: firstCharge(quote, undefined, tax, trialDays) };
  }
  if (offer.type === 'amount_off' && offer.currency !== quote.currency) {
    return refusal('currency_mismatch', `The code takes ${offer.currency} off; this price is in ${quote.currency}.`);
  }
  const terms = { type: offer.type as 'percent_off' | 'amount_off', percentOff: offer.percentOff, amountOff: offer.amountOff };
  return {
    code,
    applies: true,
    reason: null,
    message: offer.type === 'percent_off' ? `${offer.percentOff}% off.` : `${offer.amountOff} ${offer.currency} off (minor units).`,
    discount: {
      type: terms.type,
      percentOff: offer.percentOff ?? null,
      amountOff: offer.amountOff ?? null,
      currency: offer.type === 'amount_off' ? (offer.currency ?? null) : null,
      durationCycles: offer.durationCycles ?? null,
    },
    trialDays: 0,
    dueToday: firstCharge(quote, terms, tax),
  };
}
