/**
 * The public event types of API.md "Webhooks", in one place: what an
 * endpoint's `enabledEvents` may name (besides "*"), what `GET /events?type=`
 * filters by, and what the webhook service emits.
 */
export const PUBLIC_EVENT_TYPES = [
  'customer.created',
  'customer.updated',
  'customer.deleted',
  'subscription.created',
  'subscription.updated',
  'subscription.canceled',
  'subscription.trial_will_end',
  'invoice.created',
  'invoice.paid',
  'invoice.payment_failed',
  'invoice.voided',
  'payment.succeeded',
  'payment.failed',
  'refund.created',
  'checkout.session.completed',
  'campaign.activated',
  'campaign.paused',
  'campaign.ended',
  'ping',
] as const;

export type PublicEventType = (typeof PUBLIC_EVENT_TYPES)[number];

export const isPublicEventType = (type: string): type is PublicEventType => (PUBLIC_EVENT_TYPES as readonly string[]).includes(type);

/**
 * A public event as delivered and as `GET /events/{id}` answers it. `object`
 * is the resource exactly as its own `GET` answered at `createdAt`.
 */
export interface PublicEvent<T = unknown> {
  id: string;
  type: PublicEventType;
  /** The environment's (business) time of the change, ISO 8601. */
  createdAt: string;
  environment: { id: string; name: string };
  data: { object: T };
}
