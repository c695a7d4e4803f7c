import type { Migration } from '../db/database';

export const INBOX_TABLE = 'inbox';

/** Event ids a consumer has already applied: the inbox makes redelivery a no-op. */
export const inboxMigration: Migration = {
  name: '000_common_inbox',
  async up(knex) {
    await knex.schema.createTable(INBOX_TABLE, (t) => {
      t.text('event_id').primary();
      t.text('routing_key').notNullable();
      t.timestamp('received_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
  },
};
