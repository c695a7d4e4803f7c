import type { Migration } from '@azotte/common';

/**
 * The sandbox provider's own record of its charges, keyed by idempotency key:
 * what a real provider keeps on its side, so that a repeated key returns the
 * first result (and charges nothing more) across restarts and replicas.
 */
export const sandboxCharges: Migration = {
  name: '002_billing_sandbox_charges',
  async up(knex) {
    await knex.schema.createTable('sandbox_charges', (t) => {
      t.text('idempotency_key').primary();
      t.text('token').notNullable();
      t.bigInteger('amount').notNullable();
      t.text('currency').notNullable();
      t.jsonb('result').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
  },
};
