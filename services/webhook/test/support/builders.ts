import { newId } from '@azotte/common';
import { eventsV1, type billingV1, type customerV1 } from '@azotte/proto';

/** A customer as the customer service's events carry it. */
export function aCustomer(environmentId: string, overrides: Partial<customerV1.Customer> = {}): customerV1.Customer {
  const at = new Date().toISOString();
  return {
    id: newId('cus'),
    email: `${Math.random().toString(36).slice(2, 10)}@example.com`,
    name: 'Ada Lovelace',
    country: 'DE',
    metadata: { plan: 'gold' },
    environmentId,
    createdAt: at,
    updatedAt: at,
    erased: false,
    ...overrides,
  };
}

export const customerChanged = (customer: customerV1.Customer) => eventsV1.CustomerChanged.toJSON({ customer, changedFields: [] });

/** A subscription as billing's GetSubscription answers it. */
export function aSubscription(overrides: Partial<billingV1.Subscription> = {}): billingV1.Subscription {
  const start = new Date();
  const end = new Date(start.getTime() + 30 * 86_400_000);
  return {
    id: newId('sub'),
    customerId: newId('cus'),
    priceId: newId('price'),
    bundleId: newId('bun'),
    status: 'active',
    quantity: 1,
    currentPeriodStart: start.toISOString(),
    currentPeriodEnd: end.toISOString(),
    cancelAtPeriodEnd: false,
    latestInvoiceId: newId('inv'),
    storefrontId: '',
    paymentMethodId: newId('pm'),
    amount: 999,
    currency: 'EUR',
    interval: 'month',
    intervalCount: 1,
    createdAt: start.toISOString(),
    ...overrides,
  };
}

/** billing.subscription.*.v1's payload for a subscription, with `resource` as billing writes it. */
export function subscriptionChanged(sub: billingV1.Subscription, occurredAt = new Date().toISOString()) {
  return eventsV1.SubscriptionChanged.toJSON({
    subscription: {
      id: sub.id,
      customerId: sub.customerId,
      status: sub.status,
      priceId: sub.priceId,
      bundleId: sub.bundleId,
      quantity: sub.quantity,
      storefrontId: sub.storefrontId,
      campaignId: '',
      variant: '',
      amount: sub.amount,
      currency: sub.currency,
      interval: sub.interval,
      intervalCount: sub.intervalCount,
      currentPeriodStart: sub.currentPeriodStart!,
      currentPeriodEnd: sub.currentPeriodEnd!,
      trialEnd: sub.trialEnd,
      cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
      canceledAt: sub.canceledAt,
      occurredAt,
    },
    previousStatus: '',
    previousPriceId: '',
    previousQuantity: 0,
    previousAmount: 0,
    invoiceId: '',
    resource: sub,
  });
}
