import type { Migration } from '@azotte/common';

/** The NOTIFY channel that wakes the delivery workers of every replica when deliveries are due at once. */
export const deliveriesChannel = (schema: string) => `${schema}_deliveries`;

/**
 * Endpoints, public events, their deliveries and attempts; the local copies
 * this service keeps from the bus (environment names, trialing subscriptions'
 * trial ends, the last public object of each resource). Every table carries
 * tenant_id and environment_id, and every lookup index starts with them.
 */
export const init: Migration = {
  name: '001_init',
  async up(knex) {
    await knex.schema.createTable('endpoints', (t) => {
      t.text('id').primary();
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      t.text('url').notNullable();
      t.text('description');
      t.specificType('enabled_events', 'text[]').notNullable();
      t.text('status').notNullable();
      t.text('disabled_reason');
      t.timestamp('disabled_at', { useTz: true });
      // Sealed by the SecretBox, bound to the endpoint's id; never returned after creation or rotation.
      t.text('secret_sealed').notNullable();
      // The secret rotated out, still signing until previous_secret_expires_at (24 hours).
      t.text('previous_secret_sealed');
      t.timestamp('previous_secret_expires_at', { useTz: true });
      // Since when every attempt has failed; NULL after a success. 5 days of it disables the endpoint.
      t.timestamp('failing_since', { useTz: true });
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable();
      t.index(['tenant_id', 'environment_id', 'id'], 'endpoints_scope_id');
    });

    await knex.schema.createTable('events', (t) => {
      t.text('id').primary();
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      t.text('type').notNullable();
      // The bus event it was built from (none for ping and trial reminders).
      t.text('source_event_id');
      // The resource's id, and its customer's: an erasure wipes the personal data of its events.
      t.text('object_id');
      t.text('customer_id');
      // The environment's time of the change (the body's createdAt).
      t.timestamp('created_at', { useTz: true }).notNullable();
      // Real time of recording: the 30-day retention counts from it.
      t.timestamp('recorded_at', { useTz: true }).notNullable();
      // The JSON exactly as delivered.
      t.text('body').notNullable();
      t.index(['tenant_id', 'environment_id', 'id'], 'events_scope_id');
      t.index(['tenant_id', 'environment_id', 'type', 'id'], 'events_scope_type_id');
      t.index(['tenant_id', 'environment_id', 'customer_id'], 'events_scope_customer');
      t.index(['recorded_at'], 'events_recorded_at');
    });

    await knex.schema.createTable('deliveries', (t) => {
      t.text('id').primary();
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      t.text('endpoint_id').notNullable().references('id').inTable('endpoints').onDelete('CASCADE');
      t.text('event_id').notNullable().references('id').inTable('events').onDelete('CASCADE');
      t.text('event_type').notNullable();
      t.text('status').notNullable();
      t.integer('attempt_count').notNullable().defaultTo(0);
      // When a pending delivery is next due; while an attempt is in flight, when its lease ends.
      t.timestamp('next_attempt_at', { useTz: true });
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable();
      t.unique(['event_id', 'endpoint_id'], { indexName: 'deliveries_event_endpoint' });
      t.index(['endpoint_id', 'id'], 'deliveries_endpoint_id');
      t.index(['tenant_id', 'environment_id', 'id'], 'deliveries_scope_id');
    });
    await knex.raw(`CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending'`);
    await knex.raw(`
      CREATE FUNCTION deliveries_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify(current_schema() || '_deliveries', '');
        RETURN NULL;
      END $$`);
    await knex.raw('CREATE TRIGGER deliveries_notify AFTER INSERT ON deliveries FOR EACH STATEMENT EXECUTE FUNCTION deliveries_notify()');

    await knex.schema.createTable('attempts', (t) => {
      t.bigIncrements('id').primary();
      t.text('delivery_id').notNullable().references('id').inTable('deliveries').onDelete('CASCADE');
      t.timestamp('at', { useTz: true }).notNullable();
      t.integer('response_status');
      t.integer('duration_ms').notNullable();
      t.text('error');
      t.text('response_body').notNullable().defaultTo('');
      t.index(['delivery_id', 'id'], 'attempts_delivery');
    });

    // Environment names for the events' `environment`, from tenant.environment.created.v1 (or asked once).
    await knex.schema.createTable('environments', (t) => {
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      t.text('name').notNullable();
      t.primary(['tenant_id', 'environment_id']);
    });

    // Trialing subscriptions, for subscription.trial_will_end 3 days before trial_end (business time).
    await knex.schema.createTable('trials', (t) => {
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      t.text('environment_kind').notNullable();
      t.text('subscription_id').notNullable();
      t.timestamp('trial_end', { useTz: true }).notNullable();
      // The subscription as GET answered it at its last event: the reminder's object.
      t.jsonb('object').notNullable();
      t.timestamp('reminded_at', { useTz: true });
      t.primary(['tenant_id', 'environment_id', 'subscription_id']);
    });
    await knex.raw('CREATE INDEX trials_due ON trials (trial_end) WHERE reminded_at IS NULL');

    // The last public object of each resource: an `*.updated` that changes nothing is not sent.
    await knex.schema.createTable('last_objects', (t) => {
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      t.text('object_id').notNullable();
      t.text('digest').notNullable();
      t.primary(['tenant_id', 'environment_id', 'object_id']);
    });
  },
};
