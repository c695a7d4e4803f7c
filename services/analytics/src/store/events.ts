import type { Knex } from 'knex';
import type { StoredEvent } from '../events/stored-event';

export interface EventRow {
  id: string;
  type: string;
  tenant_id: string;
  environment_id: string;
  customer_id: string | null;
  occurred_at: Date;
  payload: Record<string, any>;
}

export const fromRow = (row: EventRow): StoredEvent => ({
  id: row.id,
  type: row.type,
  tenantId: row.tenant_id,
  environmentId: row.environment_id,
  customerId: row.customer_id,
  occurredAt: new Date(row.occurred_at).toISOString(),
  payload: row.payload,
});

/** Keeps the event for rebuilds; a second copy of the same id is ignored. */
export async function keepEvent(trx: Knex, event: StoredEvent): Promise<void> {
  await trx('events')
    .insert({
      id: event.id,
      type: event.type,
      tenant_id: event.tenantId,
      environment_id: event.environmentId,
      customer_id: event.customerId,
      occurred_at: event.occurredAt,
      payload: JSON.stringify(event.payload),
    })
    .onConflict('id')
    .ignore();
}

/** A customer's subscription events in the order they are applied: business time, then id. */
export async function customerEvents(trx: Knex, tenantId: string, environmentId: string, customerId: string): Promise<StoredEvent[]> {
  const rows: EventRow[] = await trx('events')
    .where({ tenant_id: tenantId, environment_id: environmentId, customer_id: customerId })
    .orderBy([{ column: 'occurred_at' }, { column: 'id' }]);
  return rows.map(fromRow);
}
