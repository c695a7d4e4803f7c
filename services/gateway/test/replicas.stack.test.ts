import { randomBytes } from 'node:crypto';
import amqp from 'amqplib';
import { CONSUMING_SERVICES, PLATFORM_SERVICES, removePlatform, scrapeMetrics, sumOfSamples, testServers, waitFor } from '@azotte/common/testing';
import { ChaosApi, CHAOS_ADMIN, countOf, dashboardBesideBilling, inParallel, startChaosStack, type ChaosStack } from '@azotte/common/testing/chaos';

// Two replicas of every service as separate processes (run `npm run build` first), every service
// given the other services' replicas as an address list, a client going through both gateways
// as through a load balancer. In the middle of the subscriptions the second replica of every
// service is SIGKILLed (and later started again); in the middle of the renewals the first
// billing replica is. Nothing may be lost or happen twice.
const CUSTOMERS = Number(process.env.TEST_REPLICAS_CUSTOMERS ?? 100);
// Monthly periods renewed: CUSTOMERS × PERIODS renewals (1,000 by default).
const PERIODS = Number(process.env.TEST_REPLICAS_PERIODS ?? Math.ceil(1_000 / Math.max(CUSTOMERS, 1)));
const replicasTest = CUSTOMERS > 0 ? test : test.skip;
const PRICE = 1_000;
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' };

let stack: ChaosStack | undefined;
const id = `replicas_${randomBytes(3).toString('hex')}`;
afterAll(async () => {
  await stack?.stop();
  await removePlatform(id, testServers()).catch(() => undefined);
}, 60_000);

/** Renewals a billing replica has committed, from its own metrics (0 when it does not answer). */
async function renewalsBy(label: string): Promise<number> {
  try {
    return sumOfSamples(await scrapeMetrics(stack!.envOf(label).BILLING_METRICS_PORT!), 'azotte_billing_renewals_total');
  } catch {
    return 0;
  }
}

replicasTest(
  `two replicas of every service: ${CUSTOMERS} subscriptions through both gateways and ${CUSTOMERS * PERIODS} renewals across both billing replicas, each once, with replicas SIGKILLed mid-run`,
  async () => {
    stack = await startChaosStack(
      id,
      testServers(),
      // Both billing replicas' schedulers look for due renewals; small batches, so that both take some.
      { BILLING_SCHEDULER_INTERVAL_MS: '100', BILLING_SCHEDULER_BATCH: '10', LOGIN_MAX_FAILURES: '4', IDEMPOTENCY_IN_FLIGHT_TIMEOUT_MS: '5000' },
      { replicas: 2 },
    );
    const s = stack;
    try {
      await scenario(s);
    } catch (err) {
      throw new Error(`${(err as Error).message}\nthe services' last lines:\n${s.logTails()}`);
    }
  },
  600_000,
);

async function scenario(s: ChaosStack) {
    const anonymous = new ChaosApi(s.apiUrls);
    const root = await anonymous.expect(200, 'POST', '/auth/login', { body: CHAOS_ADMIN });
    const owner = { email: `owner@${id.replace(/_/g, '-')}.test`, password: 'owner-password' };
    await anonymous.as(root.accessToken).expect(201, 'POST', '/tenants', {
      body: { name: 'Replicas', slug: id.replace(/_/g, '-'), reportingCurrency: 'EUR', admin: owner },
      idempotencyKey: 'tenant',
    });
    const session = await anonymous.expect(200, 'POST', '/auth/login', { body: owner });
    const { key } = await anonymous.as(session.accessToken).expect(201, 'POST', '/api-keys', {
      body: { name: 'backend', role: 'administrator', environment: 'sandbox' },
      idempotencyKey: 'api-key',
    });
    const api = anonymous.as(key);
    const bundle = await api.expect(201, 'POST', '/bundles', { body: { name: 'Pro', entitlements: [{ key: 'seats', value: 5 }] }, idempotencyKey: 'bundle' });
    const price = await api.expect(201, 'POST', `/bundles/${bundle.id}/prices`, { body: { currency: 'EUR', amount: PRICE, interval: 'month' }, idempotencyKey: 'price' });

    // Customers, cards and subscriptions through both gateways; the second replica of every
    // service SIGKILLed once a third are subscribed, started again at two thirds.
    let subscribed = 0;
    const customerIds: string[] = new Array(CUSTOMERS);
    const seconds = PLATFORM_SERVICES.map((name) => `${name}-2`);
    const faults = (async () => {
      await waitFor(() => subscribed >= Math.ceil(CUSTOMERS / 3), { what: 'a third of the subscriptions', timeoutMs: 300_000, intervalMs: 5 });
      await Promise.all(seconds.map((label) => s.kill(label)));
      await waitFor(() => subscribed >= Math.ceil((2 * CUSTOMERS) / 3), { what: 'two thirds of the subscriptions', timeoutMs: 300_000, intervalMs: 5 });
      for (const label of seconds) await s.restart(label);
    })();
    faults.catch(() => undefined);
    await inParallel([...Array(CUSTOMERS).keys()], 6, async (i) => {
      const customer = await api.expect(201, 'POST', '/customers', { body: { email: `c${i}@replicas.test`, name: `Customer ${i}` }, idempotencyKey: `customer-${i}`, deadlineMs: 120_000 });
      await api.expect(201, 'POST', `/customers/${customer.id}/payment-methods`, { body: { type: 'card', card: CARD, default: true }, idempotencyKey: `card-${i}`, deadlineMs: 120_000 });
      const sub = await api.expect(201, 'POST', '/subscriptions', { body: { customerId: customer.id, priceId: price.id }, idempotencyKey: `subscribe-${i}`, deadlineMs: 120_000 });
      expect(sub.status).toBe('active');
      customerIds[i] = customer.id;
      subscribed += 1;
    });
    await faults;

    // The renewals of PERIODS months, the clock advanced one period end at a time through either
    // gateway; the first billing replica SIGKILLed once some, and not all, of the second period's have committed.
    const billing = (sql: string) => countOf(s, 'billing', sql);
    const renewed = async () => (await billing('SELECT count(*) AS n FROM $schema.invoices')) - CUSTOMERS;
    let killedAt: number | undefined;
    for (let period = 1; period <= PERIODS; period += 1) {
      const ends = await billing(`SELECT extract(epoch FROM max(current_period_end)) * 1000 AS n FROM $schema.subscriptions`);
      const target = period * CUSTOMERS;
      const advance = api.call('POST', '/test-clock/advance', { body: { to: new Date(ends + 3_600_000).toISOString() }, deadlineMs: 120_000 });
      if (period === 2) {
        killedAt = await waitFor(async () => {
          const done = (await renewed()) - CUSTOMERS;
          return done > 0 ? done : undefined;
        }, { what: 'some of the second period renewed', timeoutMs: 60_000, intervalMs: 2 });
        await s.kill('billing');
      }
      await advance.catch(() => undefined);
      // The schedulers finish what an advance cut off by the kill left due.
      await waitFor(async () => (await renewed()) === target, { what: `${target} renewals`, timeoutMs: 120_000, intervalMs: 100 });
      if (period === 2) await s.restart('billing');
    }
    expect(killedAt).toBeLessThan(CUSTOMERS);

    // Each period of each subscription invoiced exactly once, and paid once.
    const counts = {
      periodsInvoicedTwice: await billing(`SELECT count(*) AS n FROM (SELECT subscription_id, period_start FROM $schema.invoices GROUP BY 1, 2 HAVING count(*) > 1) twice`),
      invoices: await billing('SELECT count(*) AS n FROM $schema.invoices'),
      paymentsSucceeded: await billing(`SELECT count(*) AS n FROM $schema.payments WHERE status = 'succeeded'`),
      sandboxCharges: await billing('SELECT count(*) AS n FROM $schema.sandbox_charges'),
      customersSubscribed: await billing('SELECT count(DISTINCT customer_id) AS n FROM $schema.subscriptions'),
      subscriptions: await billing('SELECT count(*) AS n FROM $schema.subscriptions'),
    };
    const each = CUSTOMERS * (PERIODS + 1);
    if (counts.invoices !== each) {
      const { rows } = await s.db.query(`SELECT subscription_id, period_start, billing_reason, status, created_at FROM "${id}_billing".invoices WHERE subscription_id IN (SELECT subscription_id FROM "${id}_billing".invoices GROUP BY 1 HAVING count(*) > ${PERIODS + 1}) ORDER BY 1, 2`);
      console.error('subscriptions with more invoices than periods:', JSON.stringify(rows, null, 1));
    }
    expect(counts).toEqual({ periodsInvoicedTwice: 0, invoices: each, paymentsSucceeded: each, sandboxCharges: each, customersSubscribed: CUSTOMERS, subscriptions: CUSTOMERS });
    // The second billing replica (never killed during the renewals) took some, not all of them.
    const bySecond = await renewalsBy('billing-2');
    expect(bySecond).toBeGreaterThan(0);
    expect(bySecond).toBeLessThan(CUSTOMERS * PERIODS);

    // Analytics' two competing consumers agree with billing's records.
    await waitFor(async () => (await dashboardBesideBilling(s, api)).equal, { what: "the dashboard equal to billing's records", timeoutMs: 120_000, intervalMs: 250 });

    // Failed logins through one gateway count at the other.
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const gateway = new ChaosApi(s.apiUrls[i % 2]!);
      statuses.push((await gateway.once('POST', '/auth/login', { body: { email: owner.email, password: `wrong-${i}` } })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);

    // Nothing left behind, every replica up.
    for (const service of PLATFORM_SERVICES) {
      const { rows } = await s.db.query('SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2', [`${id}_${service}`, 'outbox']);
      if (rows.length > 0) {
        await waitFor(async () => (await countOf(s, service, 'SELECT count(*) AS n FROM $schema.outbox WHERE sent_at IS NULL')) === 0, { what: `${service}'s outbox sent`, timeoutMs: 60_000 });
      }
    }
    const connection = await amqp.connect(testServers().amqpUrl);
    try {
      const channel = await connection.createChannel();
      for (const service of CONSUMING_SERVICES) expect((await channel.checkQueue(`${s.env.AMQP_QUEUE_PREFIX}${service}.events.dlq`)).messageCount).toBe(0);
    } finally {
      await connection.close();
    }
    for (const url of s.apiUrls) await waitFor(async () => (await fetch(`${url}/readyz`)).status === 200, { what: `${url} ready`, timeoutMs: 60_000 });
    expect([...s.processes.values()].filter((p) => !p.alive()).map((p) => p.name)).toEqual([]);
}
