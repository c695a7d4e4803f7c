import { OUTBOX_TABLE } from '@azotte/common';
import type { Knex } from 'knex';

type Json = Record<string, unknown>;

const objectAt = (payload: Json, key: string): Json | undefined => {
  const value = payload[key];
  return value !== null && typeof value === 'object' ? (value as Json) : undefined;
};

/**
 * An event payload of this service without the personal data it carried:
 * the customer's email, name, locale and metadata, a request's subject, a
 * message's body. What remains are ids, statuses and times.
 */
export function withoutPersonalData(payload: Json): Json {
  const copy: Json = { ...payload };
  const customer = objectAt(payload, 'customer');
  if (customer) {
    const { email: _email, name: _name, locale: _locale, metadata: _metadata, ...rest } = customer;
    copy.customer = rest;
  }
  const request = objectAt(payload, 'supportRequest');
  if (request) {
    const { subject: _subject, ...rest } = request;
    copy.supportRequest = { ...rest, ...(Array.isArray(request.messages) ? { messages: [] } : {}) };
  }
  const message = objectAt(payload, 'message');
  if (message) {
    const { body: _body, ...rest } = message;
    copy.message = rest;
  }
  return copy;
}

const OWNER = `coalesce(payload->'customer'->>'id', payload->'supportRequest'->>'customerId')`;

/**
 * Erasure reaches the outbox too: the service's own copies of the customer's
 * earlier events (kept a day after sending, or still waiting for the broker)
 * lose their personal data in the erasing transaction. Rows the relay is
 * sending right now are waited for (FOR UPDATE).
 */
export async function eraseFromOutbox(trx: Knex.Transaction, customerId: string): Promise<number> {
  const rows: Array<{ id: string; payload: Json }> = await trx(OUTBOX_TABLE)
    .whereRaw(`${OWNER} = ?`, [customerId])
    .forUpdate()
    .select('id', 'payload');
  for (const row of rows) {
    await trx(OUTBOX_TABLE)
      .where({ id: row.id })
      .update({ payload: JSON.stringify(withoutPersonalData(row.payload)) });
  }
  return rows.length;
}
