import { TEST_CLOCK_ADVANCED, type BusEvent, type EventHandler, type Scope } from '@azotte/common';
import type { Deps } from '../domain/deps';
import { settleSubscription } from '../domain/settle-subscription';

/** The routing-key patterns the service's queue is bound to. */
export const CONSUMED_PATTERNS = ['billing.subscription.*.v1', TEST_CLOCK_ADVANCED];

const scopeOf = (event: BusEvent): Scope | undefined =>
  event.tenantId && event.environmentId
    ? { tenantId: event.tenantId, environmentId: event.environmentId, environmentKind: event.environmentKind ?? 'production' }
    : undefined;

/**
 * How the service reacts to others' events, each inside the transaction that
 * records it in the inbox (a redelivery is a no-op):
 * - `billing.test_clock.advanced.v1`: this service's copy of the sandbox clocks;
 * - `billing.subscription.*.v1`: `payload.subscription` ({ id, customerId,
 *   status }) settles the redemptions reserved for it and feeds `newCustomer`.
 */
export function eventHandler(deps: Deps): EventHandler {
  const clocks = deps.clocks.handler();
  return async (event, trx) => {
    if (event.type === TEST_CLOCK_ADVANCED) return clocks(event, trx);
    if (!event.type.startsWith('billing.subscription.')) return;
    const scope = scopeOf(event);
    const subscription = (event.payload as { subscription?: Record<string, unknown> }).subscription;
    if (!scope || !subscription || typeof subscription.id !== 'string' || typeof subscription.status !== 'string') {
      deps.logger.warn({ eventId: event.id, type: event.type }, 'subscription event without scope, id or status ignored');
      return;
    }
    await settleSubscription(deps, trx, scope, {
      id: subscription.id,
      customerId: typeof subscription.customerId === 'string' ? subscription.customerId : undefined,
      status: subscription.status,
    });
  };
}
