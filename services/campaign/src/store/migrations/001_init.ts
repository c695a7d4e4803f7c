import type { Migration } from '@azotte/common';

/**
 * Campaigns, their codes, A/B assignments, redemptions, and the local copy of
 * which customers have subscriptions (fed by billing's events). Every table
 * carries tenant_id and environment_id, and every lookup index starts with
 * them: a query of one scope never reads another's rows.
 */
export const init: Migration = {
  name: '001_init',
  async up(knex) {
    await knex.schema.createTable('campaigns', (t) => {
      t.text('id').primary();
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      t.text('name').notNullable();
      t.text('status').notNullable();
      t.timestamp('starts_at', { useTz: true });
      t.timestamp('ends_at', { useTz: true });
      t.jsonb('offer').notNullable();
      t.jsonb('targeting');
      t.jsonb('variants').notNullable().defaultTo('[]');
      // True when the campaign has codes: it then applies only to whoever presents one.
      t.boolean('has_codes').notNullable().defaultTo(false);
      t.integer('max_redemptions');
      // Reserved + confirmed redemptions; kept under the campaign row's lock (domain/redeem.ts).
      t.integer('redemptions').notNullable().defaultTo(0);
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable();
      t.index(['tenant_id', 'environment_id', 'id'], 'campaigns_scope_id');
      t.index(['tenant_id', 'environment_id', 'status', 'id'], 'campaigns_scope_status');
    });

    await knex.schema.createTable('campaign_codes', (t) => {
      t.text('campaign_id').notNullable().references('id').inTable('campaigns').onDelete('CASCADE');
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      // Upper case: what matching and uniqueness use.
      t.text('code').notNullable();
      // As created, for display.
      t.text('display_code').notNullable();
      t.integer('max_redemptions');
      t.integer('redemptions').notNullable().defaultTo(0);
      t.integer('position').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.primary(['campaign_id', 'code']);
    });
    // A code is unique in its environment, across every campaign.
    await knex.raw('CREATE UNIQUE INDEX campaign_codes_code_unique ON campaign_codes (tenant_id, environment_id, code)');

    await knex.schema.createTable('variant_assignments', (t) => {
      t.text('campaign_id').notNullable().references('id').inTable('campaigns').onDelete('CASCADE');
      t.text('customer_id').notNullable();
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      t.text('variant').notNullable();
      t.timestamp('assigned_at', { useTz: true }).notNullable();
      // One assignment per campaign and customer, for ever.
      t.primary(['campaign_id', 'customer_id']);
    });

    await knex.schema.createTable('redemptions', (t) => {
      t.text('id').primary();
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      t.text('campaign_id').notNullable().references('id').inTable('campaigns');
      t.text('code');
      t.text('customer_id').notNullable();
      t.text('subscription_id').notNullable();
      t.text('variant');
      t.jsonb('offer').notNullable();
      t.text('status').notNullable();
      t.text('idempotency_key').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable();
      t.index(['tenant_id', 'environment_id', 'subscription_id'], 'redemptions_scope_subscription');
      t.index(['tenant_id', 'environment_id', 'customer_id'], 'redemptions_scope_customer');
    });
    // A replayed Redeem finds its redemption; two at once cannot both insert.
    await knex.raw(
      'CREATE UNIQUE INDEX redemptions_idempotency_key_unique ON redemptions (tenant_id, environment_id, idempotency_key)',
    );

    // The subscriptions billing told us about, for `newCustomer`: one row each, latest status.
    await knex.schema.createTable('customer_subscriptions', (t) => {
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      t.text('subscription_id').notNullable();
      t.text('customer_id').notNullable();
      t.text('status').notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'environment_id', 'subscription_id']);
      t.index(['tenant_id', 'environment_id', 'customer_id'], 'customer_subscriptions_scope_customer');
    });
  },
};
