import { Writable } from 'node:stream';
import { Client } from 'pg';
import { createLogger, dropSchema, openDatabase, type Database } from '../src';
import { testServers, uniqueName, waitFor } from '../src/testing';

const { databaseUrl } = testServers();
const schema = uniqueName('knex_log');
const lines: Array<Record<string, unknown>> = [];
const logger = createLogger('billing', {
  level: 'info',
  destination: new Writable({
    write(chunk, _enc, done) {
      // Every line the logger writes must be one JSON object: this throws otherwise.
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  }),
});
let db: Database;

beforeAll(async () => {
  db = await openDatabase({ url: databaseUrl, schema, migrations: [], logger, poolMax: 1 });
});
afterAll(async () => {
  await db.close();
  await dropSchema(databaseUrl, schema, logger);
});

test("knex's own warning about a connection Postgres dropped is a JSON line of the service's logger", async () => {
  const printed = [jest.spyOn(console, 'log'), jest.spyOn(console, 'warn'), jest.spyOn(console, 'error')];
  const { rows } = await db.knex.raw('SELECT pg_backend_pid() AS pid');
  // What a Postgres restart does to every pooled connection.
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
  await admin.end();

  // The pool notices the dead connection when it next hands it out, and says so.
  const warning = await waitFor(
    async () => {
      await db.knex.raw('SELECT 1').catch(() => undefined);
      return lines.find((l) => typeof l.msg === 'string' && l.msg.startsWith('Connection Error'));
    },
    { what: "knex's Connection Error warning" },
  );
  expect(warning).toMatchObject({ level: 40, service: 'billing', component: 'knex' });
  expect(await db.ping()).toBe(true);
  for (const spy of printed) expect(spy).not.toHaveBeenCalled();
});
