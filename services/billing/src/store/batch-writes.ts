import type { Db } from '@azotte/common';
import type { Knex } from 'knex';

// Set-based writes for the scheduler's batches: a statement per table per
// batch instead of one per row, since round trips are what a renewal costs.

/** Postgres allows 65,535 parameters a statement: rows go in chunks well below it. */
const ROWS_PER_STATEMENT = 500;

export async function insertRows(trx: Db, table: string, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) await trx(table).insert(rows.slice(i, i + ROWS_PER_STATEMENT));
}

/**
 * `UPDATE table SET col = v.col, … FROM (VALUES …) v WHERE table.id = v.id`:
 * one row of values per row to change, each value cast to its column's type
 * (`columns` maps a column to its SQL type; `id` comes first in every row).
 */
export async function updateFromValues(trx: Db, table: string, columns: Record<string, string>, rows: Array<Record<string, unknown>>): Promise<void> {
  const names = Object.keys(columns);
  const tuple = `(?::text, ${names.map((n) => `?::${columns[n]}`).join(', ')})`;
  const set = names.map((n) => `"${n}" = v."${n}"`).join(', ');
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    // Each value is cast to its column's type in the statement; knex types its bindings as its own values.
    const bindings = chunk.flatMap((r) => [r.id, ...names.map((n) => r[n] ?? null)]) as Knex.Value[];
    await trx.raw(
      `UPDATE ?? AS t SET ${set} FROM (VALUES ${chunk.map(() => tuple).join(', ')}) AS v(id, ${names.map((n) => `"${n}"`).join(', ')}) WHERE t.id = v.id`,
      [table, ...bindings],
    );
  }
}
