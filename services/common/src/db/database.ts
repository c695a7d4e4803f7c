import knexFactory, { type Knex } from 'knex';
import type { Logger } from 'pino';
import { knexLogOptions } from './knex-log';

/** A migration: a stable name, and the change it makes. */
export interface Migration {
  name: string;
  up(knex: Knex): Promise<void>;
  down?(knex: Knex): Promise<void>;
}

export interface DatabaseOptions {
  url: string;
  /** The service's own schema, e.g. "tenant". Tests pass a unique one. */
  schema: string;
  migrations: Migration[];
  /** Where knex's own warnings go too (a dead pooled connection, a deprecation). */
  logger?: Logger;
  poolMax?: number;
  /**
   * Settings of every connection of the pool, e.g. `{ synchronous_commit: 'off' }` for
   * writes that may be lost in a server crash (counters), never for the service's records.
   */
  settings?: Record<string, string>;
}

export interface Database {
  knex: Knex;
  schema: string;
  /** The role the service acts as, or undefined when the server did not let us create one. */
  role?: string;
  /** Runs every pending migration. Safe to call from several replicas at once. */
  migrate(): Promise<void>;
  /** True when a trivial query answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

const quote = (ident: string) => `"${ident.replace(/"/g, '""')}"`;

export const roleForSchema = (schema: string) => `azotte_${schema}`;

/**
 * Ensures the service's schema and its own database role exist, and hands
 * the schema to that role (ARCHITECTURE.md rule 1: a service owns its data).
 * Every pooled connection then runs as that role with the schema first on its
 * search path, so a query that strays into another service's schema fails.
 * When the connecting user may not create roles, the schema alone isolates.
 */
async function prepareSchema(url: string, schema: string, logger?: Logger): Promise<string | undefined> {
  const { log, poolLog } = knexLogOptions(logger);
  const admin = knexFactory({ client: 'pg', connection: url, log, pool: { min: 0, max: 1, log: poolLog } });
  const role = roleForSchema(schema);
  try {
    return await admin.transaction(async (trx) => {
      // Roles are cluster-wide and CREATE ROLE races between services starting together.
      await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`azotte:${role}`]);
      await trx.raw(`CREATE SCHEMA IF NOT EXISTS ${quote(schema)}`);
      try {
        await trx.raw('SAVEPOINT role');
        const exists = await trx.raw('SELECT 1 FROM pg_roles WHERE rolname = ?', [role]);
        if (exists.rows.length === 0) await trx.raw(`CREATE ROLE ${quote(role)} NOLOGIN`);
        await trx.raw(`GRANT ${quote(role)} TO CURRENT_USER`);
        await trx.raw(`ALTER SCHEMA ${quote(schema)} OWNER TO ${quote(role)}`);
        await trx.raw('RELEASE SAVEPOINT role');
        return role;
      } catch (err) {
        await trx.raw('ROLLBACK TO SAVEPOINT role');
        logger?.warn({ err, schema }, 'cannot create a database role for the schema; isolating by schema only');
        return undefined;
      }
    });
  } finally {
    await admin.destroy();
  }
}

/**
 * Runs `work` holding a session advisory lock named `name`, on a connection of
 * its own (so the pool doing the work may be of any size); waits for the lock.
 */
async function whileHolding<T>(url: string, name: string, logger: Logger | undefined, work: () => Promise<T>): Promise<T> {
  const { log, poolLog } = knexLogOptions(logger);
  const holder = knexFactory({ client: 'pg', connection: url, log, pool: { min: 0, max: 1, log: poolLog } });
  try {
    const conn = await holder.client.acquireConnection();
    try {
      await conn.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
      try {
        return await work();
      } finally {
        await conn.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
      }
    } finally {
      await holder.client.releaseConnection(conn);
    }
  } finally {
    await holder.destroy();
  }
}

/** Opens the service's database: its schema, its role, its pool and its migrations. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const { url, schema, migrations, logger, poolMax = 10, settings = {} } = options;
  const role = await prepareSchema(url, schema, logger);
  const extra = Object.entries(settings).map(([name, value]) => {
    if (!/^[a-z_]+$/.test(name) || !/^[A-Za-z0-9_.-]+$/.test(value)) throw new Error(`not a setting: ${name} = ${value}`);
    return `; SET ${name} TO ${value}`;
  });
  const setup = `${role ? `SET ROLE ${quote(role)}; ` : ''}SET search_path TO ${quote(schema)}${extra.join('')}`;
  const { log, poolLog } = knexLogOptions(logger);
  const knex = knexFactory({
    client: 'pg',
    connection: url,
    searchPath: [schema],
    log,
    pool: {
      min: 0,
      max: poolMax,
      log: poolLog,
      afterCreate(conn: { query(sql: string, cb: (err: Error | null) => void): void }, done: (err: Error | null, conn: unknown) => void) {
        conn.query(setup, (err) => done(err, conn));
      },
    },
  });

  return {
    knex,
    schema,
    role,
    async migrate() {
      // Replicas starting together take turns: knex's own migration lock makes the second one
      // fail ("Migration table is already locked") instead of waiting for the first.
      await whileHolding(url, `azotte:migrate:${schema}`, logger, () =>
        knex.migrate.latest({
          schemaName: schema,
          tableName: 'knex_migrations',
          migrationSource: {
            getMigrations: async () => migrations,
            getMigrationName: (m: Migration) => m.name,
            getMigration: async (m: Migration) => ({ up: m.up, down: m.down ?? (async () => undefined) }),
          },
        }),
      );
    },
    async ping() {
      try {
        await knex.raw('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => knex.destroy(),
  };
}

/**
 * Drops a schema and its role. For tests that made their own schema, and for
 * tearing a scratch environment down; never called by a running service.
 */
export async function dropSchema(url: string, schema: string, logger?: Logger): Promise<void> {
  const { log, poolLog } = knexLogOptions(logger);
  const admin = knexFactory({ client: 'pg', connection: url, log, pool: { min: 0, max: 1, log: poolLog } });
  try {
    await admin.raw(`DROP SCHEMA IF EXISTS ${quote(schema)} CASCADE`);
    await admin.raw(`DROP ROLE IF EXISTS ${quote(roleForSchema(schema))}`);
  } finally {
    await admin.destroy();
  }
}
