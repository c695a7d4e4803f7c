import amqp from 'amqplib';
import { CONSUMING_SERVICES, PLATFORM_SERVICES } from '../platform';
import { waitFor } from '../servers';
import type { ChaosApi } from './api';
import { countOf, type ChaosStack } from './stack';

/** One figure of the run: what it is, what was found, what must be. */
export interface Check {
  what: string;
  actual: number | string;
  expected: number | string;
  ok: boolean;
}

const check = (what: string, actual: number | string, expected: number | string): Check => ({ what, actual, expected, ok: actual === expected });

/**
 * What must hold after the faults: one subscription per customer, each
 * renewed once (so two invoices, two succeeded payments and two provider
 * charges per customer), every outbox row sent, every DLQ empty, the
 * dashboard equal to billing's records, every customer's update kept,
 * /readyz 200, every process alive. The eventual figures (outboxes, the
 * dashboard) are waited for, with a deadline, then reported as found.
 */
export async function verify(stack: ChaosStack, api: ChaosApi, expected: { customers: number; priceAmount: number; renamed: string[] }): Promise<Check[]> {
  const n = expected.customers;
  const billing = (sql: string) => countOf(stack, 'billing', sql);
  const unsent = async () => {
    let total = 0;
    for (const service of PLATFORM_SERVICES) {
      const { rows } = await stack.db.query('SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2', [`${stack.id}_${service}`, 'outbox']);
      if (rows.length > 0) total += await countOf(stack, service, 'SELECT count(*) AS n FROM $schema.outbox WHERE sent_at IS NULL');
    }
    return total;
  };
  await waitFor(async () => (await unsent()) === 0, { what: 'every outbox row sent', timeoutMs: 60_000, intervalMs: 250 }).catch(() => undefined);
  let figures = await dashboardBesideBilling(stack, api);
  await waitFor(async () => (figures = await dashboardBesideBilling(stack, api)).equal, {
    what: "the dashboard equal to billing's records",
    timeoutMs: 60_000,
    intervalMs: 250,
  }).catch(() => undefined);
  const { dashboard, billing: records } = figures;

  const connection = await amqp.connect(stack.servers.amqpUrl);
  const channel = await connection.createChannel();
  let dead = 0;
  for (const service of CONSUMING_SERVICES) dead += (await channel.checkQueue(`${stack.env.AMQP_QUEUE_PREFIX}${service}.events.dlq`)).messageCount;
  await connection.close();
  // Each service finds its servers again on its own schedule (reconnects back off): /readyz is waited for too.
  let readyz = '';
  await waitFor(
    async () => {
      const res = await fetch(`${stack.apiUrl}/readyz`, { signal: AbortSignal.timeout(5_000) });
      readyz = res.status === 200 ? '200' : `${res.status} ${await res.text()}`;
      return res.status === 200;
    },
    { what: '/readyz 200', timeoutMs: 60_000, intervalMs: 250 },
  ).catch(() => undefined);
  const renamed = await countOf(stack, 'customer', `SELECT count(*) AS n FROM $schema.customers WHERE name LIKE '% (renamed)' AND id = ANY($1)`, [expected.renamed]);
  return [
    check('customers with exactly one subscription', await billing('SELECT count(*) AS n FROM (SELECT customer_id FROM $schema.subscriptions GROUP BY customer_id HAVING count(*) = 1) x'), n),
    check('subscriptions', await billing('SELECT count(*) AS n FROM $schema.subscriptions'), n),
    check('subscriptions active, renewed once (cycle 1)', await billing(`SELECT count(*) AS n FROM $schema.subscriptions WHERE status = 'active' AND cycle = 1`), n),
    check('invoices (first + renewal)', await billing('SELECT count(*) AS n FROM $schema.invoices'), 2 * n),
    check('invoices paid', await billing(`SELECT count(*) AS n FROM $schema.invoices WHERE status = 'paid'`), 2 * n),
    check('payments succeeded', await billing(`SELECT count(*) AS n FROM $schema.payments WHERE status = 'succeeded'`), 2 * n),
    check('payments in all', await billing('SELECT count(*) AS n FROM $schema.payments'), 2 * n),
    check('charges at the sandbox provider', await billing('SELECT count(*) AS n FROM $schema.sandbox_charges'), 2 * n),
    check('outbox rows unsent (every service)', await unsent(), 0),
    check('messages in the DLQs (every consumer)', dead, 0),
    check('dashboard active subscriptions', dashboard.activeSubscriptions, records.activeSubscriptions),
    check('dashboard MRR (EUR minor units)', dashboard.mrr, records.mrr),
    check('dashboard MRR = customers × price', dashboard.mrr, n * expected.priceAmount),
    check('dashboard revenue since the start (EUR minor units)', dashboard.revenue, records.revenue),
    check('customers updated during the Postgres outage', renamed, n),
    check('GET /api/v1/readyz', readyz, '200'),
    check('service processes alive', [...stack.processes.values()].filter((p) => p.alive()).length, PLATFORM_SERVICES.length),
  ];
}

interface Figures {
  activeSubscriptions: number | string;
  mrr: number | string;
  revenue: number | string;
}

/**
 * The dashboard beside what billing's records say it must show: active
 * subscriptions, MRR (the price is monthly, with no discount) and revenue
 * (succeeded payments, none refunded) since a day before the run began, up
 * to the environment's clock.
 */
export async function dashboardBesideBilling(stack: ChaosStack, api: ChaosApi): Promise<{ equal: boolean; dashboard: Figures; billing: Figures }> {
  const billing = (sql: string) => countOf(stack, 'billing', sql);
  const records: Figures = {
    activeSubscriptions: await billing(`SELECT count(*) AS n FROM $schema.subscriptions WHERE status IN ('active', 'past_due')`),
    mrr: await billing(`SELECT coalesce(sum(amount * quantity), 0) AS n FROM $schema.subscriptions WHERE status IN ('active', 'past_due')`),
    revenue: await billing(`SELECT coalesce(sum(amount), 0) AS n FROM $schema.payments WHERE status = 'succeeded'`),
  };
  const now = (await api.once('GET', '/test-clock')).body?.now;
  const from = new Date(stack.startedAt.getTime() - 86_400_000).toISOString();
  const reply = await api.once('GET', `/dashboard?from=${encodeURIComponent(from)}&to=${encodeURIComponent(now)}`);
  const body = reply.body ?? {};
  const dashboard: Figures = {
    activeSubscriptions: body.activeSubscriptions ?? `${reply.status}`,
    mrr: body.mrr?.amount ?? `${reply.status}`,
    revenue: body.revenue?.amount ?? `${reply.status}`,
  };
  const equal = (Object.keys(records) as (keyof Figures)[]).every((k) => dashboard[k] === records[k]);
  return { equal, dashboard, billing: records };
}
