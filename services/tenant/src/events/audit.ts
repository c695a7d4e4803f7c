import { isId, newId, parseRoutingKey, type BusEvent } from '@azotte/common';
import type { Knex } from 'knex';
import { insertAuditEntry } from '../store/audit-log';

const camelCase = (snake: string) => snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

const idOf = (value: unknown): string | undefined => {
  const id = (value as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
};

/**
 * The entry's id reuses the event id's time-sortable part, so the log sorts by
 * when things happened even when events arrive late (after a broker outage).
 */
const auditIdOf = (eventId: string) => (isId(eventId) ? `aud_${eventId.slice(eventId.indexOf('_') + 1)}` : newId('aud'));

/**
 * One audit entry per tenant event: who (the event's actor), did what (its
 * routing key), to which object (the payload's `<entity>.id`), and when.
 */
export async function recordAudit(trx: Knex.Transaction, event: BusEvent): Promise<void> {
  if (!event.tenantId) return; // platform-wide events belong to no tenant's log
  const { entity } = parseRoutingKey(event.type);
  await insertAuditEntry(trx, event.tenantId, {
    id: auditIdOf(event.id),
    environment_id: event.environmentId ?? null,
    event_id: event.id,
    actor_type: event.actor?.type ?? 'system',
    actor_id: event.actor?.id ?? 'system',
    action: event.type,
    object_type: entity,
    object_id: idOf(event.payload[camelCase(entity)]) ?? idOf(event.payload) ?? '',
    at: event.occurredAt,
  });
}
