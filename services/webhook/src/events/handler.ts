import { TEST_CLOCK_ADVANCED, type BusEvent, type EventHandler, type Scope } from '@azotte/common';
import { EVENTS, eventsV1, presentSubscription } from '@azotte/proto';
import type { Deps } from '../domain/deps';
import { eraseCustomerData } from '../domain/erase-customer-data';
import { PUBLIC_SOURCES, publicEventsOf } from '../domain/public-events';
import { recordPublicEvent } from '../domain/record-public-event';
import { trackTrial } from '../domain/trial-reminders';

/** The routing-key patterns the service's queue is bound to. */
export const CONSUMED_PATTERNS = [...PUBLIC_SOURCES, EVENTS.tenant.environmentCreated, TEST_CLOCK_ADVANCED];

const scopeOf = (event: BusEvent): Scope | undefined =>
  event.tenantId && event.environmentId
    ? { tenantId: event.tenantId, environmentId: event.environmentId, environmentKind: event.environmentKind ?? 'production' }
    : undefined;

/**
 * How the service reacts to others' events, each inside the transaction that
 * records it in the inbox (a redelivered event is a no-op, so no public event
 * is made twice):
 * - `tenant.environment.created.v1`: its copy of environment names;
 * - `billing.test_clock.advanced.v1`: its copy of the sandbox clocks (trial reminders), and a
 *   pass of the reminders at once;
 * - every source of a public event (public-events.ts): the public events and their deliveries;
 *   a subscription's also keeps its trial for `subscription.trial_will_end`, and an erasure wipes
 *   the customer's personal data from the events kept.
 */
export function eventHandler(deps: Deps, options: { onClockAdvanced?: () => void } = {}): EventHandler {
  const clocks = deps.clocks.handler();
  return async (event, trx) => {
    if (event.type === TEST_CLOCK_ADVANCED) {
      await clocks(event, trx);
      options.onClockAdvanced?.();
      return;
    }
    if (event.type === EVENTS.tenant.environmentCreated) {
      const environment = eventsV1.EnvironmentCreated.fromJSON(event.payload).environment;
      if (event.tenantId && environment?.id) await deps.environments.remember(trx, event.tenantId, environment.id, environment.name);
      return;
    }
    const scope = scopeOf(event);
    if (!scope) {
      deps.logger.warn({ eventId: event.id, type: event.type }, 'event without scope ignored');
      return;
    }
    if (event.type.startsWith('billing.subscription.')) {
      const changed = eventsV1.SubscriptionChanged.fromJSON(event.payload);
      if (changed.resource) {
        const at = new Date(changed.subscription?.occurredAt || event.occurredAt);
        await trackTrial(deps, trx, scope, presentSubscription(changed.resource), at);
      }
    }
    const drafts = publicEventsOf(event);
    if (event.type === EVENTS.customer.customerErased && drafts[0]) await eraseCustomerData(trx, scope, drafts[0].object);
    for (const draft of drafts) await recordPublicEvent(deps, trx, scope, draft, { sourceEventId: event.id });
  };
}
