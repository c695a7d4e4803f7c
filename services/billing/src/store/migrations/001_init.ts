import type { Migration } from '@azotte/common';
import type { Knex } from 'knex';

const scoped = (t: Knex.CreateTableBuilder) => {
  t.text('tenant_id').notNullable();
  t.text('environment_id').notNullable();
};

/** Payment methods (tokens only), subscriptions, invoices, payments and refunds. */
export const init: Migration = {
  name: '001_billing',
  async up(knex) {
    // The provider's token with brand, last4 and expiry: never a card number.
    await knex.schema.createTable('payment_methods', (t) => {
      t.text('id').primary();
      scoped(t);
      t.text('customer_id').notNullable();
      t.text('type').notNullable();
      t.text('provider').notNullable();
      t.text('token').notNullable();
      t.text('brand').notNullable();
      t.text('last4').notNullable();
      t.integer('exp_month').notNullable();
      t.integer('exp_year').notNullable();
      t.boolean('is_default').notNullable().defaultTo(false);
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.index(['tenant_id', 'environment_id', 'customer_id'], 'payment_methods_customer');
    });
    await knex.raw(
      `CREATE UNIQUE INDEX payment_methods_one_default ON payment_methods (tenant_id, environment_id, customer_id) WHERE is_default`,
    );

    await knex.schema.createTable('subscriptions', (t) => {
      t.text('id').primary();
      scoped(t);
      t.text('environment_kind').notNullable();
      t.text('customer_id').notNullable();
      t.text('price_id').notNullable();
      t.text('bundle_id').notNullable();
      t.text('status').notNullable();
      t.bigInteger('quantity').notNullable();
      t.bigInteger('amount').notNullable(); // one period at the quantity, before discount and tax
      t.bigInteger('setup_fee').notNullable().defaultTo(0);
      t.text('currency').notNullable();
      t.text('interval').notNullable();
      t.integer('interval_count').notNullable();
      t.text('storefront_id');
      t.text('payment_method_id');
      // Tax as the storefront set it when the subscription started.
      t.text('tax_behavior');
      t.text('tax_rate_percent');
      // Periods are counted from the anchor so that a day of month lost in February comes back.
      t.timestamp('billing_anchor', { useTz: true }).notNullable();
      t.integer('cycle').notNullable().defaultTo(0);
      t.timestamp('current_period_start', { useTz: true }).notNullable();
      t.timestamp('current_period_end', { useTz: true }).notNullable();
      t.timestamp('trial_end', { useTz: true });
      t.boolean('cancel_at_period_end').notNullable().defaultTo(false);
      t.timestamp('canceled_at', { useTz: true });
      t.timestamp('ended_at', { useTz: true });
      t.jsonb('discount');
      t.bigInteger('credit_balance').notNullable().defaultTo(0);
      t.text('latest_invoice_id');
      // Dunning: the first failure of the open invoice, and the retries done since.
      t.timestamp('first_failed_at', { useTz: true });
      t.integer('retry_count').notNullable().defaultTo(0);
      // When the scheduler must look at it next (period end, retry, expiry); null when never.
      t.timestamp('next_action_at', { useTz: true });
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable();
      t.index(['tenant_id', 'environment_id', 'customer_id', 'status'], 'subscriptions_customer');
      t.index(['tenant_id', 'environment_id', 'id'], 'subscriptions_scope_id');
    });
    await knex.raw(`CREATE INDEX subscriptions_due ON subscriptions (next_action_at) WHERE next_action_at IS NOT NULL`);
    await knex.raw(
      `ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_status CHECK (status IN ('trialing','active','incomplete','incomplete_expired','past_due','canceled'))`,
    );

    await knex.schema.createTable('invoices', (t) => {
      t.text('id').primary();
      scoped(t);
      t.text('customer_id').notNullable();
      t.text('subscription_id').notNullable();
      t.text('status').notNullable();
      t.text('currency').notNullable();
      t.text('billing_reason').notNullable();
      t.jsonb('lines').notNullable();
      t.bigInteger('subtotal').notNullable();
      t.bigInteger('discount').notNullable();
      t.bigInteger('tax').notNullable();
      t.bigInteger('total').notNullable();
      t.text('tax_behavior');
      t.bigInteger('amount_paid').notNullable().defaultTo(0);
      t.bigInteger('amount_refunded').notNullable().defaultTo(0);
      t.integer('attempts').notNullable().defaultTo(0);
      // The period the invoice bills: unique per subscription, so a period is never billed twice.
      t.timestamp('period_start', { useTz: true });
      t.timestamp('due_at', { useTz: true });
      t.timestamp('paid_at', { useTz: true });
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.index(['tenant_id', 'environment_id', 'customer_id'], 'invoices_customer');
      t.index(['tenant_id', 'environment_id', 'subscription_id'], 'invoices_subscription');
    });
    await knex.raw(
      `CREATE UNIQUE INDEX invoices_one_per_period ON invoices (subscription_id, period_start) WHERE billing_reason IN ('subscription_create','subscription_cycle')`,
    );

    await knex.schema.createTable('payments', (t) => {
      t.text('id').primary();
      scoped(t);
      t.text('invoice_id').notNullable();
      t.text('customer_id').notNullable();
      t.text('subscription_id').notNullable();
      t.text('payment_method_id');
      t.text('provider').notNullable();
      t.text('provider_charge_id');
      t.integer('attempt').notNullable();
      t.bigInteger('amount').notNullable();
      t.text('currency').notNullable();
      t.text('status').notNullable();
      t.text('failure_code');
      t.bigInteger('amount_refunded').notNullable().defaultTo(0);
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.unique(['invoice_id', 'attempt'], { indexName: 'payments_invoice_attempt' });
      t.index(['tenant_id', 'environment_id', 'customer_id'], 'payments_customer');
    });

    await knex.schema.createTable('refunds', (t) => {
      t.text('id').primary();
      scoped(t);
      t.text('payment_id').notNullable();
      t.bigInteger('amount').notNullable();
      t.text('currency').notNullable();
      t.text('reason');
      t.text('status').notNullable();
      t.text('failure_code');
      t.text('provider_refund_id');
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.index(['payment_id'], 'refunds_payment');
    });
  },
};
