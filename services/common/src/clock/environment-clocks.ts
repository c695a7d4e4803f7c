import type { Knex } from 'knex';
import type { Scope } from '../context/scope';
import type { Migration } from '../db/database';
import type { Db } from '../db/scoped';
import { systemClock, type Clock } from './clock';

export const CLOCKS_TABLE = 'environment_clocks';

/** The routing key billing publishes when a sandbox environment's test clock moves. */
export const TEST_CLOCK_ADVANCED = 'billing.test_clock.advanced.v1';

/** Payload of `billing.test_clock.advanced.v1`. */
export interface TestClockAdvanced {
  environmentId: string;
  /** Milliseconds the environment's clock runs ahead of real time. */
  offsetMs: number;
  /** The environment's time at the moment of the advance (ISO 8601). */
  now: string;
}

export const environmentClocksMigration: Migration = {
  name: '000_common_environment_clocks',
  async up(knex) {
    await knex.schema.createTable(CLOCKS_TABLE, (t) => {
      t.text('tenant_id').notNullable();
      t.text('environment_id').notNullable();
      t.bigInteger('offset_ms').notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'environment_id']);
    });
  },
};

/**
 * Business time per environment (ARCHITECTURE.md rule 6). Production runs on
 * real time. A sandbox environment runs on its test clock: real time plus an
 * offset that only grows, moved forward by `POST /test-clock/advance`. Billing
 * owns the clock and publishes each move; every other service that needs
 * business time keeps the offset in its own table, fed by that event, so all of
 * them read the same time without asking billing.
 */
export class EnvironmentClocks {
  constructor(
    private readonly knex: Knex,
    private readonly real: Clock = systemClock,
  ) {}

  /** The offset of a sandbox environment's clock (0 until it is first advanced). */
  async offsetOf(scope: Scope, db: Db = this.knex): Promise<number> {
    if (scope.environmentKind !== 'sandbox') return 0;
    const row = await db(CLOCKS_TABLE)
      .where({ tenant_id: scope.tenantId, environment_id: scope.environmentId })
      .first('offset_ms');
    return row ? Number(row.offset_ms) : 0;
  }

  /** The environment's time now. */
  async now(scope: Scope, db: Db = this.knex): Promise<Date> {
    return new Date(this.real.now().getTime() + (await this.offsetOf(scope, db)));
  }

  /** A clock frozen at the environment's time now, for one operation. */
  async clockFor(scope: Scope, db: Db = this.knex): Promise<Clock> {
    const at = await this.now(scope, db);
    return { now: () => new Date(at) };
  }

  /** Records a new offset; offsets only grow, so a late or repeated event changes nothing. */
  async setOffset(db: Db, tenantId: string, environmentId: string, offsetMs: number): Promise<void> {
    await db(CLOCKS_TABLE)
      .insert({ tenant_id: tenantId, environment_id: environmentId, offset_ms: offsetMs })
      .onConflict(['tenant_id', 'environment_id'])
      .merge({ offset_ms: db.raw('GREATEST(??.offset_ms, EXCLUDED.offset_ms)', [CLOCKS_TABLE]), updated_at: db.fn.now() });
  }

  /** The event handler that keeps this service's copy of the clocks. */
  handler() {
    return async (event: { tenantId?: string; payload: unknown }, trx: Knex.Transaction) => {
      const p = event.payload as TestClockAdvanced;
      if (!event.tenantId || !p.environmentId || typeof p.offsetMs !== 'number') return;
      await this.setOffset(trx, event.tenantId, p.environmentId, p.offsetMs);
    };
  }
}
