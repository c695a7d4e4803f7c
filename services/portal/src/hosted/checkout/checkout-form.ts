import type { Checkout } from '../api/client';
import { isHostedApiError } from '../api/errors';
import { cardProblems, toCardInput, type CardValues, type FieldErrors } from '../components/card';
import { refusalOf, type Refusal } from '../components/problems';
import type { Messages } from '../i18n';
import type { CouponState } from './useCouponEvaluation';

export interface CheckoutValues {
  priceId: string;
  email: string;
  name: string;
  card: CardValues;
  couponCode: string;
}

/** The fields of the form by the API's paths, in the order they are shown (the first with a problem gets focus). */
export const CHECKOUT_FIELDS = ['priceId', 'email', 'name', 'card.number', 'card.expMonth', 'card.expYear', 'card.cvc', 'couponCode'] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Every problem the browser can see before sending, at once. */
export function checkoutProblems(values: CheckoutValues, checkout: Checkout, coupon: CouponState, t: Messages, now = new Date()): FieldErrors {
  const errors: FieldErrors = { ...cardProblems(values.card, t, now) };
  if (!checkout.session.customerKnown && !EMAIL.test(values.email.trim())) errors.email = t.checkout.invalidEmail;
  const code = values.couponCode.trim();
  // A code the API has already said does not apply to this plan is not sent to be refused again.
  if (code && coupon.status === 'done' && coupon.code === code && coupon.priceId === values.priceId && !coupon.result.applies) {
    errors.couponCode = (coupon.result.reason && t.checkout.couponReasons[coupon.result.reason]) || coupon.result.message;
  }
  return errors;
}

export function toCompletion(values: CheckoutValues, checkout: Checkout) {
  const name = values.name.trim();
  const couponCode = checkout.session.allowCoupons ? values.couponCode.trim() : '';
  return {
    priceId: values.priceId,
    ...(checkout.session.customerKnown ? {} : { email: values.email.trim() }),
    ...(name ? { name } : {}),
    card: toCardInput(values.card),
    ...(couponCode ? { couponCode } : {}),
  };
}

/**
 * A refused Subscribe as messages beside the fields it names: a decline
 * beside the card number, a 400's `errors[]` beside each path, a 422
 * `coupon_*` beside the coupon, `price_not_sellable` beside the plan.
 */
export function completionProblems(error: unknown, t: Messages): Refusal {
  if (isHostedApiError(error) && error.status === 422 && error.code?.startsWith('coupon_')) {
    const reason = error.code.slice('coupon_'.length);
    return { fields: { couponCode: t.checkout.couponReasons[reason] ?? error.fieldErrors[0]?.message ?? error.message } };
  }
  if (isHostedApiError(error) && error.status === 422 && error.code === 'price_not_sellable') return { fields: { priceId: t.checkout.priceNotSellable } };
  return refusalOf(error, t, CHECKOUT_FIELDS);
}
