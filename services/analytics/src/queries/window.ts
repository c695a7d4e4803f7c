import type { Knex } from 'knex';
import { queryPrepared } from './prepared';

export interface Scope {
  tenantId: string;
  environmentId: string;
}

/**
 * A fact table and its rollups (`<name>_daily`, `<name>_hourly`, kept by
 * triggers; store/migrations/001_init.ts): a window is read as whole days
 * from the daily rollup, whole hours of its partial days from the hourly one,
 * and only its partial hours from the facts, so its cost depends on the
 * window, not on the number of facts behind it.
 */
export interface Rollup {
  name: string;
  facts: string;
  /** Columns grouped on, present in the facts and the rollups. */
  groups: string[];
  /** The summed columns of the rollups. */
  sums: string[];
  /** The same sums over fact rows, by column. */
  factSums: Record<string, string>;
  /** Which fact rows the rollups hold, e.g. `succeeded`. */
  factWhere?: string;
}

export type Row = Record<string, string | null>;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const LEVELS = [
  { table: 'daily', ms: DAY, key: (at: Date) => at.toISOString().slice(0, 10) },
  { table: 'hourly', ms: HOUR, key: (at: Date) => at.toISOString() },
];
const floorTo = (at: Date, ms: number) => new Date(Math.floor(at.getTime() / ms) * ms);
const ceilTo = (at: Date, ms: number) => new Date(Math.ceil(at.getTime() / ms) * ms);

/** One SELECT per piece of [from, to): rollup levels for whole units, facts for the rest. */
function pieces(r: Rollup, scope: Scope, from: Date | undefined, to: Date, level = 0): Array<{ sql: string; bindings: unknown[] }> {
  const groups = r.groups.map((g) => `${g}, `).join('');
  const spec = LEVELS[level];
  if (!spec) {
    return [
      {
        sql: `SELECT ((at AT TIME ZONE 'UTC')::date)::text AS day, ${groups}${r.sums.map((c) => `${r.factSums[c]} AS ${c}`).join(', ')}
              FROM ${r.facts} WHERE tenant_id = ? AND environment_id = ? ${from ? 'AND at >= ?' : ''} AND at < ? ${r.factWhere ? `AND ${r.factWhere}` : ''}
              GROUP BY ${['1', ...r.groups].join(', ')}`,
        bindings: [scope.tenantId, scope.environmentId, ...(from ? [from] : []), to],
      },
    ];
  }
  const lo = from && ceilTo(from, spec.ms);
  const hi = floorTo(to, spec.ms);
  if (lo && lo >= hi) return pieces(r, scope, from, to, level + 1);
  const whole = {
    sql: `SELECT (bucket::date)::text AS day, ${groups}${r.sums.map((c) => `sum(${c}) AS ${c}`).join(', ')}
          FROM ${r.name}_${spec.table} WHERE tenant_id = ? AND environment_id = ? ${lo ? 'AND bucket >= ?' : ''} AND bucket < ?
          GROUP BY ${['1', ...r.groups].join(', ')}`,
    bindings: [scope.tenantId, scope.environmentId, ...(lo ? [spec.key(lo)] : []), spec.key(hi)],
  };
  return [
    ...(from && lo && from < lo ? pieces(r, scope, from, lo, level + 1) : []),
    whole,
    ...(hi < to ? pieces(r, scope, hi, to, level + 1) : []),
  ];
}

// Beyond any business time: "what came at or after a moment" is the window [moment, END).
const END = new Date('9999-01-01T00:00:00Z');

/**
 * Sums over [from, to), per UTC day and group when `byDay`, else per group
 * only (summed in Postgres). With `from` undefined (since the beginning) the
 * figure is the rollup's total less what came at or after `to`, so a value at
 * a moment costs what the time since it costs, not what the whole history does.
 */
export async function sumsOver(db: Knex, r: Rollup, scope: Scope, from: Date | undefined, to: Date, byDay: boolean): Promise<Row[]> {
  const signed: Array<{ sign: 1 | -1; sql: string; bindings: unknown[] }> = [];
  if (from !== undefined) {
    for (const p of pieces(r, scope, from, to)) signed.push({ sign: 1, ...p });
  } else {
    signed.push({
      sign: 1,
      sql: `SELECT NULL::text AS day, ${r.groups.map((g) => `${g}, `).join('')}${r.sums.join(', ')} FROM ${r.name}_total WHERE tenant_id = ? AND environment_id = ?`,
      bindings: [scope.tenantId, scope.environmentId],
    });
    if (to < END) for (const p of pieces(r, scope, to, END)) signed.push({ sign: -1, ...p });
  }
  const union = signed.map((p, i) => `SELECT ${p.sign} AS sign, p${i}.* FROM (${p.sql}) p${i}`).join(' UNION ALL ');
  const keys = [...(byDay ? ['day'] : []), ...r.groups];
  const sql = `SELECT ${[...keys, ...r.sums.map((c) => `sum(sign * ${c})::text AS ${c}`)].join(', ')} FROM (${union}) u ${keys.length ? `GROUP BY ${keys.join(', ')}` : ''}`;
  return queryPrepared<Row>(db, sql, signed.flatMap((p) => p.bindings));
}

/** Per UTC day (and group) over [from, to): days partly inside count only their part inside. */
export const sumsByDay = (db: Knex, r: Rollup, scope: Scope, from: Date, to: Date) => sumsOver(db, r, scope, from, to, true);

/** Totals per group over [from, to); `from` undefined = since the beginning. */
export const sums = (db: Knex, r: Rollup, scope: Scope, from: Date | undefined, to: Date) => sumsOver(db, r, scope, from, to, false);
