import type { Migration } from '@azotte/common';

/** Bundles and their prices: both belong to one tenant and one environment. */
export const init: Migration = {
  name: '001_bundles_prices',
  async up(knex) {
    await knex.schema.createTable('bundles', (t) => {
      t.text('id').primary();
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      t.text('name').notNullable();
      t.text('description');
      // [{ key, value }] in the order given; value is a boolean, a number or a string.
      t.jsonb('entitlements').notNullable().defaultTo('[]');
      t.text('status').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable();
      t.timestamp('archived_at', { useTz: true });
      t.index(['tenant_id', 'environment_id', 'id'], 'bundles_scope_id');
      t.index(['tenant_id', 'environment_id', 'status', 'id'], 'bundles_scope_status_id');
    });
    await knex.raw(`ALTER TABLE bundles ADD CONSTRAINT bundles_status CHECK (status IN ('draft', 'active', 'archived'))`);

    // A price never changes after it is written, but for its status (and when it was archived).
    await knex.schema.createTable('prices', (t) => {
      t.text('id').primary();
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      t.text('bundle_id').notNullable().references('id').inTable('bundles');
      t.text('currency').notNullable();
      t.text('strategy').notNullable();
      // Minor units. flat: per period; per_unit: per unit (else unit_amount_decimal); tiered: NULL.
      t.bigInteger('amount');
      t.text('unit_amount_decimal');
      t.text('tiers_mode');
      // [{ upTo, unitAmount?, unitAmountDecimal?, flatAmount? }] for tiered prices, NULL otherwise.
      t.jsonb('tiers');
      t.text('interval').notNullable();
      t.integer('interval_count').notNullable();
      t.bigInteger('setup_fee');
      t.integer('trial_days').notNullable();
      t.jsonb('storefront_ids').notNullable().defaultTo('[]');
      t.jsonb('countries').notNullable().defaultTo('[]');
      t.text('status').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('archived_at', { useTz: true });
      t.index(['tenant_id', 'environment_id', 'id'], 'prices_scope_id');
      t.index(['tenant_id', 'environment_id', 'bundle_id', 'id'], 'prices_scope_bundle_id');
    });
    await knex.raw(`ALTER TABLE prices ADD CONSTRAINT prices_status CHECK (status IN ('active', 'archived'))`);
    await knex.raw(`ALTER TABLE prices ADD CONSTRAINT prices_strategy CHECK (strategy IN ('flat', 'per_unit', 'tiered'))`);
  },
};
