import type { billingV1 } from '../../gen';

/** The page a hosted session's secret opens, on the gateway's public address. */
export const hostedUrl = (origin: string, page: 'checkout' | 'customer-portal', secret: string) => `${origin}/${page}/${secret}`;

export const presentCheckoutSession = (s: billingV1.CheckoutSession, url: string | null) => ({
  id: s.id,
  url,
  status: s.status as 'open' | 'complete' | 'expired',
  expiresAt: s.expiresAt!,
  storefrontId: s.storefrontId,
  priceIds: s.priceIds,
  priceId: s.priceId || null,
  customerId: s.customerId || null,
  customerEmail: s.customerEmail || null,
  subscriptionId: s.subscriptionId || null,
  quantity: s.quantity,
  couponCode: s.couponCode || null,
  allowCoupons: s.allowCoupons,
  successUrl: s.successUrl,
  cancelUrl: s.cancelUrl,
  createdAt: s.createdAt!,
  completedAt: s.completedAt ?? null,
});

export const presentPortalSession = (s: billingV1.PortalSession, url: string) => ({
  id: s.id,
  url,
  customerId: s.customerId,
  storefrontId: s.storefrontId || null,
  returnUrl: s.returnUrl,
  expiresAt: s.expiresAt!,
  createdAt: s.createdAt!,
});

/** successUrl with `session_id` added, keeping what it had. */
export function successUrlOf(session: billingV1.CheckoutSession): string {
  const url = new URL(session.successUrl);
  url.searchParams.set('session_id', session.id);
  return url.toString();
}
