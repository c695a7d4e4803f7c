import { dropSchema, openDatabase, type Database } from '@azotte/common';
import { testServers, uniqueName } from '@azotte/common/testing';
import { IdempotencyStore } from '../src/store/idempotency';
import { migrations } from '../src/store/migrations';

// The gateway's Idempotency-Key records against real Postgres.
const { databaseUrl } = testServers();
const schema = uniqueName('idempotency');
let db: Database;
beforeAll(async () => {
  db = await openDatabase({ url: databaseUrl, schema, migrations });
  await db.migrate();
});
afterAll(async () => {
  await db.close();
  await dropSchema(databaseUrl, schema);
});

const scope = (key: string) => ({ tenantId: 'ten_1', environmentId: 'env_1', key });

it('a key left in flight by a gateway that crashed is taken over once it is older than the timeout, not before', async () => {
  const store = new IdempotencyStore(db.knex, 5_000);
  const key = scope('left-in-flight');
  expect(await store.claim(key, 'fp')).toEqual({ outcome: 'claimed' });
  // Its gateway died: nobody completes or releases it.
  expect(await store.claim(key, 'fp', new Date(Date.now() + 4_000))).toEqual({ outcome: 'in_flight' });
  expect(await store.claim(key, 'fp', new Date(Date.now() + 6_000))).toEqual({ outcome: 'claimed' });
  // The new claim is in flight itself now.
  expect(await store.claim(key, 'fp', new Date(Date.now() + 4_000))).toEqual({ outcome: 'in_flight' });
});

it('a completed key is replayed, and claimed afresh once its 24 hours are over', async () => {
  const store = new IdempotencyStore(db.knex);
  const key = scope('done');
  expect(await store.claim(key, 'fp')).toEqual({ outcome: 'claimed' });
  await store.complete(key, 201, '{"id":"sub_1"}');
  expect(await store.claim(key, 'fp')).toEqual({ outcome: 'replay', status: 201, body: '{"id":"sub_1"}' });
  expect(await store.claim(key, 'other')).toEqual({ outcome: 'mismatch' });
  expect(await store.claim(key, 'fp', new Date(Date.now() + 25 * 3600_000))).toEqual({ outcome: 'claimed' });
});
