import type { Knex } from 'knex';

const names = new Map<string, string>();

/**
 * Runs a read as a named prepared statement on one of the pool's connections:
 * reports run the same few query shapes over and over, so Postgres parses
 * and plans each shape once per connection instead of at every request.
 * `sql` uses knex's `?` placeholders.
 */
export async function queryPrepared<T>(db: Knex, sql: string, bindings: unknown[]): Promise<T[]> {
  let n = 0;
  const text = sql.replace(/\?/g, () => `$${++n}`);
  let name = names.get(text);
  if (!name) names.set(text, (name = `analytics_${names.size}`));
  const connection = await db.client.acquireConnection();
  try {
    const result = await connection.query({ name, text, values: bindings });
    return result.rows as T[];
  } finally {
    await db.client.releaseConnection(connection);
  }
}
