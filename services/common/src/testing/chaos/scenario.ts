import { randomBytes } from 'node:crypto';
import { waitFor } from '../servers';
import { ChaosApi, inParallel } from './api';
import { burstThroughOutage } from './burst';
import { proxyOutage, postgresRestart, rabbitMqRestart, type Outage } from './outages';
import { CHAOS_ADMIN, countOf, startChaosStack, type ChaosStack } from './stack';
import { dashboardBesideBilling, verify, type Check } from './verify';
import { removePlatform } from '../platform';

export interface ChaosOptions {
  databaseUrl: string;
  amqpUrl: string;
  /** Customers, so subscriptions (each renewed once). */
  customers: number;
  /** true: the machine's RabbitMQ and Postgres are really restarted; false: the run's proxies are cut. */
  restartServers: boolean;
  /** Calls in flight at once (default 4). */
  concurrency?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export interface ChaosReport {
  ok: boolean;
  checks: Check[];
  /** What each fault hit, as counts. */
  faults: Record<string, number | string>;
  /** Seconds each phase took. */
  durations: Record<string, number>;
}

const PRICE_AMOUNT = 1_000;
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' };

/**
 * The platform as separate processes, a tenant's backend driving it through
 * the gateway, and four faults: RabbitMQ away in the middle of a burst of
 * subscriptions; billing SIGKILLed after some and before all of a batch of
 * renewals has committed; analytics SIGKILLed while it consumes those
 * renewals' events; Postgres away under customer updates. Then every figure
 * is checked against what must hold (see `verify`). Every wait is for a
 * condition, with a deadline.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const n = options.customers;
  const concurrency = options.concurrency ?? 4;
  const log = options.log ?? (() => undefined);
  const id = `chaos_${randomBytes(3).toString('hex')}`;
  const durations: Record<string, number> = {};
  const faults: Record<string, number | string> = {};
  const timed = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    log(`${phase} …`);
    try {
      return await work();
    } finally {
      durations[phase] = (Date.now() - started) / 1000;
    }
  };
  const servers = { databaseUrl: options.databaseUrl, amqpUrl: options.amqpUrl };
  // Renewals commit in batches of about a twentieth of them, so that a kill can land between two commits.
  const batch = Math.max(1, Math.ceil(n / 20));
  const stack = await timed('start', () => startChaosStack(id, servers, { BILLING_SCHEDULER_BATCH: String(batch) })).catch(async (err) => {
    // The services that did start made their schemas and queues.
    await removePlatform(id, servers).catch(() => undefined);
    throw err;
  });
  try {
    const outages = {
      rabbitmq: options.restartServers ? rabbitMqRestart() : proxyOutage('RabbitMQ', stack.proxies.rabbitmq),
      postgres: options.restartServers ? postgresRestart() : proxyOutage('Postgres', stack.proxies.postgres),
    };
    const { api, customers, priceId } = await timed('setup', () => setUp(stack, n, concurrency));
    await timed('subscriptions under a RabbitMQ outage', () => subscribeThroughOutage(stack, api, customers, priceId, outages.rabbitmq, concurrency, faults));
    await timed('renewals with billing and analytics killed', () => renewThroughKills(stack, api, n, batch, faults));
    await timed('customer updates under a Postgres outage', () => updateThroughOutage(stack, api, customers, outages.postgres, concurrency, faults));
    const checks = await timed('verify', () => verify(stack, api, { customers: n, priceAmount: PRICE_AMOUNT, renamed: customers.map((c) => c.id) }));
    return { ok: checks.every((c) => c.ok), checks, faults, durations };
  } catch (err) {
    throw new Error(`${(err as Error).message}\nthe services' last lines:\n${stack.logTails()}`);
  } finally {
    await stack.stop();
    await removePlatform(id, servers).catch(() => undefined);
  }
}

async function setUp(stack: ChaosStack, n: number, concurrency: number) {
  const anonymous = new ChaosApi(stack.apiUrl);
  const root = await anonymous.expect(200, 'POST', '/auth/login', { body: CHAOS_ADMIN });
  const owner = { email: `owner@${stack.id.replace(/_/g, '-')}.test`, password: 'owner-password' };
  await anonymous.as(root.accessToken).expect(201, 'POST', '/tenants', {
    body: { name: 'Chaos', slug: stack.id.replace(/_/g, '-'), reportingCurrency: 'EUR', admin: owner },
  });
  const session = await anonymous.expect(200, 'POST', '/auth/login', { body: owner });
  const { key } = await anonymous.as(session.accessToken).expect(201, 'POST', '/api-keys', { body: { name: 'backend', role: 'administrator', environment: 'sandbox' } });
  const api = anonymous.as(key);
  const storefront = await api.expect(201, 'POST', '/storefronts', {
    body: {
      name: 'Chaos store',
      slug: 'chaos-store',
      branding: { theme: 'light' },
      paymentMethods: ['card'],
      regional: { countries: ['DE'], defaultCurrency: 'EUR', currencies: ['EUR'], locale: 'de-DE', timezone: 'Europe/Berlin', taxBehavior: 'inclusive' },
    },
  });
  const bundle = await api.expect(201, 'POST', '/bundles', { body: { name: 'Pro', entitlements: [{ key: 'seats', value: 5 }] } });
  const price = await api.expect(201, 'POST', `/bundles/${bundle.id}/prices`, { body: { currency: 'EUR', amount: PRICE_AMOUNT, interval: 'month' } });
  const customers: { id: string; name: string }[] = new Array(n);
  await inParallel([...Array(n).keys()], concurrency, async (i) => {
    const name = `Customer ${i}`;
    const customer = await api.expect(201, 'POST', '/customers', {
      body: { email: `c${i}@chaos.test`, name, storefrontId: storefront.id },
      idempotencyKey: `customer-${i}`,
    });
    await api.expect(201, 'POST', `/customers/${customer.id}/payment-methods`, { body: { type: 'card', card: CARD, default: true }, idempotencyKey: `card-${i}` });
    customers[i] = { id: customer.id, name };
  });
  return { api, customers, priceId: price.id as string };
}

async function subscribeThroughOutage(
  stack: ChaosStack,
  api: ChaosApi,
  customers: { id: string }[],
  priceId: string,
  outage: Outage,
  concurrency: number,
  faults: Record<string, number | string>,
) {
  const n = customers.length;
  const statuses = new Map<string, number>();
  // The broker is away while a sixth of the burst is answered (creating needs no broker: the events wait in the outboxes).
  const burst = await burstThroughOutage(stack, api, outage, customers, concurrency, ({ answered }) => answered >= Math.ceil(n / 6), async (customer) => {
    const sub = await api.expect(201, 'POST', '/subscriptions', { body: { customerId: customer.id, priceId }, idempotencyKey: `subscribe-${customer.id}` });
    statuses.set(sub.status, (statuses.get(sub.status) ?? 0) + 1);
  });
  faults['subscriptions answered before the RabbitMQ outage'] = burst.answeredBefore;
  faults['subscriptions answered during the RabbitMQ outage'] = burst.answeredDuring;
  faults['client retries during the subscription burst'] = burst.retries;
  if (statuses.get('active') !== n) throw new Error(`subscriptions by status: ${JSON.stringify(Object.fromEntries(statuses))}, expected ${n} active`);
  // The events kept in the outboxes during the outage reach analytics once the broker is back.
  await waitFor(async () => (await api.once('GET', '/dashboard')).body?.activeSubscriptions === n, {
    what: `the dashboard to count ${n} active subscriptions`,
    timeoutMs: 120_000,
    intervalMs: 250,
  });
}

async function renewThroughKills(stack: ChaosStack, api: ChaosApi, n: number, batch: number, faults: Record<string, number | string>) {
  const invoices = () => countOf(stack, 'billing', 'SELECT count(*) AS n FROM $schema.invoices');
  const consumed = () => countOf(stack, 'analytics', 'SELECT count(*) AS n FROM $schema.inbox');
  const ends = await countOf(stack, 'billing', 'SELECT extract(epoch FROM max(current_period_end)) * 1000 AS n FROM $schema.subscriptions');
  const to = new Date(ends + 3_600_000);
  const consumedBefore = await consumed();

  // Analytics is killed once it has taken a share of the renewals' events, and started again.
  const analyticsKill = (async () => {
    await waitFor(async () => (await consumed()) >= consumedBefore + Math.ceil(n / 4), { what: 'analytics consuming the renewals', timeoutMs: 300_000, intervalMs: 5 });
    await stack.kill('analytics');
    faults['analytics events consumed of the renewals when SIGKILLed'] = (await consumed()) - consumedBefore;
    await stack.restart('analytics');
  })();
  // Awaited below; until then a failure is held, not unhandled.
  analyticsKill.catch(() => undefined);

  // Billing is killed once a quarter, and not all, of the renewals have committed (they commit in batches of `batch`).
  const advance = api.once('POST', '/test-clock/advance', { body: { to: to.toISOString() } }).catch((err: Error) => ({ status: 0, body: err.message }));
  const atKill = await waitFor(
    async () => {
      const done = (await invoices()) - n;
      return done >= Math.ceil(n / 4) ? done : undefined;
    },
    { what: 'a quarter of the renewals committed', timeoutMs: 120_000, intervalMs: 2 },
  ).catch(async (err) => {
    throw new Error(`${(err as Error).message}; the advance answered ${JSON.stringify(await advance)}`);
  });
  if (atKill >= n) throw new Error(`all ${n} renewals committed before billing could be killed (batches of ${batch} too large?)`);
  await stack.kill('billing');
  faults['renewals committed when billing was SIGKILLed'] = (await invoices()) - n;
  faults['renewals committed at the moment the kill was decided'] = atKill;
  faults['the advance during the kill answered'] = (await advance).status;
  await stack.restart('billing');

  // The clock is already past the period ends: each later advance runs what is still due.
  let step = 0;
  await waitFor(
    async () => {
      if ((await invoices()) === 2 * n) return true;
      step += 1;
      await api.once('POST', '/test-clock/advance', { body: { to: new Date(to.getTime() + step * 1_000).toISOString() } }).catch(() => undefined);
      return (await invoices()) === 2 * n;
    },
    { what: `all ${n} renewals`, timeoutMs: 180_000, intervalMs: 200 },
  );
  faults['advances after billing restarted'] = step;
  await analyticsKill;
  // Caught up when its figures are billing's again (revenue counts the renewals' payments).
  await waitFor(async () => (await dashboardBesideBilling(stack, api)).equal, { what: "analytics to catch up with billing's records", timeoutMs: 120_000, intervalMs: 250 });
  faults['analytics events consumed of the renewals after its restart'] =
    (await consumed()) - consumedBefore - Number(faults['analytics events consumed of the renewals when SIGKILLed']);
}

async function updateThroughOutage(
  stack: ChaosStack,
  api: ChaosApi,
  customers: { id: string; name: string }[],
  outage: Outage,
  concurrency: number,
  faults: Record<string, number | string>,
) {
  // Postgres is away until every client has met it a few times (nothing can be answered meanwhile).
  const updates = await burstThroughOutage(stack, api, outage, customers, concurrency, ({ retries }) => retries >= 3 * concurrency, async (customer) => {
    await api.expect(200, 'PATCH', `/customers/${customer.id}`, { body: { name: `${customer.name} (renamed)` }, deadlineMs: 120_000 });
  });
  faults['customer updates answered before the Postgres outage'] = updates.answeredBefore;
  faults['client retries during the customer updates'] = updates.retries;
}
