import { isDomainError, taxOn } from '@azotte/common';
import type { billingV1, catalogV1 } from '@azotte/proto';
import type { Principal } from '../auth/principal';
import type { Clients } from '../clients';
import { successUrlOf } from '../routes/checkout-presenters';
import { firstCharge } from './first-charge';
import { hostedStorefront, taxOf, type HostedStorefront } from './hosted-storefront';
import { testCardsFor } from './test-cards';

/** An entitlement's value as a page shows it: a word, not JSON. */
const entitlementText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

type Interval = 'day' | 'week' | 'month' | 'year';

/** One offered price, quoted for the session's quantity on its storefront. */
async function offeredPrice(clients: Clients, session: billingV1.CheckoutSession, storefront: HostedStorefront, priceId: string, bundles: Map<string, Promise<catalogV1.Bundle>>) {
  const quote = await clients.catalog.quoteAmount({ priceId, quantity: session.quantity, storefrontId: session.storefrontId, country: '' });
  const unit = session.quantity === 1 ? quote : await clients.catalog.quoteAmount({ priceId, quantity: 1, storefrontId: session.storefrontId, country: '' });
  if (!bundles.has(quote.bundleId)) bundles.set(quote.bundleId, clients.catalog.getBundle({ id: quote.bundleId }));
  const bundle = await bundles.get(quote.bundleId)!;
  const tax = taxOf(storefront);
  return {
    id: quote.priceId,
    currency: quote.currency,
    unitAmount: unit.amount,
    amount: quote.amount,
    interval: quote.interval as Interval,
    intervalCount: quote.intervalCount,
    trialDays: quote.trialDays,
    setupFee: quote.setupFee,
    tax: { behavior: storefront.taxBehavior, ratePercent: storefront.taxRatePercent, amount: taxOn(quote.amount, tax) },
    dueToday: firstCharge(quote, undefined, tax),
    bundle: {
      id: bundle.id,
      name: bundle.name,
      description: bundle.description ?? null,
      entitlements: bundle.entitlements.map((e) => ({ key: e.key, value: entitlementText(e.value) })),
    },
  };
}

/** GET /hosted/checkout: everything the checkout page renders, for any status of its session. */
export async function checkoutPage(clients: Clients, principal: Principal) {
  const hosted = principal.hosted!;
  const session = hosted.checkout!;
  const kind = principal.environment!.kind;
  const sf = await clients.tenant.getStorefront({ id: session.storefrontId });
  const storefront = hostedStorefront(sf, { name: sf.name });
  let customerEmail = session.customerEmail || null;
  if (session.customerId && !customerEmail) {
    try {
      customerEmail = (await clients.customer.getCustomer({ id: session.customerId })).email ?? null;
    } catch (err) {
      if (!(isDomainError(err) && err.kind === 'not_found')) throw err;
    }
  }
  const bundles = new Map<string, Promise<catalogV1.Bundle>>();
  // A finished session shows only that it is finished: its prices may have been archived since.
  const prices = hosted.status === 'open' ? await Promise.all(session.priceIds.map((id) => offeredPrice(clients, session, storefront, id, bundles))) : [];
  return {
    session: {
      id: session.id,
      status: hosted.status,
      expiresAt: session.expiresAt!,
      customerEmail,
      customerKnown: Boolean(session.customerId),
      quantity: session.quantity,
      allowCoupons: session.allowCoupons,
      couponCode: session.couponCode || null,
      successUrl: successUrlOf(session),
      cancelUrl: session.cancelUrl,
    },
    storefront,
    environment: { kind },
    // What both the storefront offers and the environment's provider can take: the sandbox
    // provider (and every adapter so far) takes cards only, so a wallet the storefront lists is not offered.
    paymentMethodTypes: sf.paymentMethods.includes('card') ? ['card' as const] : [],
    testCards: testCardsFor(kind),
    prices,
  };
}
