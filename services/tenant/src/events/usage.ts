import type { BusEvent } from '@azotte/common';
import type { Knex } from 'knex';
import {
  CUSTOMER_CREATED,
  CUSTOMER_REMOVED,
  isActiveSubscription,
  monthOf,
  SUBSCRIPTION_CHANGED,
} from '../domain/usage-rules';
import { addCounters, addCustomer, moveGauges, removeCustomer, swapSubscriptionStatus } from '../store/usage';

const objectOf = (payload: Record<string, unknown>, key: string): Record<string, unknown> | undefined => {
  const value = payload[key];
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
};

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Usage from the bus: every tenant event counts in the month it happened, and
 * customer and subscription events move the gauges from that month on.
 */
export async function recordUsage(trx: Knex.Transaction, event: BusEvent): Promise<void> {
  const tenantId = event.tenantId;
  if (!tenantId) return;
  const month = monthOf(event.occurredAt);
  await addCounters(trx, tenantId, month, { events: 1 });

  if (event.type === CUSTOMER_CREATED || CUSTOMER_REMOVED.has(event.type)) {
    const created = event.type === CUSTOMER_CREATED;
    const customerId = text(objectOf(event.payload, 'customer')?.id) ?? text(event.payload.id);
    // Tracking ids makes a repeated creation or a removal reported twice (erased, then deleted) count once.
    let counts = true;
    if (customerId) {
      counts = created ? await addCustomer(trx, tenantId, customerId) : await removeCustomer(trx, tenantId, customerId);
    }
    if (counts) await moveGauges(trx, tenantId, month, { customers: created ? 1 : -1 });
    return;
  }

  if (SUBSCRIPTION_CHANGED.test(event.type)) {
    const subscription = objectOf(event.payload, 'subscription');
    const id = text(subscription?.id);
    const status = text(subscription?.status);
    if (!id || !status) return;
    const previous = await swapSubscriptionStatus(trx, tenantId, id, status);
    const delta = Number(isActiveSubscription(status)) - Number(isActiveSubscription(previous));
    await moveGauges(trx, tenantId, month, { activeSubscriptions: delta });
  }
}
