import { discountOn, isDomainError, notFound, taxOn, type TaxSettings } from '@azotte/common';
import type { billingV1, catalogV1, customerV1 } from '@azotte/proto';
import type { Principal } from '../auth/principal';
import type { Clients } from '../clients';
import { presentPaymentMethod } from '../routes/billing-presenters';
import { hostedStorefront, taxOf, type HostedStorefront } from './hosted-storefront';
import { testCardsFor } from './test-cards';

const RENEWING = new Set(['trialing', 'active', 'past_due']);
const ENDED = new Set(['canceled', 'incomplete_expired']);

/** The page's customer, its storefront and that storefront's look: what every portal call starts from. */
export async function portalContext(clients: Clients, principal: Principal) {
  const session = principal.hosted!.portal!;
  const customer = await clients.customer.getCustomer({ id: session.customerId });
  const storefrontId = session.storefrontId || customer.storefrontId || '';
  const sf = storefrontId ? await clients.tenant.getStorefront({ id: storefrontId }) : undefined;
  return { session, customer, sf, storefront: hostedStorefront(sf, { name: principal.tenantName ?? 'Your account', locale: customer.locale }) };
}

/** A subscription of the page's customer, or not found (another customer's is none of its business). */
export async function ownSubscription(clients: Clients, principal: Principal, id: string): Promise<billingV1.Subscription> {
  const sub = await clients.billing.getSubscription({ id });
  if (sub.customerId !== principal.hosted!.portal!.customerId) throw notFound('subscription', id);
  return sub;
}

/** The next renewal's charge: one period, less a discount still in force, plus exclusive tax. */
function nextRenewal(sub: billingV1.Subscription, tax: TaxSettings | undefined) {
  if (!RENEWING.has(sub.status) || sub.cancelAtPeriodEnd) return null;
  const d = sub.discount;
  const inForce = d && d.remainingCycles !== 0 ? { type: d.type as 'percent_off' | 'amount_off', percentOff: d.percentOff, amountOff: d.amountOff } : undefined;
  const net = sub.amount - discountOn(sub.amount, inForce);
  const amount = taxOn(net, tax);
  return { at: sub.currentPeriodEnd!, amount: tax?.behavior === 'exclusive' ? net + amount : net };
}

/** The storefront's other active prices in the subscription's currency: what "Change plan" offers. */
async function priceCatalog(clients: Clients, storefront: HostedStorefront) {
  const bundles = (await clients.catalog.listBundles({ page: { limit: 50, cursor: '' }, status: 'active' })).data;
  const perBundle = await Promise.all(
    bundles.map(async (bundle) => {
      const prices = (await clients.catalog.listPrices({ bundleId: bundle.id, page: { limit: 50, cursor: '' }, status: 'active' })).data;
      return prices
        .filter((p) => p.storefrontIds.length === 0 || (storefront.id !== '' && p.storefrontIds.includes(storefront.id)))
        .map((price) => ({ price, bundle }));
    }),
  );
  return perBundle.flat();
}

type Offered = { price: catalogV1.Price; bundle: catalogV1.Bundle };

/** The prices a subscription may change to: the storefront's others in its currency (none once it ended). */
const changeCandidates = (sub: billingV1.Subscription, offered: Offered[]) =>
  ENDED.has(sub.status) ? [] : offered.filter(({ price }) => price.id !== sub.priceId && price.currency === sub.currency);

/** Whether the page offers `priceId` to `sub` — the same rule as its "Change plan" list, without quoting each option. */
export async function offersChange(clients: Clients, principal: Principal, sub: billingV1.Subscription, priceId: string): Promise<boolean> {
  const { storefront } = await portalContext(clients, principal);
  return changeCandidates(sub, await priceCatalog(clients, storefront)).some(({ price }) => price.id === priceId);
}

async function changeOptions(clients: Clients, sub: billingV1.Subscription, offered: Offered[]) {
  const candidates = changeCandidates(sub, offered);
  return Promise.all(
    candidates.map(async ({ price, bundle }) => {
      const quote = await clients.catalog.quoteAmount({ priceId: price.id, quantity: sub.quantity, storefrontId: '', country: '' });
      return { priceId: price.id, bundleName: bundle.name, amount: quote.amount, currency: quote.currency, interval: quote.interval, intervalCount: quote.intervalCount };
    }),
  );
}

export async function presentHostedSubscription(clients: Clients, sub: billingV1.Subscription, tax: TaxSettings | undefined, offered: Offered[]) {
  const bundleName = offered.find((o) => o.bundle.id === sub.bundleId)?.bundle.name ?? (await bundleNameOf(clients, sub.bundleId));
  return {
    id: sub.id,
    status: sub.status as 'active',
    priceId: sub.priceId,
    bundleName,
    amount: sub.amount,
    currency: sub.currency,
    interval: sub.interval,
    intervalCount: sub.intervalCount,
    quantity: sub.quantity,
    currentPeriodEnd: sub.currentPeriodEnd!,
    trialEnd: sub.trialEnd ?? null,
    cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
    nextRenewal: nextRenewal(sub, tax),
    changeOptions: await changeOptions(clients, sub, offered),
  };
}

async function bundleNameOf(clients: Clients, id: string): Promise<string> {
  try {
    return (await clients.catalog.getBundle({ id })).name;
  } catch (err) {
    if (isDomainError(err) && err.kind === 'not_found') return id;
    throw err;
  }
}

/** One subscription as the page shows it after an action on it. */
export async function hostedSubscription(clients: Clients, principal: Principal, sub: billingV1.Subscription) {
  const { storefront } = await portalContext(clients, principal);
  return presentHostedSubscription(clients, sub, taxOf(storefront), await priceCatalog(clients, storefront));
}

/** GET /hosted/portal: the customer's subscriptions, cards and invoices in the storefront's look. */
export async function portalPage(clients: Clients, principal: Principal) {
  const hosted = principal.hosted!;
  const kind = principal.environment!.kind;
  const { session, customer, storefront } = await portalContext(clients, principal);
  const base = {
    status: hosted.status === 'open' ? ('open' as const) : ('expired' as const),
    expiresAt: session.expiresAt!,
    returnUrl: session.returnUrl,
    customer: customerOf(customer),
    storefront,
    environment: { kind },
    testCards: testCardsFor(kind),
  };
  if (hosted.status !== 'open') return { ...base, subscriptions: [], paymentMethods: [], invoices: [] };
  const page = { limit: 100, cursor: '' };
  const [subs, methods, invoices, offered] = await Promise.all([
    clients.billing.listSubscriptions({ page, customerId: customer.id, status: '' }),
    clients.billing.listPaymentMethods({ customerId: customer.id }),
    clients.billing.listInvoices({ page: { limit: 24, cursor: '' }, customerId: customer.id, subscriptionId: '' }),
    priceCatalog(clients, storefront),
  ]);
  const tax = taxOf(storefront);
  return {
    ...base,
    subscriptions: await Promise.all(subs.data.map((s) => presentHostedSubscription(clients, s, tax, offered))),
    paymentMethods: methods.data.map(presentPaymentMethod),
    invoices: invoices.data.map((i) => ({ id: i.id, status: i.status as 'paid', total: i.total, currency: i.currency, amountPaid: i.amountPaid, createdAt: i.createdAt! })),
  };
}

export const customerOf = (c: customerV1.Customer) => ({ id: c.id, email: c.email ?? null, name: c.name ?? null });
