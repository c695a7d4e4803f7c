import type { Knex } from 'knex';
import type { Scope } from '../context/scope';

export type Db = Knex | Knex.Transaction;

/**
 * A table whose rows belong to one tenant and one environment. Every read goes
 * through `in(scope)` and every write through `insert(scope, …)`, so a query
 * cannot forget the scope: the store never names the bare table.
 */
export function scopedTable<Row extends object = Record<string, unknown>>(name: string) {
  return {
    name,
    in(db: Db, scope: Scope): Knex.QueryBuilder {
      return db(name).where({ tenant_id: scope.tenantId, environment_id: scope.environmentId });
    },
    insert(db: Db, scope: Scope, row: Row | Row[]): Knex.QueryBuilder {
      const rows = (Array.isArray(row) ? row : [row]).map((r) => ({
        ...r,
        tenant_id: scope.tenantId,
        environment_id: scope.environmentId,
      }));
      return db(name).insert(rows);
    },
  };
}

/** A table whose rows belong to one tenant across its environments (users, API keys). */
export function tenantTable<Row extends object = Record<string, unknown>>(name: string) {
  return {
    name,
    in(db: Db, tenantId: string): Knex.QueryBuilder {
      return db(name).where({ tenant_id: tenantId });
    },
    insert(db: Db, tenantId: string, row: Row | Row[]): Knex.QueryBuilder {
      const rows = (Array.isArray(row) ? row : [row]).map((r) => ({ ...r, tenant_id: tenantId }));
      return db(name).insert(rows);
    },
  };
}
