import type { Scope } from '@azotte/common';
import type { Knex } from 'knex';
import { events, type EventRow } from '../store/tables';

/**
 * An erased customer's personal data leaves the public events kept for 30
 * days (customer.proto: a consumer that keeps personal data drops it on
 * customer.customer.erased.v1): its customer events carry the erased customer
 * instead, and checkout sessions lose their `customerEmail`.
 */
export async function eraseCustomerData(trx: Knex.Transaction, scope: Scope, erased: Record<string, unknown> & { id: string }): Promise<number> {
  const rows = (await events.in(trx, scope).where({ customer_id: erased.id }).forUpdate().select('id', 'type', 'body')) as Pick<EventRow, 'id' | 'type' | 'body'>[];
  let changed = 0;
  for (const row of rows) {
    const body = JSON.parse(row.body) as { data: { object: Record<string, unknown> } };
    if (row.type.startsWith('customer.')) body.data.object = erased;
    else if (typeof body.data.object.customerEmail === 'string') body.data.object.customerEmail = null;
    else continue;
    await events.in(trx, scope).where({ id: row.id }).update({ body: JSON.stringify(body) });
    changed += 1;
  }
  return changed;
}
