import type { BusEvent } from '@azotte/common';
import {
  EVENTS,
  eventsV1,
  presentCampaign,
  presentCheckoutSession,
  presentCustomer,
  presentInvoice,
  presentPayment,
  presentRefund,
  presentSubscription,
  type PublicEventType,
} from '@azotte/proto';

/** A public event about to be recorded: its type and the resource as its GET answers. */
export interface PublicEventDraft {
  type: PublicEventType;
  object: Record<string, unknown> & { id: string };
  /** The customer the object belongs to (an erasure wipes personal data from its events). */
  customerId?: string;
  /** The environment's time of the change (ISO 8601). */
  createdAt: string;
  /**
   * For `*.updated`: sent only when the object differs from the last one
   * published for it (billing's `activated` right after `created` changes nothing).
   */
  onlyIfChanged?: boolean;
}

type Mapper = (event: BusEvent) => PublicEventDraft[];

const B = EVENTS.billing;

const subscription =
  (type: PublicEventType, onlyIfChanged = false): Mapper =>
  (event) => {
    const p = eventsV1.SubscriptionChanged.fromJSON(event.payload);
    // Events from before `resource` was added cannot show the subscription as GET does: none is made.
    if (!p.resource) return [];
    const object = presentSubscription(p.resource);
    return [{ type, object, customerId: object.customerId, createdAt: p.subscription?.occurredAt || event.occurredAt, onlyIfChanged }];
  };

const invoice =
  (type: PublicEventType): Mapper =>
  (event) => {
    const p = eventsV1.InvoiceChanged.fromJSON(event.payload);
    if (!p.invoice) return [];
    const object = presentInvoice(p.invoice);
    return [{ type, object, customerId: object.customerId, createdAt: p.occurredAt || event.occurredAt }];
  };

const payment: Mapper = (event) => {
  const p = eventsV1.PaymentAttempted.fromJSON(event.payload);
  if (!p.payment) return [];
  const createdAt = p.occurredAt || event.occurredAt;
  const customerId = p.payment.customerId || undefined;
  const failed = event.type === B.paymentFailed;
  const drafts: PublicEventDraft[] = [{ type: failed ? 'payment.failed' : 'payment.succeeded', object: presentPayment(p.payment), customerId, createdAt }];
  if (failed && p.invoice) drafts.push({ type: 'invoice.payment_failed', object: presentInvoice(p.invoice), customerId, createdAt });
  return drafts;
};

const refund: Mapper = (event) => {
  const p = eventsV1.RefundCreated.fromJSON(event.payload);
  if (!p.refund) return [];
  return [{ type: 'refund.created', object: presentRefund(p.refund), customerId: p.customerId || undefined, createdAt: p.occurredAt || event.occurredAt }];
};

const checkoutCompleted: Mapper = (event) => {
  const p = eventsV1.CheckoutSessionChanged.fromJSON(event.payload);
  if (!p.checkoutSession) return [];
  // As GET /checkout-sessions/{id} answers it: the page's URL (it holds the secret) is never shown again.
  const object = presentCheckoutSession(p.checkoutSession, null);
  return [{ type: 'checkout.session.completed', object, customerId: object.customerId ?? undefined, createdAt: p.occurredAt || event.occurredAt }];
};

const customer =
  (type: PublicEventType, onlyIfChanged = false): Mapper =>
  (event) => {
    const p = eventsV1.CustomerChanged.fromJSON(event.payload);
    if (!p.customer) return [];
    const object = presentCustomer(p.customer);
    return [{ type, object, customerId: object.id, createdAt: p.customer.updatedAt || event.occurredAt, onlyIfChanged }];
  };

const customerDeleted: Mapper = (event) => {
  const p = eventsV1.CustomerErased.fromJSON(event.payload);
  if (!p.resource) return [];
  const object = presentCustomer(p.resource);
  return [{ type: 'customer.deleted', object, customerId: object.id, createdAt: p.customer?.erasedAt || event.occurredAt }];
};

const campaign =
  (type: PublicEventType): Mapper =>
  (event) => {
    const p = eventsV1.CampaignChanged.fromJSON(event.payload);
    if (!p.campaign) return [];
    return [{ type, object: presentCampaign(p.campaign), createdAt: p.campaign.updatedAt || event.occurredAt }];
  };

/**
 * Which public events each routing key makes (API.md's types). `subscription.updated`
 * covers any change of status, price, quantity, period or cancelAtPeriodEnd.
 */
const MAPPERS: Record<string, Mapper> = {
  [EVENTS.customer.customerCreated]: customer('customer.created'),
  [EVENTS.customer.customerUpdated]: customer('customer.updated', true),
  [EVENTS.customer.customerErased]: customerDeleted,
  [B.subscriptionCreated]: subscription('subscription.created'),
  [B.subscriptionActivated]: subscription('subscription.updated', true),
  [B.subscriptionRenewed]: subscription('subscription.updated', true),
  [B.subscriptionPriceChanged]: subscription('subscription.updated', true),
  [B.subscriptionPastDue]: subscription('subscription.updated', true),
  [B.subscriptionCancelScheduled]: subscription('subscription.updated', true),
  [B.subscriptionResumed]: subscription('subscription.updated', true),
  [B.subscriptionExpired]: subscription('subscription.updated', true),
  [B.subscriptionCanceled]: subscription('subscription.canceled'),
  [B.invoiceCreated]: invoice('invoice.created'),
  [B.invoicePaid]: invoice('invoice.paid'),
  [B.invoiceVoided]: invoice('invoice.voided'),
  [B.paymentSucceeded]: payment,
  [B.paymentFailed]: payment,
  [B.refundCreated]: refund,
  [B.checkoutSessionCompleted]: checkoutCompleted,
  [EVENTS.campaign.campaignActivated]: campaign('campaign.activated'),
  [EVENTS.campaign.campaignPaused]: campaign('campaign.paused'),
  [EVENTS.campaign.campaignEnded]: campaign('campaign.ended'),
};

/** The routing keys that make public events. */
export const PUBLIC_SOURCES = Object.keys(MAPPERS);

/** The public events a bus event makes (none for most routing keys). */
export function publicEventsOf(event: BusEvent): PublicEventDraft[] {
  const map = MAPPERS[event.type];
  return map ? map(event) : [];
}

/** The JSON body of a public event, exactly as delivered and as GET /events/{id} answers it. */
export function publicEventBody(id: string, draft: Pick<PublicEventDraft, 'type' | 'object' | 'createdAt'>, environment: { id: string; name: string }): string {
  return JSON.stringify({
    id,
    type: draft.type,
    createdAt: new Date(draft.createdAt).toISOString(),
    environment,
    data: { object: draft.object },
  });
}
