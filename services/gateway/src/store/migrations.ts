import type { Migration } from '@azotte/common';

export const migrations: Migration[] = [
  {
    name: '001_idempotency_keys',
    async up(knex) {
      await knex.schema.createTable('idempotency_keys', (t) => {
        // "platform" for calls outside any tenant; "" when no environment applies.
        t.text('tenant_id').notNullable();
        t.text('environment_id').notNullable();
        t.text('key').notNullable();
        t.text('fingerprint').notNullable();
        t.text('state').notNullable(); // in_flight | done
        t.integer('status');
        t.text('body');
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('expires_at', { useTz: true }).notNullable();
        t.primary(['tenant_id', 'environment_id', 'key']);
      });
      await knex.raw('CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at)');
    },
  },
  {
    name: '002_revoked_tokens',
    async up(knex) {
      await knex.schema.createTable('revoked_tokens', (t) => {
        t.text('token_id').primary();
        t.timestamp('expires_at', { useTz: true }).notNullable();
      });
      await knex.raw('CREATE INDEX revoked_tokens_expiry ON revoked_tokens (expires_at)');
    },
  },
];
