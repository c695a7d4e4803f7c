import type { Migration } from '@azotte/common';

/**
 * Analytics' tables, in three kinds:
 * - `events`: every event consumed, as received (the source of every rebuild);
 * - state: the latest known tenant, customer, subscription, campaign,
 *   assignment and redemption, enough to classify the next event;
 * - facts and rollups: one row per fact (a movement of MRR, a change of
 *   subscription counts, a payment attempt, a refund) and, maintained from
 *   them by triggers, one row per day and one per hour. A report reads whole
 *   days from the daily rollups, whole hours of its partial first and last
 *   days from the hourly ones, and only the partial hours from the facts, so
 *   its cost depends on the period asked, not on the subscriptions behind it.
 * Every table carries tenant_id and environment_id, and every index starts
 * with them.
 */
export const init: Migration = {
  name: '001_init',
  async up(knex) {
    await knex.schema.createTable('events', (t) => {
      t.text('id').primary();
      t.text('type').notNullable();
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      // The customer a subscription event is about: its events are replayed together.
      t.text('customer_id');
      // Business time of the change (the environment's clock).
      t.timestamp('occurred_at', { useTz: true }).notNullable();
      t.jsonb('payload').notNullable();
      t.timestamp('received_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.index(['occurred_at', 'id'], 'events_order');
    });
    await knex.raw(
      'CREATE INDEX events_customer ON events (tenant_id, environment_id, customer_id, occurred_at, id) WHERE customer_id IS NOT NULL',
    );

    await knex.schema.createTable('tenants', (t) => {
      t.text('tenant_id').primary();
      t.text('reporting_currency').notNullable();
      t.jsonb('fx_rates').notNullable().defaultTo('{}');
      t.text('last_event_id').notNullable();
    });

    await knex.schema.createTable('customer_states', (t) => {
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      t.text('customer_id').notNullable();
      // Subscriptions bringing MRR (> 0) and subscriptions active or past_due.
      t.integer('contributing').notNullable().defaultTo(0);
      t.integer('active').notNullable().defaultTo(0);
      t.boolean('ever_contributed').notNullable().defaultTo(false);
      // The last event applied, in (occurred_at, id) order.
      t.timestamp('last_at', { useTz: true });
      t.text('last_event_id');
      t.primary(['tenant_id', 'environment_id', 'customer_id']);
    });

    await knex.schema.createTable('subscription_states', (t) => {
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      t.text('subscription_id').notNullable();
      t.text('customer_id').notNullable();
      t.text('status').notNullable();
      t.text('currency').notNullable();
      // Monthly recurring revenue in minor units of `currency`, exact to 18 places.
      t.decimal('mrr', 38, 18).notNullable();
      t.boolean('ever_paid').notNullable();
      t.text('campaign_id');
      t.text('variant');
      t.primary(['tenant_id', 'environment_id', 'subscription_id']);
      t.index(['tenant_id', 'environment_id', 'customer_id'], 'subscription_states_customer');
    });

    await knex.schema.createTable('mrr_movements', (t) => {
      t.text('event_id').notNullable();
      t.text('currency').notNullable();
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      t.text('customer_id').notNullable();
      t.text('subscription_id').notNullable();
      t.timestamp('at', { useTz: true }).notNullable();
      // new, expansion, contraction, churn, reactivation
      t.text('kind').notNullable();
      // The magnitude (≥ 0) and the signed change of MRR.
      t.decimal('amount', 38, 18).notNullable();
      t.decimal('delta', 38, 18).notNullable();
      t.primary(['event_id', 'currency']);
      t.index(['tenant_id', 'environment_id', 'at'], 'mrr_movements_at');
      t.index(['tenant_id', 'environment_id', 'customer_id'], 'mrr_movements_customer');
    });

    await knex.schema.createTable('subscription_changes', (t) => {
      t.text('event_id').primary();
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      t.text('customer_id').notNullable();
      t.timestamp('at', { useTz: true }).notNullable();
      t.integer('active_delta').notNullable();
      t.integer('trialing_delta').notNullable();
      // 1 when a subscription that had been paid was canceled.
      t.integer('churned').notNullable();
      // ±1 when the customer gained its first, or lost its last, active subscription.
      t.integer('customers_delta').notNullable();
      t.index(['tenant_id', 'environment_id', 'at'], 'subscription_changes_at');
      t.index(['tenant_id', 'environment_id', 'customer_id'], 'subscription_changes_customer');
    });

    await knex.schema.createTable('payments', (t) => {
      t.text('payment_id').primary();
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      t.timestamp('at', { useTz: true }).notNullable();
      t.boolean('succeeded').notNullable();
      t.text('failure_code').notNullable().defaultTo('');
      t.bigInteger('amount').notNullable();
      t.text('currency').notNullable();
      t.text('storefront_id').notNullable().defaultTo('');
      t.text('bundle_id').notNullable().defaultTo('');
      t.text('customer_id').notNullable().defaultTo('');
      t.text('subscription_id').notNullable().defaultTo('');
      t.text('campaign_id').notNullable().defaultTo('');
      t.text('variant').notNullable().defaultTo('');
      t.index(['tenant_id', 'environment_id', 'at'], 'payments_at');
      t.index(['tenant_id', 'environment_id', 'campaign_id'], 'payments_campaign');
    });

    await knex.schema.createTable('refunds', (t) => {
      t.text('refund_id').primary();
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      t.timestamp('at', { useTz: true }).notNullable();
      t.text('payment_id').notNullable();
      t.boolean('succeeded').notNullable();
      t.bigInteger('amount').notNullable();
      t.text('currency').notNullable();
      t.text('storefront_id').notNullable().defaultTo('');
      t.text('bundle_id').notNullable().defaultTo('');
      t.index(['tenant_id', 'environment_id', 'at'], 'refunds_at');
      t.index(['payment_id'], 'refunds_payment');
    });

    await knex.schema.createTable('campaigns', (t) => {
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      t.text('campaign_id').notNullable();
      // The keys of its A/B variants.
      t.jsonb('variants').notNullable().defaultTo('[]');
      t.text('last_event_id').notNullable();
      t.primary(['tenant_id', 'environment_id', 'campaign_id']);
    });
    await knex.schema.createTable('variant_assignments', (t) => {
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      t.text('campaign_id').notNullable();
      t.text('customer_id').notNullable();
      t.text('variant').notNullable();
      t.primary(['tenant_id', 'environment_id', 'campaign_id', 'customer_id']);
    });
    await knex.schema.createTable('redemptions', (t) => {
      t.text('redemption_id').primary();
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      t.text('campaign_id').notNullable();
      t.text('variant').notNullable().defaultTo('');
      // reserved (0) < confirmed (1) < released (2): the highest seen wins, whatever the order of arrival.
      t.text('status').notNullable();
      t.integer('rank').notNullable();
      t.index(['tenant_id', 'environment_id', 'campaign_id'], 'redemptions_campaign');
    });

    for (const rollup of ROLLUPS) {
      for (const level of LEVELS) {
        const columns = [...rollup.groups, ...rollup.sums].map(([name, type]) => `${name} ${type} NOT NULL`);
        const keys = ['tenant_id', 'environment_id', ...(level.type ? ['bucket'] : []), ...rollup.groups.map(([g]) => g)];
        await knex.raw(
          `CREATE TABLE ${rollup.name}_${level.name} (tenant_id text NOT NULL, environment_id text NOT NULL, ${level.type ? `bucket ${level.type} NOT NULL, ` : ''}${columns.join(', ')},
           PRIMARY KEY (${keys.join(', ')}))`,
        );
      }
    }
    for (const sql of rollupTriggers()) await knex.raw(sql);
  },
};
const KINDS = ['new', 'expansion', 'contraction', 'churn', 'reactivation'] as const;

/**
 * The rollup levels: whole days; whole hours, for the partial days at a
 * period's ends; and the total since the beginning, so that a figure at a
 * moment (MRR, active subscriptions) is the total less what came after it.
 */
const LEVELS: Array<{ name: string; type?: string; bucket?: (at: string) => string }> = [
  { name: 'daily', type: 'date', bucket: (at) => `((${at}) AT TIME ZONE 'UTC')::date` },
  { name: 'hourly', type: 'timestamptz', bucket: (at) => `(date_trunc('hour', (${at}) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')` },
  { name: 'total' },
];

/** Every rollup table (a rebuild empties them with the facts). */
export const rollupTables = (): string[] => ROLLUPS.flatMap((r) => LEVELS.map((l) => `${r.name}_${l.name}`));

interface RollupSpec {
  name: string;
  /** The fact table it sums. */
  facts: string;
  /** Which fact rows count (SQL over `R`, the fact row). */
  when?: string;
  groups: Array<[name: string, type: string, value: string]>;
  /** Each sum's column, type and the fact row's contribution (SQL over `R`). */
  sums: Array<[name: string, type: string, value: string]>;
}

/**
 * The rollups: per scope, bucket and group, the sums of their fact rows. A
 * trigger adds each fact row into its day's and its hour's row on insert and
 * takes it out again on delete (a customer's replay deletes and re-inserts
 * its facts).
 */
const ROLLUPS: RollupSpec[] = [
  {
    name: 'mrr',
    facts: 'mrr_movements',
    groups: [['currency', 'text', 'R.currency']],
    sums: [
      ...KINDS.map((k): [string, string, string] => [`${k}_amount`, 'numeric(38,18)', `CASE WHEN R.kind = '${k}' THEN R.amount ELSE 0 END`]),
      ['net', 'numeric(38,18)', 'R.delta'],
      ['new_customers', 'integer', "CASE WHEN R.kind = 'new' THEN 1 ELSE 0 END"],
    ],
  },
  {
    name: 'subscription',
    facts: 'subscription_changes',
    groups: [],
    sums: ['active_delta', 'trialing_delta', 'churned', 'customers_delta'].map((c): [string, string, string] => [c, 'integer', `R.${c}`]),
  },
  {
    name: 'payment',
    facts: 'payments',
    groups: [
      ['currency', 'text', 'R.currency'],
      ['storefront_id', 'text', 'R.storefront_id'],
      ['bundle_id', 'text', 'R.bundle_id'],
    ],
    sums: [
      ['attempts', 'integer', '1'],
      ['successes', 'integer', 'CASE WHEN R.succeeded THEN 1 ELSE 0 END'],
      ['collected', 'bigint', 'CASE WHEN R.succeeded THEN R.amount ELSE 0 END'],
    ],
  },
  {
    name: 'payment_failures',
    facts: 'payments',
    when: 'NOT R.succeeded',
    groups: [['failure_code', 'text', 'R.failure_code']],
    sums: [['count', 'integer', '1']],
  },
  {
    name: 'refund',
    facts: 'refunds',
    when: 'R.succeeded',
    groups: [
      ['currency', 'text', 'R.currency'],
      ['storefront_id', 'text', 'R.storefront_id'],
      ['bundle_id', 'text', 'R.bundle_id'],
    ],
    sums: [
      ['count', 'integer', '1'],
      ['amount', 'bigint', 'R.amount'],
    ],
  },
];

/** One upsert of a fact row (`row` = NEW or OLD) into one rollup level, with `sign` + or -. */
function upsert(rollup: RollupSpec, level: (typeof LEVELS)[number], row: 'NEW' | 'OLD', sign: '+' | '-'): string {
  const r = (sql: string) => sql.replace(/\bR\./g, `${row}.`);
  const table = `${rollup.name}_${level.name}`;
  const keys = ['tenant_id', 'environment_id', ...(level.bucket ? ['bucket'] : []), ...rollup.groups.map(([g]) => g)];
  const insert = `INSERT INTO ${table} AS t (${keys.join(', ')}, ${rollup.sums.map(([c]) => c).join(', ')})
    VALUES (${row}.tenant_id, ${row}.environment_id, ${level.bucket ? `${level.bucket(`${row}.at`)}, ` : ''}${rollup.groups.map(([, , v]) => `${r(v)}, `).join('')}${rollup.sums.map(([, , v]) => `${sign}(${r(v)})`).join(', ')})
    ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${rollup.sums.map(([c]) => `${c} = t.${c} + EXCLUDED.${c}`).join(', ')};`;
  return rollup.when ? `IF ${r(rollup.when)} THEN ${insert} END IF;` : insert;
}

/** One trigger per fact table, feeding every rollup level of every rollup built from it. */
function rollupTriggers(): string[] {
  const facts = [...new Set(ROLLUPS.map((r) => r.facts))];
  return facts.flatMap((table) => {
    const fed = ROLLUPS.filter((r) => r.facts === table);
    const body = (row: 'NEW' | 'OLD', sign: '+' | '-') => fed.flatMap((rollup) => LEVELS.map((level) => upsert(rollup, level, row, sign))).join('\n');
    return [
      `CREATE FUNCTION ${table}_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'INSERT' THEN ${body('NEW', '+')} RETURN NEW;
         ELSE ${body('OLD', '-')} RETURN OLD; END IF;
       END $$`,
      `CREATE TRIGGER ${table}_rollup AFTER INSERT OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_rollup()`,
    ];
  });
}
