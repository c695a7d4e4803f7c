import { dropSchema, openDatabase, type Database } from '@azotte/common';
import { testServers, uniqueName } from '@azotte/common/testing';
import { PAYMENTS, SUBSCRIPTIONS } from '../src/queries/rollups';
import { sums, sumsByDay } from '../src/queries/window';
import { migrations } from '../src/store/migrations';

// Reports read whole days and hours from the rollups the triggers keep, and
// only the partial hours from the facts: whatever the window, the sums must be
// those of the facts themselves.

const servers = testServers();
const schema = uniqueName('analytics_window');
const scope = { tenantId: 'ten_window', environmentId: 'env_window' };
let db: Database;

// A deterministic spread of payments over 5 days, at minute resolution.
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const start = Date.parse('2026-03-01T00:00:00Z');
const span = 5 * 86_400_000;
const at = () => new Date(start + Math.floor(random() * (span / 60_000)) * 60_000);

beforeAll(async () => {
  db = await openDatabase({ url: servers.databaseUrl, schema, migrations, poolMax: 2 });
  await db.migrate();
  const rows = Array.from({ length: 400 }, (_, i) => ({
    payment_id: `pay_${i}`,
    tenant_id: scope.tenantId,
    environment_id: scope.environmentId,
    at: at(),
    succeeded: random() < 0.8,
    failure_code: '',
    amount: 100 + Math.floor(random() * 900),
    currency: random() < 0.5 ? 'EUR' : 'USD',
  }));
  await db.knex('payments').insert(rows);
  await db.knex('subscription_changes').insert(
    rows.slice(0, 100).map((r, i) => ({ ...r, event_id: `evt_${i}`, customer_id: 'cus_1', active_delta: 1, trialing_delta: 0, churned: i % 7 === 0 ? 1 : 0, customers_delta: 0 })).map(
      ({ payment_id: _p, succeeded: _s, failure_code: _f, amount: _a, currency: _c, ...row }) => row,
    ),
  );
  // A replay deletes facts: the rollups must forget them too.
  await db.knex('payments').whereIn('payment_id', ['pay_1', 'pay_2', 'pay_3']).delete();
});

afterAll(async () => {
  await db?.close();
  await dropSchema(servers.databaseUrl, schema);
});

async function direct(from: Date | undefined, to: Date) {
  const q = db.knex('payments').where(scope.tenantId ? { tenant_id: scope.tenantId, environment_id: scope.environmentId } : {}).andWhere('at', '<', to);
  if (from) q.andWhere('at', '>=', from);
  return q
    .groupBy('currency')
    .orderBy('currency')
    .select('currency', db.knex.raw('count(*)::int AS attempts'), db.knex.raw('coalesce(sum(amount) FILTER (WHERE succeeded), 0)::int AS collected'));
}

it('sums any window exactly as the facts do, whether it cuts days, hours or nothing', async () => {
  const windows: Array<[Date | undefined, Date]> = [
    [undefined, new Date(start + span)],
    [new Date(start + 86_400_000), new Date(start + 3 * 86_400_000)],
    [new Date('2026-03-02T10:17:00Z'), new Date('2026-03-04T05:59:00Z')],
    [new Date('2026-03-02T10:00:00Z'), new Date('2026-03-02T11:00:00Z')],
    [new Date('2026-03-03T23:59:00Z'), new Date('2026-03-04T00:01:00Z')],
  ];
  for (let i = 0; i < 30; i++) {
    const a = at();
    const b = at();
    if (a < b) windows.push([a, b]);
  }
  for (const [from, to] of windows) {
    const rows = await sums(db.knex, PAYMENTS, scope, from, to);
    const byCurrency = new Map<string, { attempts: number; collected: number }>();
    for (const r of rows) {
      const c = byCurrency.get(r.currency!) ?? { attempts: 0, collected: 0 };
      byCurrency.set(r.currency!, { attempts: c.attempts + Number(r.attempts), collected: c.collected + Number(r.collected) });
    }
    const expected = (await direct(from, to)).map((r: { currency: string; attempts: number; collected: number }) => [r.currency, { attempts: r.attempts, collected: r.collected }]);
    expect([...byCurrency].filter(([, v]) => v.attempts > 0).sort()).toEqual(expected);
  }
});

it('splits a window by UTC day, counting only the part of each day inside it', async () => {
  const from = new Date('2026-03-02T10:17:00Z');
  const to = new Date('2026-03-04T05:59:00Z');
  const days = await sumsByDay(db.knex, SUBSCRIPTIONS, scope, from, to);
  const expected = await db.knex('subscription_changes').where('at', '>=', from).andWhere('at', '<', to).select(db.knex.raw(`((at AT TIME ZONE 'UTC')::date)::text AS day`), db.knex.raw('sum(active_delta)::text AS active_delta')).groupBy(1).orderBy(1);
  expect(days.map((d) => ({ day: d.day, active_delta: d.active_delta })).sort((a, b) => a.day!.localeCompare(b.day!))).toEqual(expected);
});
