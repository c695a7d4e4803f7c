import pino from 'pino';
import { createGrpcClient, dropSchema, newId, type CallContext } from '@azotte/common';
import { busEnvironment, publishEvent, recordEvents, removeTestBus, testServers, uniqueName, waitFor } from '@azotte/common/testing';
import { analyticsV1, EVENTS } from '@azotte/proto';
import { loadAnalyticsConfig, startAnalyticsService, type RunningAnalyticsService } from '../src';

// The analytics service against real Postgres and RabbitMQ, fed billing-,
// tenant- and campaign-shaped events published on the bus the way the outbox
// relay publishes them; figures read back over gRPC.

const silent = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const servers = testServers();
const id = uniqueName('analytics_reports');
const env = { ...busEnvironment(id, servers), ANALYTICS_DB_SCHEMA: `${id}_analytics`, ANALYTICS_GRPC_PORT: '0', DB_POOL_MAX: '3' };

let service: RunningAnalyticsService;
let bus: Awaited<ReturnType<typeof recordEvents>>;
let client: ReturnType<typeof createGrpcClient<typeof analyticsV1.AnalyticsServiceService>>;

beforeAll(async () => {
  bus = await recordEvents(servers.amqpUrl, env.AMQP_EXCHANGE, 'none.none.none.v1');
  service = await startAnalyticsService(loadAnalyticsConfig(env), { logger: silent });
  client = createGrpcClient(analyticsV1.AnalyticsServiceService, `127.0.0.1:${service.port}`, { name: 'analytics' });
  // Events published before the service's queue is bound would find no queue: wait for its consumer (it subscribes after binding).
  await waitFor(() => consumed(`${env.AMQP_QUEUE_PREFIX}analytics.events`), { what: 'the analytics consumer' });
});

async function consumed(queue: string): Promise<boolean> {
  const channel = await bus.connection.createChannel();
  channel.on('error', () => undefined);
  try {
    const { consumerCount } = await channel.checkQueue(queue);
    await channel.close();
    return consumerCount > 0;
  } catch {
    return false;
  }
}

afterAll(async () => {
  client?.close();
  await service?.stop();
  await bus?.close();
  await removeTestBus(env, ['analytics']);
  await dropSchema(servers.databaseUrl, env.ANALYTICS_DB_SCHEMA);
});

interface Scope {
  tenantId: string;
  environmentId: string;
}

/** Publishes one event as the outbox relay does (message id = event id, scope in headers). */
const publish = (scope: Scope, type: string, payload: unknown): Promise<string> =>
  publishEvent(bus.channel, env.AMQP_EXCHANGE, { type, payload, ...scope, environmentKind: 'sandbox' });

const ctxOf = (scope: Scope): CallContext => ({
  actor: { type: 'user', id: 'usr_test', role: 'viewer' },
  tenantId: scope.tenantId,
  scope: { ...scope, environmentKind: 'sandbox' },
});

async function newTenant(fxRates: Record<string, string> = { USD: '0.5' }): Promise<Scope> {
  const scope = { tenantId: newId('ten'), environmentId: newId('env') };
  await publish({ tenantId: scope.tenantId, environmentId: '' }, EVENTS.tenant.tenantCreated, {
    tenant: { id: scope.tenantId, name: 'T', slug: scope.tenantId.toLowerCase(), reportingCurrency: 'EUR', fxRates, environments: [] },
  });
  published += 1;
  return scope;
}

let clock = Date.parse('2026-03-01T00:00:00Z');
const tick = (days = 1) => new Date((clock += days * 86_400_000)).toISOString();

function subscription(overrides: Record<string, unknown>) {
  return {
    id: newId('sub'),
    customerId: newId('cus'),
    status: 'active',
    priceId: 'price_1',
    bundleId: 'bun_1',
    quantity: 1,
    storefrontId: 'sf_1',
    campaignId: '',
    variant: '',
    amount: 1200,
    currency: 'EUR',
    interval: 'month',
    intervalCount: 1,
    currentPeriodStart: new Date(clock).toISOString(),
    currentPeriodEnd: new Date(clock + 30 * 86_400_000).toISOString(),
    cancelAtPeriodEnd: false,
    occurredAt: new Date(clock).toISOString(),
    ...overrides,
  };
}

const subscriptionEvent = (scope: Scope, type: string, sub: ReturnType<typeof subscription>, previousStatus = '') =>
  publish(scope, type, { subscription: sub, previousStatus, previousPriceId: '', previousQuantity: 0, previousAmount: 0, invoiceId: '' });

const period = { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z', interval: 'month', groupBy: '' };

async function eventsKept(count: number) {
  await waitFor(async () => Number((await service.db.knex('events').count({ n: '*' }))[0]!.n) >= count, { what: `${count} events kept` });
}

let published = 0;
async function send(...events: Array<() => Promise<string>>) {
  for (const e of events) await e();
  published += events.length;
  await eventsKept(published);
}

describe('MRR', () => {
  it('normalizes every interval to a month, nets recurring discounts, and rounds once on the total', async () => {
    const scope = await newTenant();
    const at = tick();
    await send(
      // 1,200/month → 1,200
      () => subscriptionEvent(scope, EVENTS.billing.subscriptionCreated, subscription({ occurredAt: at })),
      // 1,000/year → 83.333…
      () => subscriptionEvent(scope, EVENTS.billing.subscriptionCreated, subscription({ amount: 1000, interval: 'year', occurredAt: at })),
      // 100/week → 433.333…
      () => subscriptionEvent(scope, EVENTS.billing.subscriptionCreated, subscription({ amount: 100, interval: 'week', occurredAt: at })),
      // 3,000 every 3 months, 25 % off forever → 750
      () =>
        subscriptionEvent(
          scope,
          EVENTS.billing.subscriptionCreated,
          subscription({ amount: 3000, intervalCount: 3, discount: { type: 'percent_off', percentOff: '25' }, occurredAt: at }),
        ),
      // A discount whose cycles are used up no longer reduces MRR: 500
      () =>
        subscriptionEvent(
          scope,
          EVENTS.billing.subscriptionCreated,
          subscription({ amount: 500, discount: { type: 'amount_off', amountOff: 200, durationCycles: 1, remainingCycles: 0 }, occurredAt: at }),
        ),
      // Trials count 0 but are counted apart
      () => subscriptionEvent(scope, EVENTS.billing.subscriptionCreated, subscription({ status: 'trialing', amount: 9999, occurredAt: at })),
    );
    const summary = await client.getSubscriptionSummary({ ...period, interval: '' }, { context: ctxOf(scope) });
    // 1200 + 83.33… + 433.33… + 750 + 500 = 2966.66… → 2967
    expect(summary.mrr).toEqual({ amount: 2967, currency: 'EUR' });
    expect(summary.activeSubscriptions).toBe(5);
    expect(summary.trialingSubscriptions).toBe(1);
  });

  it('converts other currencies at the tenant rates and reports those without a rate apart', async () => {
    const scope = await newTenant({ USD: '0.92' });
    const at = tick();
    await send(
      () => subscriptionEvent(scope, EVENTS.billing.subscriptionCreated, subscription({ amount: 1000, currency: 'USD', occurredAt: at })),
      () => subscriptionEvent(scope, EVENTS.billing.subscriptionCreated, subscription({ amount: 5000, currency: 'JPY', occurredAt: at })),
    );
    const summary = await client.getSubscriptionSummary({ ...period, interval: '' }, { context: ctxOf(scope) });
    expect(summary.mrr).toEqual({ amount: 920, currency: 'EUR' });
    expect(summary.unconverted).toEqual([{ amount: 5000, currency: 'JPY' }]);
  });

  it('classifies movements per customer: new, expansion, contraction, churn only when nothing is left, reactivation', async () => {
    const scope = await newTenant();
    const customerId = newId('cus');
    const a = subscription({ customerId, occurredAt: tick() });
    const b = subscription({ customerId, amount: 800, occurredAt: tick() });
    await send(
      () => subscriptionEvent(scope, EVENTS.billing.subscriptionCreated, a), // new 1,200
      () => subscriptionEvent(scope, EVENTS.billing.subscriptionCreated, b), // expansion 800
      () => subscriptionEvent(scope, EVENTS.billing.subscriptionPriceChanged, { ...a, amount: 1500, occurredAt: tick() }, 'active'), // expansion 300
      () => subscriptionEvent(scope, EVENTS.billing.subscriptionCanceled, { ...b, status: 'canceled', occurredAt: tick() }, 'active'), // contraction 800
      () => subscriptionEvent(scope, EVENTS.billing.subscriptionCanceled, { ...a, amount: 1500, status: 'canceled', occurredAt: tick() }, 'active'), // churn 1,500
      () => subscriptionEvent(scope, EVENTS.billing.subscriptionCreated, subscription({ customerId, amount: 700, occurredAt: tick() })), // reactivation 700
    );
    const report = await client.getMrrReport({ ...period, interval: 'month' }, { context: ctxOf(scope) });
    const total = (k: keyof analyticsV1.MrrPoint) => report.data.reduce((s, p) => s + Number(p[k]), 0);
    expect({ new: total('new'), expansion: total('expansion'), contraction: total('contraction'), churn: total('churn'), reactivation: total('reactivation') }).toEqual({
      new: 1200,
      expansion: 1100,
      contraction: 800,
      churn: 1500,
      reactivation: 700,
    });
    expect(report.data.at(-1)!.mrr).toBe(700);
    const churn = await client.getChurnReport({ ...period }, { context: ctxOf(scope) });
    expect(churn.churned).toBe(2);
    expect(churn.churnedMrr).toBe(1500);
  });
});

describe('payments and revenue', () => {
  it('counts every attempt, groups failures by code, and nets succeeded refunds', async () => {
    const scope = await newTenant();
    const payment = (status: 'succeeded' | 'failed', amount: number, failureCode?: string) => ({
      payment: { id: newId('pay'), invoiceId: 'inv_1', amount, currency: 'EUR', status, failureCode, amountRefunded: 0, customerId: 'cus_1', subscriptionId: 'sub_1' },
      storefrontId: 'sf_1',
      bundleId: 'bun_1',
      campaignId: '',
      variant: '',
      occurredAt: tick(),
    });
    const ok = payment('succeeded', 1000);
    await send(
      () => publish(scope, EVENTS.billing.paymentSucceeded, ok),
      () => publish(scope, EVENTS.billing.paymentFailed, payment('failed', 1000, 'insufficient_funds')),
      () => publish(scope, EVENTS.billing.paymentFailed, payment('failed', 1000, 'insufficient_funds')),
      () => publish(scope, EVENTS.billing.paymentSucceeded, payment('succeeded', 1000)),
      () =>
        publish(scope, EVENTS.billing.refundCreated, {
          refund: { id: newId('re'), paymentId: ok.payment.id, amount: 300, currency: 'EUR', status: 'succeeded' },
          storefrontId: 'sf_1',
          bundleId: 'bun_1',
          occurredAt: tick(),
        }),
      () =>
        publish(scope, EVENTS.billing.refundCreated, {
          refund: { id: newId('re'), paymentId: ok.payment.id, amount: 999, currency: 'EUR', status: 'failed' },
          occurredAt: tick(),
        }),
    );
    const report = await client.getPaymentReport(period, { context: ctxOf(scope) });
    expect(report).toMatchObject({ attempts: 4, successes: 2, failures: 2, successRate: 0.5, refunds: 1 });
    expect(report.failuresByCode).toEqual([{ code: 'insufficient_funds', count: 2 }]);
    expect(report.collected).toEqual({ amount: 2000, currency: 'EUR' });
    const revenue = await client.getRevenueReport({ ...period, groupBy: 'storefront' }, { context: ctxOf(scope) });
    expect({ gross: revenue.gross, refunds: revenue.refunds, net: revenue.net }).toEqual({ gross: 2000, refunds: 300, net: 1700 });
    expect(revenue.data.every((row) => row.group === 'sf_1')).toBe(true);
  });

  it('names a bad period, interval or grouping', async () => {
    const scope = await newTenant();
    await expect(client.getRevenueReport({ from: 'yesterday', to: '', interval: 'week', groupBy: 'planet' }, { context: ctxOf(scope) })).rejects.toMatchObject({
      kind: 'invalid_argument',
      fields: expect.arrayContaining([
        expect.objectContaining({ path: 'from' }),
        expect.objectContaining({ path: 'interval' }),
        expect.objectContaining({ path: 'groupBy' }),
      ]),
    });
    await expect(client.getMrrReport({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z', interval: '', groupBy: '' }, { context: ctxOf(scope) })).rejects.toMatchObject({
      fields: [expect.objectContaining({ path: 'from' })],
    });
  });
});

describe('campaign performance', () => {
  it('counts assignments and confirmed redemptions per variant, whatever order the redemption events come in', async () => {
    const scope = await newTenant();
    const campaignId = newId('cmp');
    const variants = [
      { key: 'A', weight: 1, offer: { type: 'percent_off', percentOff: '10' } },
      { key: 'B', weight: 1, offer: { type: 'percent_off', percentOff: '20' } },
    ];
    const assign = (variant: string) => () =>
      publish(scope, EVENTS.campaign.variantAssigned, { campaignId, customerId: newId('cus'), variant, assignedAt: tick() });
    const redemption = (variant: string, status: string, redemptionId: string) => () =>
      publish(scope, `campaign.redemption.${status}.v1`, { redemptionId, campaignId, variant, code: '', customerId: 'cus_1', subscriptionId: 'sub_1', status, occurredAt: tick() });
    const [r1, r2, r3] = [newId('red'), newId('red'), newId('red')];
    const paid = (variant: string, amount: number) => () =>
      publish(scope, EVENTS.billing.paymentSucceeded, {
        payment: { id: newId('pay'), invoiceId: 'inv_1', amount, currency: 'EUR', status: 'succeeded', amountRefunded: 0, customerId: 'cus_1', subscriptionId: 'sub_1' },
        storefrontId: '',
        bundleId: 'bun_1',
        campaignId,
        variant,
        occurredAt: tick(),
      });
    await send(
      () => publish(scope, EVENTS.campaign.campaignCreated, { campaign: { id: campaignId, name: 'AB', status: 'draft', variants }, changedFields: [], previousStatus: '' }),
      assign('A'),
      assign('A'),
      assign('B'),
      assign('B'),
      redemption('A', 'reserved', r1),
      redemption('A', 'confirmed', r1),
      // Confirmed before its reservation arrives: still confirmed.
      redemption('B', 'confirmed', r2),
      redemption('B', 'reserved', r2),
      // Released: does not count.
      redemption('B', 'reserved', r3),
      redemption('B', 'released', r3),
      paid('A', 900),
      paid('B', 800),
    );
    const report = await client.getCampaignReport({ campaignId }, { context: ctxOf(scope) });
    expect(report.redemptions).toBe(2);
    expect(report.revenue).toEqual({ amount: 1700, currency: 'EUR' });
    expect(report.byVariant).toEqual([
      { variant: 'A', assigned: 2, redemptions: 1, conversionRate: 0.5, revenue: { amount: 900, currency: 'EUR' } },
      { variant: 'B', assigned: 2, redemptions: 1, conversionRate: 0.5, revenue: { amount: 800, currency: 'EUR' } },
    ]);
    await expect(client.getCampaignReport({ campaignId: newId('cmp') }, { context: ctxOf(scope) })).rejects.toMatchObject({ kind: 'not_found' });
  });
});

describe('rebuild', () => {
  it('derives identical figures from the kept events alone', async () => {
    const scopes = (await service.db.knex('events').distinct('tenant_id', 'environment_id').whereNot('environment_id', '')) as Array<{ tenant_id: string; environment_id: string }>;
    const everything = async () =>
      Promise.all(
        scopes.map(async ({ tenant_id, environment_id }) => {
          const context = ctxOf({ tenantId: tenant_id, environmentId: environment_id });
          return Promise.all([
            client.getMrrReport({ ...period, interval: 'day', from: '2026-02-20T00:00:00Z', to: '2026-04-01T00:00:00Z' }, { context }),
            client.getRevenueReport({ ...period, groupBy: 'currency' }, { context }),
            client.getPaymentReport(period, { context }),
            client.getCustomerReport(period, { context }),
            client.getChurnReport(period, { context }),
            client.getSubscriptionSummary(period, { context }),
          ]);
        }),
      );
    const before = await everything();
    expect(scopes.length).toBeGreaterThanOrEqual(4);
    const { rebuildProjections } = await import('../src');
    expect(await rebuildProjections(service.db.knex, 7)).toBe(published);
    const strip = (answers: unknown) => JSON.parse(JSON.stringify(answers, (k, v) => (k === 'asOf' ? undefined : v)));
    expect(strip(await everything())).toEqual(strip(before));
  });
});
