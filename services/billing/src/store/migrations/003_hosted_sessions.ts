import type { Migration } from '@azotte/common';

/**
 * The sessions of the hosted pages: checkout sessions (a page selling one of a
 * storefront's prices) and customer-portal sessions (a customer's
 * self-service page). A page's secret is its only credential, so only its
 * SHA-256 is kept: unique, and the one column looked up across tenants.
 */
export const hostedSessions: Migration = {
  name: '003_billing_hosted_sessions',
  async up(knex) {
    await knex.schema.createTable('checkout_sessions', (t) => {
      t.text('id').primary();
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      // Kept so that the page's secret alone leads to a full scope.
      t.text('environment_kind').notNullable();
      t.text('secret_sha256').notNullable().unique({ indexName: 'checkout_sessions_secret' });
      // "open" in the table after expires_at has passed: the session is answered expired by time.
      t.text('status').notNullable();
      t.text('storefront_id').notNullable();
      t.specificType('price_ids', 'text[]').notNullable();
      // Named at creation, or found or created by the first attempt to complete it.
      t.text('customer_id');
      t.text('customer_email');
      t.bigInteger('quantity').notNullable();
      t.text('coupon_code');
      t.boolean('allow_coupons').notNullable();
      t.text('success_url').notNullable();
      t.text('cancel_url').notNullable();
      // The price chosen, set at completion.
      t.text('price_id');
      // Set in the transaction that creates the subscription, even when its first charge is declined.
      t.text('subscription_id');
      t.timestamp('expires_at', { useTz: true }).notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('completed_at', { useTz: true });
      t.timestamp('updated_at', { useTz: true }).notNullable();
      t.index(['tenant_id', 'environment_id', 'id'], 'checkout_sessions_scope_id');
    });
    await knex.raw(`ALTER TABLE checkout_sessions ADD CONSTRAINT checkout_sessions_status CHECK (status IN ('open','complete','expired'))`);

    await knex.schema.createTable('portal_sessions', (t) => {
      t.text('id').primary();
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      t.text('environment_kind').notNullable();
      t.text('secret_sha256').notNullable().unique({ indexName: 'portal_sessions_secret' });
      t.text('customer_id').notNullable();
      t.text('storefront_id');
      t.text('return_url').notNullable();
      // Real time, not the environment's: a credential's lifetime is not moved by a test clock.
      t.timestamp('expires_at', { useTz: true }).notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.index(['tenant_id', 'environment_id', 'customer_id'], 'portal_sessions_customer');
    });
  },
};
