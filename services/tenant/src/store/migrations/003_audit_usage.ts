import type { Migration } from '@azotte/common';

/** Read models built from the bus: the audit log and the usage figures. */
export const auditAndUsage: Migration = {
  name: '003_audit_usage',
  async up(knex) {
    await knex.schema.createTable('audit_log', (t) => {
      t.text('id').primary();
      t.text('tenant_id').notNullable();
      t.text('environment_id');
      t.text('event_id').notNullable().unique({ indexName: 'audit_log_event_unique' });
      t.text('actor_type').notNullable();
      t.text('actor_id').notNullable();
      t.text('action').notNullable();
      t.text('object_type').notNullable();
      t.text('object_id').notNullable();
      t.timestamp('at', { useTz: true }).notNullable();
      t.index(['tenant_id', 'id'], 'audit_log_tenant_id');
    });

    // Counters: what happened within a month.
    await knex.schema.createTable('usage_counters', (t) => {
      t.text('tenant_id').notNullable();
      t.text('month').notNullable(); // YYYY-MM, UTC
      t.bigInteger('api_calls').notNullable().defaultTo(0);
      t.bigInteger('events').notNullable().defaultTo(0);
      t.primary(['tenant_id', 'month']);
    });

    // Gauges: a snapshot per month in which they changed; a month without a row has the
    // value of the latest earlier one.
    await knex.schema.createTable('usage_gauges', (t) => {
      t.text('tenant_id').notNullable();
      t.text('month').notNullable();
      t.bigInteger('customers').notNullable().defaultTo(0);
      t.bigInteger('active_subscriptions').notNullable().defaultTo(0);
      t.primary(['tenant_id', 'month']);
    });

    // What the gauges were computed from, so a repeated or reordered event cannot count twice.
    await knex.schema.createTable('usage_subscriptions', (t) => {
      t.text('tenant_id').notNullable();
      t.text('subscription_id').notNullable();
      t.text('status').notNullable();
      t.primary(['tenant_id', 'subscription_id']);
    });
    await knex.schema.createTable('usage_customers', (t) => {
      t.text('tenant_id').notNullable();
      t.text('customer_id').notNullable();
      t.boolean('removed').notNullable().defaultTo(false);
      t.primary(['tenant_id', 'customer_id']);
    });
  },
};
