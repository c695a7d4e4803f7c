import type { Migration } from '@azotte/common';

/**
 * Tenants, their environments, users and API keys. Emails are unique across
 * the whole platform because login is by email alone; they are stored
 * lower-cased so the unique index compares them the way people do.
 */
export const init: Migration = {
  name: '001_init',
  async up(knex) {
    await knex.schema.createTable('tenants', (t) => {
      t.text('id').primary();
      t.text('name').notNullable();
      t.text('slug').notNullable().unique({ indexName: 'tenants_slug_unique' });
      t.text('reporting_currency').notNullable();
      t.jsonb('fx_rates').notNullable().defaultTo('{}');
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable();
    });

    await knex.schema.createTable('environments', (t) => {
      t.text('id').primary();
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.text('name').notNullable();
      t.text('kind').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.unique(['tenant_id', 'name'], { indexName: 'environments_tenant_name_unique' });
    });
    await knex.raw(`ALTER TABLE environments ADD CONSTRAINT environments_kind CHECK (kind IN ('production', 'sandbox'))`);

    await knex.schema.createTable('users', (t) => {
      t.text('id').primary();
      // NULL only for the platform administrator, who belongs to no tenant.
      t.text('tenant_id').references('id').inTable('tenants');
      t.text('email').notNullable().unique({ indexName: 'users_email_unique' });
      t.text('name').notNullable().defaultTo('');
      t.text('role').notNullable();
      t.text('password_hash').notNullable();
      t.boolean('disabled').notNullable().defaultTo(false);
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable();
      t.index(['tenant_id', 'id'], 'users_tenant_id');
    });
    await knex.raw(`ALTER TABLE users ADD CONSTRAINT users_email_lower CHECK (email = lower(email))`);
    await knex.raw(
      `ALTER TABLE users ADD CONSTRAINT users_platform_admin CHECK ((role = 'platform_admin') = (tenant_id IS NULL))`,
    );

    await knex.schema.createTable('api_keys', (t) => {
      t.text('id').primary();
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.text('environment_id').notNullable().references('id').inTable('environments');
      t.text('name').notNullable();
      t.text('role').notNullable();
      // sha256 of the key, hex: the key itself is never stored.
      t.text('key_hash').notNullable().unique({ indexName: 'api_keys_key_hash_unique' });
      t.text('hint').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('revoked_at', { useTz: true });
      t.timestamp('last_used_at', { useTz: true });
      t.index(['tenant_id', 'id'], 'api_keys_tenant_id');
    });
  },
};
