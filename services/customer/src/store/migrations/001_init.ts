import type { Migration } from '@azotte/common';

/**
 * Customers, their search terms, support requests and their messages. Every
 * table carries tenant_id and environment_id, and every index starts with
 * them: a query of one scope never reads another's rows.
 */
export const init: Migration = {
  name: '001_init',
  async up(knex) {
    await knex.schema.createTable('customers', (t) => {
      t.text('id').primary();
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      // Personal data: NULL once erased (metadata becomes '{}').
      t.text('email');
      t.text('name');
      t.text('locale');
      t.jsonb('metadata').notNullable().defaultTo('{}');
      t.text('country');
      t.text('storefront_id');
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable();
      t.timestamp('erased_at', { useTz: true });
      t.index(['tenant_id', 'environment_id', 'id'], 'customers_scope_id');
    });
    // Lower-cased by the service; an erased customer gives its email back.
    await knex.raw(
      `CREATE UNIQUE INDEX customers_email_unique ON customers (tenant_id, environment_id, email) WHERE erased_at IS NULL`,
    );

    // The prefix search (domain/search.ts): a few folded terms per customer that is not erased.
    await knex.schema.createTable('customer_search_terms', (t) => {
      t.text('customer_id').notNullable().references('id').inTable('customers').onDelete('CASCADE');
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      t.text('term').notNullable();
      t.primary(['customer_id', 'term']);
    });
    // text_pattern_ops lets `term LIKE 'ann%'` use the index whatever the database's collation.
    await knex.raw(
      `CREATE INDEX customer_search_terms_prefix ON customer_search_terms (tenant_id, environment_id, term text_pattern_ops)`,
    );

    await knex.schema.createTable('support_requests', (t) => {
      t.text('id').primary();
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      t.text('customer_id').notNullable().references('id').inTable('customers');
      // Personal data: NULL once the customer is erased.
      t.text('subject');
      t.text('status').notNullable();
      t.text('priority').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable();
      t.index(['tenant_id', 'environment_id', 'customer_id', 'id'], 'support_requests_scope_customer');
    });

    await knex.schema.createTable('support_messages', (t) => {
      t.text('id').primary();
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      t.text('support_request_id').notNullable().references('id').inTable('support_requests');
      // Personal data: NULL once the customer is erased.
      t.text('body');
      t.text('author_type').notNullable();
      t.text('author_id').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.index(['tenant_id', 'environment_id', 'support_request_id', 'id'], 'support_messages_scope_request');
    });

    // Erasure also wipes the personal data in the outbox's copies of earlier events
    // (store/outbox-erasure.ts); this finds them without reading the whole outbox.
    await knex.raw(
      `CREATE INDEX outbox_customer_id ON outbox ((coalesce(payload->'customer'->>'id', payload->'supportRequest'->>'customerId')))`,
    );
  },
};
