import { dropSchema, EnvironmentClocks, environmentClocksMigration, FrozenClock, openDatabase, type Database, type Scope } from '../src';
import { testServers, uniqueName } from '../src/testing';
import { silent } from './bus-harness';

const { databaseUrl } = testServers();
const schema = uniqueName('clocks');
let db: Database;
const real = new FrozenClock('2026-11-26T10:00:00.000Z');
let clocks: EnvironmentClocks;

const sandbox: Scope = { tenantId: 'ten_1', environmentId: 'env_sandbox', environmentKind: 'sandbox' };
const production: Scope = { tenantId: 'ten_1', environmentId: 'env_live', environmentKind: 'production' };

beforeAll(async () => {
  db = await openDatabase({ url: databaseUrl, schema, migrations: [environmentClocksMigration], logger: silent });
  await db.migrate();
  clocks = new EnvironmentClocks(db.knex, real);
});
afterAll(async () => {
  await db.close();
  await dropSchema(databaseUrl, schema);
});

test('a sandbox environment runs on real time until its clock is advanced', async () => {
  expect((await clocks.now(sandbox)).toISOString()).toBe('2026-11-26T10:00:00.000Z');
});

test('an advanced sandbox clock runs ahead of real time by its offset, and keeps running', async () => {
  await clocks.setOffset(db.knex, sandbox.tenantId, sandbox.environmentId, 31 * 86_400_000);
  expect((await clocks.now(sandbox)).toISOString()).toBe('2026-12-27T10:00:00.000Z');
  real.advance(60_000);
  expect((await clocks.now(sandbox)).toISOString()).toBe('2026-12-27T10:01:00.000Z');
});

test('a late or repeated event never moves a clock back', async () => {
  await clocks.setOffset(db.knex, sandbox.tenantId, sandbox.environmentId, 1_000);
  expect(await clocks.offsetOf(sandbox)).toBe(31 * 86_400_000);
});

test('production is real time whatever is stored', async () => {
  await clocks.setOffset(db.knex, production.tenantId, production.environmentId, 999_999);
  expect((await clocks.now(production)).getTime()).toBe(real.now().getTime());
});

test("the event handler keeps a service's copy of the clock", async () => {
  const scope: Scope = { ...sandbox, environmentId: 'env_other' };
  await db.knex.transaction((trx) =>
    clocks.handler()({ tenantId: 'ten_1', payload: { environmentId: 'env_other', offsetMs: 5_000, now: '' } }, trx),
  );
  expect(await clocks.offsetOf(scope)).toBe(5_000);
});
