import type { Migration } from '@azotte/common';

/** Storefronts and payment-provider settings: both belong to one tenant and one environment. */
export const storefrontsAndProviders: Migration = {
  name: '002_storefronts_providers',
  async up(knex) {
    await knex.schema.createTable('storefronts', (t) => {
      t.text('id').primary();
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable().references('id').inTable('environments');
      t.text('name').notNullable();
      t.text('slug').notNullable();
      t.jsonb('branding').notNullable();
      t.jsonb('payment_methods').notNullable();
      t.jsonb('regional').notNullable();
      t.text('status').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable();
      t.index(['tenant_id', 'environment_id', 'id'], 'storefronts_scope_id');
    });
    // An archived storefront gives its slug back: only active ones must be unique.
    await knex.raw(
      `CREATE UNIQUE INDEX storefronts_slug_unique ON storefronts (tenant_id, environment_id, slug) WHERE status = 'active'`,
    );

    await knex.schema.createTable('payment_providers', (t) => {
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable().references('id').inTable('environments');
      t.text('provider').notNullable();
      t.boolean('enabled').notNullable();
      // AES-256-GCM, base64 of iv|tag|ciphertext (domain/secrets.ts); NULL when none were given.
      t.text('credentials_encrypted');
      // Non-secret facts shown to callers, e.g. a masked hint of the credentials.
      t.jsonb('details').notNullable().defaultTo('{}');
      t.timestamp('updated_at', { useTz: true }).notNullable();
      t.primary(['tenant_id', 'environment_id', 'provider']);
    });
  },
};
