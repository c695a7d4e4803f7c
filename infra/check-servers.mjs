// Checks that the Postgres and RabbitMQ servers named by the configuration answer, and creates
// the database named in DATABASE_URL when it is missing. Used by infra/start.mjs and by test setup.
//
// `pg` and `amqplib` are imported inside the functions, not at the top of the module: start.mjs
// imports this file before it has made sure node_modules is installed.

/**
 * The URL with its password replaced by `***`, safe to print.
 * Returns the input unchanged when it has no password; never throws.
 * @param {string} url
 */
export function maskUrl(url) {
  try {
    const parsed = new URL(url);
    if (!parsed.password) return url;
    parsed.password = '***';
    return parsed.toString();
  } catch {
    // Not a parseable URL: still hide anything that looks like user:password@.
    return String(url).replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
  }
}

/**
 * @typedef {object} CheckResult
 * @property {boolean} ok           the server answered and accepted the connection
 * @property {boolean} unreachable  nothing answered (refused, timed out, unknown host): start the server
 * @property {string} [error]       why it failed, when it failed
 * @property {boolean} [databaseMissing]  Postgres only: the server is up but the database does not exist yet
 */

/**
 * Connects to Postgres and runs `SELECT 1`. A missing database counts as ok (the server is up;
 * `ensureDatabase` creates it), flagged by `databaseMissing`.
 * @param {string} url
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<CheckResult>}
 */
export async function checkPostgres(url, { timeoutMs = 3000 } = {}) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
  });
  // Without a listener, an error on an idle client after connect crashes the process.
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true, unreachable: false };
  } catch (err) {
    if (err.code === '3D000') return { ok: true, unreachable: false, databaseMissing: true };
    // Errors the server sent carry a severity; anything else is the network or a timeout.
    return failure(err, typeof err.severity === 'string');
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Opens (and closes) an AMQP connection.
 * @param {string} url
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<CheckResult>}
 */
export async function checkRabbit(url, { timeoutMs = 3000 } = {}) {
  const { default: amqp } = await import('amqplib');
  let timer;
  // amqplib's own `timeout` covers the TCP connect; the race also bounds the AMQP handshake.
  const connecting = amqp.connect(url, { timeout: timeoutMs });
  const timedOut = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'TIMEOUT' })),
      timeoutMs,
    );
  });
  try {
    const connection = await Promise.race([connecting, timedOut]);
    connection.on('error', () => {});
    await connection.close().catch(() => {});
    return { ok: true, unreachable: false };
  } catch (err) {
    // If the race was lost to the timer, close the connection should it open later.
    connecting.then((c) => c.close().catch(() => {}), () => {});
    // The broker closed the handshake itself: bad credentials (403) or a vhost that does not
    // exist or is not permitted (amqplib: "Expected ConnectionOpenOk; got <ConnectionClose ...>").
    const answered = /terminated by server|ConnectionClose/.test(err.message ?? '');
    const result = failure(err, answered);
    if (/ConnectionClose/.test(result.error)) result.error += ' (does the vhost exist, and may this user use it?)';
    return result;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Creates the database named in `url` if it does not exist, connecting to the `postgres`
 * maintenance database on the same server to do so. Safe to call concurrently.
 * @param {string} url
 * @returns {Promise<{ database: string, created: boolean }>}
 */
export async function ensureDatabase(url) {
  const database = databaseName(url);
  const status = await checkPostgres(url);
  if (!status.ok) throw new Error(`cannot connect to ${maskUrl(url)}: ${status.error}`);
  if (!status.databaseMissing) return { database, created: false };

  const { default: pg } = await import('pg');
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString(), connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
    return { database, created: true };
  } catch (err) {
    // Another process created it between our check and our CREATE (42P04 duplicate_database;
    // 23505 when both CREATEs race on pg_database's unique index).
    if (err.code === '42P04' || err.code === '23505') return { database, created: false };
    throw new Error(`cannot create database ${database} on ${maskUrl(maintenance.toString())}: ${err.message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** The database a Postgres URL names; Postgres defaults it to the user name when the path is empty. */
function databaseName(url) {
  const parsed = new URL(url);
  const fromPath = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  return fromPath || decodeURIComponent(parsed.username) || 'postgres';
}

function quoteIdentifier(name) {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * @param {Error} err
 * @param {boolean} answered  the server itself turned us away (so starting it would not help)
 * @returns {CheckResult}
 */
function failure(err, answered) {
  // Node wraps a failed connect to several addresses (127.0.0.1 and ::1) in an AggregateError with no message.
  const message = err.message || err.errors?.map((e) => e.message).join('; ') || err.code || String(err);
  return { ok: false, unreachable: !answered, error: message };
}
