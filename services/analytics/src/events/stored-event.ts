import { EVENTS } from '@azotte/proto';
import { TEST_CLOCK_ADVANCED, type BusEvent } from '@azotte/common';

/** An event as analytics keeps it in `events`: what a rebuild replays. */
export interface StoredEvent {
  id: string;
  type: string;
  tenantId: string;
  /** Empty for tenant-wide events. */
  environmentId: string;
  /** Subscription events only: the customer whose events are applied in order together. */
  customerId: string | null;
  /** Business time of the change (the environment's clock), ISO 8601. */
  occurredAt: string;
  payload: Record<string, any>;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** When the change happened in its environment's time: payloads carry it; the envelope's is real time. */
function businessTime(event: BusEvent): string {
  const p = event.payload as Record<string, any>;
  const candidates = [p.subscription?.occurredAt, p.occurredAt, p.assignedAt, p.now, event.occurredAt];
  for (const c of candidates) {
    const at = str(c);
    if (at && !Number.isNaN(Date.parse(at))) return new Date(at).toISOString();
  }
  return new Date().toISOString();
}

/** The stored form of a consumed event; undefined when it lacks the tenant it belongs to. */
export function storedEvent(event: BusEvent): StoredEvent | undefined {
  const p = event.payload as Record<string, any>;
  const tenantId = event.tenantId ?? str(p.tenant?.id);
  if (!tenantId) return undefined;
  const isSubscription = event.type.startsWith('billing.subscription.');
  return {
    id: event.id,
    type: event.type,
    tenantId,
    environmentId: event.environmentId ?? str(p.environmentId) ?? '',
    customerId: isSubscription ? (str(p.subscription?.customerId) ?? null) : null,
    occurredAt: businessTime(event),
    payload: p,
  };
}

/** The routing keys analytics listens to. */
export const CONSUMED_PATTERNS = [
  'billing.subscription.*.v1',
  'billing.payment.*.v1',
  EVENTS.billing.refundCreated,
  TEST_CLOCK_ADVANCED,
  'tenant.tenant.*.v1',
  'campaign.campaign.*.v1',
  EVENTS.campaign.variantAssigned,
  'campaign.redemption.*.v1',
];
