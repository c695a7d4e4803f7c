import type { Knex } from 'knex';
import { currentContext, type Scope } from '../context/scope';
import type { Db } from '../db/scoped';
import type { Migration } from '../db/database';
import { newId } from '../ids/ids';
import { traceHeaders } from '../telemetry/propagation';
import { HEADERS, ROUTING_KEY } from './event';

export const OUTBOX_TABLE = 'outbox';

/** The NOTIFY channel the relay listens on; one per schema. */
export const outboxChannel = (schema: string) => `${schema}_outbox`;

export const outboxMigration: Migration = {
  name: '000_common_outbox',
  async up(knex) {
    await knex.schema.createTable(OUTBOX_TABLE, (t) => {
      t.text('id').primary();
      t.text('routing_key').notNullable();
      t.text('tenant_id');
      t.text('environment_id');
      t.jsonb('headers').notNullable().defaultTo('{}');
      t.jsonb('payload').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('sent_at', { useTz: true });
      // A row the broker returned as unroutable waits until then before it is tried again.
      t.integer('attempts').notNullable().defaultTo(0);
      t.timestamp('next_attempt_at', { useTz: true });
    });
    await knex.raw(`CREATE INDEX outbox_unsent ON ${OUTBOX_TABLE} (created_at, id) WHERE sent_at IS NULL`);
    // Wakes the relay when the writing transaction commits (NOTIFY is transactional).
    await knex.raw(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify(current_schema() || '_outbox', '');
        RETURN NULL;
      END $$`);
    await knex.raw(
      `CREATE TRIGGER outbox_notify AFTER INSERT ON ${OUTBOX_TABLE} FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`,
    );
  },
};

export interface NewEvent {
  /** The routing key, e.g. `tenant.user.created.v1`. */
  type: string;
  /** The JSON form of the event's proto message. */
  payload: unknown;
  /** The scope the event belongs to; defaults to the current call's. */
  scope?: Partial<Scope> & { tenantId?: string };
}

/**
 * Writes an event to the outbox inside the caller's transaction, so it is
 * published if and only if the change it describes commits. The row keeps the
 * actor and the trace context of the current call, so the relay publishes it
 * in the trace of the request that wrote it.
 */
export async function enqueueEvent(trx: Db, event: NewEvent): Promise<string> {
  const row = outboxRowOf(event);
  await (trx as Knex)(OUTBOX_TABLE).insert(row);
  return row.id;
}

/**
 * Writes several events with one multi-row INSERT (a batch of scheduled
 * renewals): each row is what `enqueueEvent` would have written, in order.
 */
export async function enqueueEvents(trx: Db, events: NewEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = events.map(outboxRowOf);
  await (trx as Knex)(OUTBOX_TABLE).insert(rows);
  return rows.map((r) => r.id);
}

function outboxRowOf(event: NewEvent) {
  if (!ROUTING_KEY.test(event.type)) throw new Error(`Not a routing key: ${event.type}`);
  const ctx = currentContext();
  const tenantId = event.scope?.tenantId ?? ctx?.scope?.tenantId ?? ctx?.tenantId;
  const environmentId = event.scope?.environmentId ?? ctx?.scope?.environmentId;
  const environmentKind = event.scope?.environmentKind ?? ctx?.scope?.environmentKind;
  const headers: Record<string, string> = { ...traceHeaders() };
  if (environmentKind) headers[HEADERS.environmentKind] = environmentKind;
  if (ctx) {
    headers[HEADERS.actorType] = ctx.actor.type;
    headers[HEADERS.actorId] = ctx.actor.id;
  }
  return {
    id: newId('evt'),
    routing_key: event.type,
    tenant_id: tenantId ?? null,
    environment_id: environmentId ?? null,
    headers,
    payload: JSON.stringify(event.payload),
  };
}
