import type { Knex } from 'knex';
import type { StoredEvent } from '../events/stored-event';
import { fromDecimal, toDecimal } from '../domain/exact';
import { classify } from '../domain/movements';
import { ACTIVE_STATUSES, monthlyRecurring, type Snapshot } from '../domain/mrr';
import { customerEvents } from '../store/events';

interface CustomerState {
  tenant_id: string;
  environment_id: string;
  customer_id: string;
  contributing: number;
  active: number;
  ever_contributed: boolean;
  last_at: Date | null;
  last_event_id: string | null;
}

interface SubscriptionState {
  status: string;
  currency: string;
  mrr: string;
  ever_paid: boolean;
}

/** Orders events of one customer: business time, then id (ids are time-sortable). */
function isBefore(event: StoredEvent, state: CustomerState): boolean {
  if (!state.last_at || !state.last_event_id) return false;
  const at = Date.parse(event.occurredAt);
  const last = new Date(state.last_at).getTime();
  return at < last || (at === last && event.id < state.last_event_id);
}

/**
 * Applies a subscription event. A customer's events are applied one at a time
 * (its state row is locked) and in order: one that arrives after a later one
 * was applied makes the customer's facts be derived again from its kept
 * events, so the figures never depend on the order of arrival.
 */
export async function applySubscriptionEvent(trx: Knex, event: StoredEvent): Promise<void> {
  const snapshot = event.payload.subscription as Snapshot | undefined;
  if (!snapshot?.id || !snapshot.customerId || !event.environmentId) return;
  const key = { tenant_id: event.tenantId, environment_id: event.environmentId, customer_id: snapshot.customerId };
  // One statement creates the customer's row if needed and locks it (a conflicting upsert locks like FOR UPDATE).
  const [customer] = (await trx('customer_states')
    .insert(key)
    .onConflict(['tenant_id', 'environment_id', 'customer_id'])
    .merge(['customer_id'])
    .returning('*')) as CustomerState[];
  if (isBefore(event, customer)) return replayCustomer(trx, customer);
  await project(trx, customer, event, snapshot);
}

/** Derives a customer's facts again from its kept events, in order. */
export async function replayCustomer(trx: Knex, customer: CustomerState): Promise<void> {
  const key = { tenant_id: customer.tenant_id, environment_id: customer.environment_id, customer_id: customer.customer_id };
  // Deleting the facts takes them out of the daily rollups (triggers).
  await trx('mrr_movements').where(key).delete();
  await trx('subscription_changes').where(key).delete();
  await trx('subscription_states').where(key).delete();
  const fresh: CustomerState = { ...customer, contributing: 0, active: 0, ever_contributed: false, last_at: null, last_event_id: null };
  for (const event of await customerEvents(trx, customer.tenant_id, customer.environment_id, customer.customer_id)) {
    const snapshot = event.payload.subscription as Snapshot | undefined;
    if (snapshot?.id) await project(trx, fresh, event, snapshot);
  }
}

/** One event's effect, given the customer's state before it (updated in place). */
async function project(trx: Knex, customer: CustomerState, event: StoredEvent, snapshot: Snapshot): Promise<void> {
  const scope = { tenant_id: customer.tenant_id, environment_id: customer.environment_id };
  const previous: SubscriptionState | undefined = await trx('subscription_states')
    .where({ ...scope, subscription_id: snapshot.id })
    .first('status', 'currency', 'mrr', 'ever_paid');
  const mrr = monthlyRecurring(snapshot);
  const { movements, contributing } = classify(
    { contributing: customer.contributing, everContributed: customer.ever_contributed },
    previous && { mrr: fromDecimal(previous.mrr), currency: previous.currency },
    { mrr, currency: snapshot.currency },
  );
  const at = event.occurredAt;
  const wasActive = previous !== undefined && ACTIVE_STATUSES.has(previous.status);
  const isActive = ACTIVE_STATUSES.has(snapshot.status);
  const activeDelta = Number(isActive) - Number(wasActive);
  const trialingDelta = Number(snapshot.status === 'trialing') - Number(previous?.status === 'trialing');
  // Paid once it is active: past_due alone may be a trial whose first charge failed (never paid).
  const everPaid = (previous?.ever_paid ?? false) || snapshot.status === 'active';
  // Churn (API.md): a subscription that had been paid, canceled.
  const churned = Number(snapshot.status === 'canceled' && previous !== undefined && previous.status !== 'canceled' && previous.ever_paid);
  const active = customer.active + activeDelta;
  const customersDelta = Number(active > 0) - Number(customer.active > 0);
  await trx('subscription_states')
    .insert({
      ...scope,
      subscription_id: snapshot.id,
      customer_id: customer.customer_id,
      status: snapshot.status,
      currency: snapshot.currency,
      mrr: toDecimal(mrr),
      ever_paid: everPaid,
      campaign_id: snapshot.campaignId || null,
      variant: snapshot.variant || null,
    })
    .onConflict(['tenant_id', 'environment_id', 'subscription_id'])
    .merge();

  Object.assign(customer, {
    contributing,
    active,
    ever_contributed: customer.ever_contributed || contributing > 0,
    last_at: new Date(at),
    last_event_id: event.id,
  });
  await trx('customer_states')
    .where({ ...scope, customer_id: customer.customer_id })
    .update({
      contributing,
      active,
      ever_contributed: customer.ever_contributed,
      last_at: customer.last_at,
      last_event_id: event.id,
    });

  // The facts last: their rollup rows are shared by every event of the hour and day, so they stay
  // locked for as little of the transaction as possible.
  if (movements.length > 0) {
    await trx('mrr_movements').insert(
      movements.map((m) => ({
        ...scope,
        event_id: event.id,
        currency: m.currency,
        customer_id: customer.customer_id,
        subscription_id: snapshot.id,
        at,
        kind: m.kind,
        amount: toDecimal(m.amount),
        delta: toDecimal(m.delta),
      })),
    );
  }

  if (activeDelta || trialingDelta || churned || customersDelta) {
    await trx('subscription_changes').insert({
      ...scope,
      event_id: event.id,
      customer_id: customer.customer_id,
      at,
      active_delta: activeDelta,
      trialing_delta: trialingDelta,
      churned,
      customers_delta: customersDelta,
    });
  }
}
