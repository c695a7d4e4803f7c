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
  {
    // The shared counters of the rate limits and the login throttle (rate-limiter-flexible's
    // layout: points used in the window, the window's end in epoch ms), so that every replica
    // counts against one limit. Keys hold an email and an address: text, not varchar(255).
    name: '003_rate_limits',
    async up(knex) {
      await knex.raw('CREATE TABLE rate_limits (key text PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)');
      await knex.raw('CREATE INDEX rate_limits_expiry ON rate_limits (expire)');
    },
  },
];
