import { emailField, invalidArgument, type FieldError } from '@azotte/common';
import type { billingV1 } from '@azotte/proto';

/** The limits of API.md's `POST /checkout-sessions`. */
export const CHECKOUT_LIMITS = {
  maxPrices: 5,
  minMinutes: 5,
  maxMinutes: 10_080,
  defaultMinutes: 1_440,
  maxQuantity: 1_000_000,
  maxUrlLength: 2_000,
} as const;

/** What is wrong with a URL a hosted page redirects to, if anything: it must be absolute http(s). */
export function urlProblem(value: string): string | undefined {
  if (!value) return 'is required';
  if (value.length > CHECKOUT_LIMITS.maxUrlLength) return `must be at most ${CHECKOUT_LIMITS.maxUrlLength} characters`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute http(s) URL';
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? undefined : 'must be an absolute http(s) URL';
}

/** An email address as kept (trimmed, lower-case), or the problem with it. */
export function parseEmail(value: string): { email?: string; problem?: string } {
  const parsed = emailField.safeParse(value);
  return parsed.success ? { email: parsed.data } : { problem: parsed.error.issues[0]?.message ?? 'is not a valid email address' };
}

/** A checkout session's terms, defaults applied. */
export interface CheckoutTerms {
  storefrontId: string;
  priceIds: string[];
  customerId?: string;
  customerEmail?: string;
  quantity: number;
  couponCode?: string;
  allowCoupons: boolean;
  successUrl: string;
  cancelUrl: string;
  expiresInMinutes: number;
}

/**
 * The terms of a CreateCheckoutSession request, or one invalid_argument
 * naming every problem at once, with `extra` ones found outside (an unknown
 * storefront or customer). Paths are the public API's field names
 * (`priceIds[1]`), which the gateway passes through.
 */
export function checkoutTerms(req: billingV1.CreateCheckoutSessionRequest, extra: FieldError[] = []): CheckoutTerms {
  const problems: FieldError[] = [];
  if (!req.storefrontId) problems.push({ path: 'storefrontId', message: 'is required' });

  const priceIds = req.priceIds.map((id) => id.trim());
  if (priceIds.length < 1 || priceIds.length > CHECKOUT_LIMITS.maxPrices) {
    problems.push({ path: 'priceIds', message: `must name 1 to ${CHECKOUT_LIMITS.maxPrices} prices` });
  }
  priceIds.forEach((id, i) => {
    if (!id) problems.push({ path: `priceIds[${i}]`, message: 'is required' });
    else if (priceIds.indexOf(id) < i) problems.push({ path: `priceIds[${i}]`, message: 'is named twice' });
  });

  for (const [path, value] of [
    ['successUrl', req.successUrl],
    ['cancelUrl', req.cancelUrl],
  ] as const) {
    const problem = urlProblem(value);
    if (problem) problems.push({ path, message: problem });
  }

  const minutes = req.expiresInMinutes || CHECKOUT_LIMITS.defaultMinutes;
  if (!Number.isInteger(minutes) || minutes < CHECKOUT_LIMITS.minMinutes || minutes > CHECKOUT_LIMITS.maxMinutes) {
    problems.push({ path: 'expiresInMinutes', message: `must be ${CHECKOUT_LIMITS.minMinutes} to ${CHECKOUT_LIMITS.maxMinutes}` });
  }
  const quantity = req.quantity || 1;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > CHECKOUT_LIMITS.maxQuantity) {
    problems.push({ path: 'quantity', message: `must be 1 to ${CHECKOUT_LIMITS.maxQuantity}` });
  }

  let customerEmail: string | undefined;
  if (req.customerEmail) {
    if (req.customerId) problems.push({ path: 'customerEmail', message: 'must not be given with customerId' });
    const { email, problem } = parseEmail(req.customerEmail);
    if (problem) problems.push({ path: 'customerEmail', message: problem });
    customerEmail = email;
  }

  problems.push(...extra);
  if (problems.length > 0) throw invalidArgument(problems);
  return {
    storefrontId: req.storefrontId,
    priceIds,
    customerId: req.customerId || undefined,
    customerEmail,
    quantity,
    couponCode: req.couponCode.trim() || undefined,
    allowCoupons: req.allowCoupons ?? true,
    successUrl: req.successUrl,
    cancelUrl: req.cancelUrl,
    expiresInMinutes: minutes,
  };
}

/** What a CompleteCheckoutSession call chose, checked against its session. */
export interface CheckoutChoice {
  priceId: string;
  /** The email to find or create the customer by; absent when the session has its customer. */
  email?: string;
  /** The code to subscribe with: the caller's when the session allows codes, else the session's own. */
  couponCode: string;
  name?: string;
}

export function checkoutChoice(
  session: { price_ids: string[]; customer_id: string | null; customer_email: string | null; coupon_code: string | null; allow_coupons: boolean },
  req: billingV1.CompleteCheckoutSessionRequest,
): CheckoutChoice {
  const problems: FieldError[] = [];
  if (!req.priceId) problems.push({ path: 'priceId', message: 'is required' });
  else if (!session.price_ids.includes(req.priceId)) problems.push({ path: 'priceId', message: "is not one of the session's prices" });
  let email: string | undefined;
  if (!session.customer_id) {
    if (session.customer_email) email = session.customer_email;
    else if (!req.email.trim()) problems.push({ path: 'email', message: 'is required' });
    else {
      const parsed = parseEmail(req.email);
      if (parsed.problem) problems.push({ path: 'email', message: parsed.problem });
      email = parsed.email;
    }
  }
  if (problems.length > 0) throw invalidArgument(problems);
  const typed = session.allow_coupons ? req.couponCode.trim() : '';
  return { priceId: req.priceId, email, couponCode: typed || session.coupon_code || '', name: req.name.trim() || undefined };
}
