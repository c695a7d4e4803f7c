import { waitFor } from '@azotte/common/testing';
import { startAnalyticsStandIn } from './support/analytics-stand-in';
import { startPlatform, type Platform } from './support/platform';

let platform: Platform;
let token: string;
const sandbox = { 'x-environment': 'sandbox' };
const PRICE = 999;

/** What the sandbox sold: one monthly subscription of 9.99 EUR, paid at once. */
let sold: { customerId: string; subscriptionId: string; invoiceTotal: number };

const call = (path: string, as = token, headers: Record<string, string> = sandbox) => platform.call('GET', path, { token: as, headers });
const post = (path: string, body: unknown) => platform.call('POST', path, { token, body, headers: sandbox });

/** The paths a 400 names, each once, sorted. */
const pathsOf = (res: { status: number; body: { errors?: Array<{ path: string }> } }) => {
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject({ status: 400, code: expect.any(String) });
  return [...new Set((res.body.errors ?? []).map((e) => e.path))].sort();
};

const money = (amount: number) => ({ amount, currency: 'EUR' });
const period = { from: expect.any(String), to: expect.any(String) };

beforeAll(async () => {
  platform = await startPlatform('analytics');
  ({ token } = await platform.createTenant({ reportingCurrency: 'EUR' }));
  const bundle = await post('/bundles', { name: 'Premium', entitlements: [{ key: 'hd', value: true }] });
  const price = await post(`/bundles/${bundle.body.id}/prices`, { currency: 'EUR', amount: PRICE, interval: 'month' });
  const customer = await post('/customers', { email: `ann-${Math.random().toString(36).slice(2, 8)}@example.com`, country: 'DE' });
  const card = await post(`/customers/${customer.body.id}/payment-methods`, {
    type: 'card',
    card: { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' },
  });
  const subscription = await post('/subscriptions', { customerId: customer.body.id, priceId: price.body.id });
  expect([bundle.status, price.status, customer.status, card.status, subscription.status]).toEqual([201, 201, 201, 201, 201]);
  expect(subscription.body.status).toBe('active');
  const invoice = await call(`/invoices/${subscription.body.latestInvoiceId}`);
  expect(invoice.body).toMatchObject({ status: 'paid', total: PRICE });
  sold = { customerId: customer.body.id, subscriptionId: subscription.body.id, invoiceTotal: invoice.body.total };
});
afterAll(async () => {
  await platform.stop();
});

describe('the dashboard', () => {
  it('shows the subscription, its MRR, its payment and its customer once analytics has read their events', async () => {
    const dashboard = await waitFor(
      async () => {
        const res = await call('/dashboard');
        const d = res.body;
        return res.status === 200 && d.activeSubscriptions === 1 && d.mrr?.amount === PRICE && d.paymentSuccessRate === 1 && d.newCustomers === 1
          ? d
          : undefined;
      },
      { what: 'the dashboard to show the subscription', timeoutMs: 20_000 },
    );
    expect(dashboard).toEqual({
      asOf: expect.any(String),
      currency: 'EUR',
      mrr: money(PRICE),
      activeSubscriptions: 1,
      trialingSubscriptions: 0,
      churnRate: null, // nothing was active at `from`
      paymentSuccessRate: 1,
      revenue: money(sold.invoiceTotal),
      newCustomers: 1,
      period,
      degraded: [],
      unconverted: { mrr: [], revenue: [] },
    });
    // The default period: the 30 days before the environment's now.
    expect(Date.parse(dashboard.period.to) - Date.parse(dashboard.period.from)).toBe(30 * 86_400_000);
  });

  it('is per environment: production sold nothing', async () => {
    const res = await call('/dashboard', token, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mrr: money(0), activeSubscriptions: 0, newCustomers: 0, paymentSuccessRate: null, degraded: [] });
  });

  it('takes an explicit period', async () => {
    const to = (await call('/test-clock')).body.now as string;
    const from = new Date(Date.parse(to) - 7 * 86_400_000).toISOString();
    const res = await call(`/dashboard?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(res.status).toBe(200);
    expect([Date.parse(res.body.period.from), Date.parse(res.body.period.to)]).toEqual([Date.parse(from), Date.parse(to)]);
    expect(res.body).toMatchObject({ activeSubscriptions: 1, mrr: money(PRICE), degraded: [] });
  });
});

describe('the reports', () => {
  let mrr: number;
  beforeAll(async () => {
    mrr = (await call('/dashboard')).body.mrr.amount;
  });

  it('MRR: the last point is the MRR of the dashboard, at the end of the period', async () => {
    const res = await call('/analytics/mrr');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ interval: 'day', currency: 'EUR', asOf: expect.any(String), period, unconverted: [] });
    const last = res.body.data.at(-1);
    expect(last).toEqual({ at: res.body.period.to, mrr, new: expect.any(Number), expansion: 0, contraction: 0, churn: 0, reactivation: 0 });
    const movements = res.body.data.flatMap((p: Record<string, number>) => [p.new, p.expansion, p.contraction, p.churn, p.reactivation]);
    expect(movements.every((m: number) => Number.isInteger(m) && m >= 0)).toBe(true);
    expect(res.body.data.reduce((sum: number, p: { new: number }) => sum + p.new, 0)).toBe(PRICE);

    const monthly = await call('/analytics/mrr?interval=month');
    expect(monthly.status).toBe(200);
    expect(monthly.body.interval).toBe('month');
    expect(monthly.body.data.at(-1).mrr).toBe(mrr);
  });

  it('revenue: net is what the invoice charged; groupBy splits the rows', async () => {
    const res = await call('/analytics/revenue');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      totals: { gross: sold.invoiceTotal, refunds: 0, net: sold.invoiceTotal },
      interval: 'day',
      groupBy: null,
      currency: 'EUR',
      period,
      unconverted: [],
    });
    const rows = res.body.data.filter((r: { gross: number }) => r.gross > 0);
    expect(rows).toEqual([{ at: expect.any(String), group: null, gross: sold.invoiceTotal, refunds: 0, net: sold.invoiceTotal, currency: 'EUR' }]);

    const byCurrency = await call('/analytics/revenue?groupBy=currency&interval=month');
    expect(byCurrency.status).toBe(200);
    expect(byCurrency.body).toMatchObject({ groupBy: 'currency', interval: 'month', totals: { net: sold.invoiceTotal } });
    expect(byCurrency.body.data.filter((r: { gross: number }) => r.gross > 0)).toEqual([
      expect.objectContaining({ group: 'EUR', net: sold.invoiceTotal, currency: 'EUR' }),
    ]);
  });

  it('payments: one attempt, which succeeded', async () => {
    const res = await call('/analytics/payments');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      currency: 'EUR',
      period,
      successes: res.body.attempts,
      failures: 0,
      successRate: 1,
      failuresByCode: [],
      refunds: { count: 0, amount: money(0) },
      collected: money(sold.invoiceTotal),
      unconverted: { collected: [], refunded: [] },
    });
    expect(res.body.attempts).toBeGreaterThanOrEqual(1);
  });

  it('churn: nothing was active at the start, so there is no rate', async () => {
    const res = await call('/analytics/churn');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ asOf: expect.any(String), currency: 'EUR', period, activeAtStart: 0, churned: 0, churnRate: null, churnedMrr: money(0) });
  });

  it('customers: one new and active customer, whose ARPU is the MRR; no LTV without churn', async () => {
    const res = await call('/analytics/customers');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ asOf: expect.any(String), currency: 'EUR', period, new: 1, active: 1, arpu: money(mrr), ltv: null, churnRate: null });
  });

  it('campaigns: an unknown campaign is a 404 problem', async () => {
    const res = await call('/analytics/campaigns/cmp_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('campaigns: a campaign analytics has heard of reports its performance', async () => {
    const created = await post('/campaigns', { name: 'Spring', offer: { type: 'percent_off', percentOff: 20 } });
    expect(created.status).toBe(201);
    const report = await waitFor(
      async () => {
        const res = await call(`/analytics/campaigns/${created.body.id}`);
        return res.status === 200 ? res.body : undefined;
      },
      { what: 'analytics to know the campaign' },
    );
    expect(report).toEqual({
      campaignId: created.body.id,
      asOf: expect.any(String),
      currency: 'EUR',
      redemptions: 0,
      revenue: money(0),
      byVariant: [],
      unconverted: [],
    });
  });
});

describe('bad queries are a 400 naming each field', () => {
  it.each([
    ['/dashboard?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', ['from']],
    ['/analytics/mrr?from=yesterday&interval=week', ['from', 'interval']],
    ['/analytics/revenue?to=soon&groupBy=country', ['groupBy', 'to']],
    ['/analytics/payments?from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', ['from']],
    ['/analytics/churn?from=2026-01-01', ['from']],
  ])('%s', async (path, fields) => {
    const res = await call(path);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(pathsOf(res)).toEqual(fields);
  });
});

describe('roles', () => {
  it('an operator reads the dashboard and the payment report, not the other reports', async () => {
    const { token: operator } = await platform.createUser(token, 'operator');
    expect((await call('/dashboard', operator)).status).toBe(200);
    expect((await call('/analytics/payments', operator)).status).toBe(200);
    const mrr = await call('/analytics/mrr', operator);
    expect(mrr.status).toBe(403);
    expect(mrr.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('a dashboard source that misses its deadline', () => {
  // Long enough for the sources that do answer to make it on a loaded 2-core machine (300 ms did not).
  const DEADLINE_MS = 2_000;
  let standIn: Awaited<ReturnType<typeof startAnalyticsStandIn>>;
  let via: Awaited<ReturnType<Platform['startExtraGateway']>>;
  beforeAll(async () => {
    // A gateway whose analytics is the real service behind a stand-in that can hold back one source.
    standIn = await startAnalyticsStandIn(`127.0.0.1:${platform.analytics.port}`);
    via = await platform.startExtraGateway({ ANALYTICS_GRPC_ADDR: standIn.address, DASHBOARD_DEADLINE_MS: String(DEADLINE_MS) });
  });
  afterAll(async () => {
    await standIn.stop();
  });

  it('is named in degraded with its figures null; the others still answer, on time', async () => {
    standIn.hang('getPaymentSummary');
    const started = Date.now();
    const res = await platform.call('GET', '/dashboard', { token, headers: sandbox, via });
    expect(Date.now() - started).toBeLessThan(DEADLINE_MS + 1_000);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      asOf: expect.any(String),
      currency: 'EUR',
      mrr: money(PRICE),
      activeSubscriptions: 1,
      trialingSubscriptions: 0,
      churnRate: null,
      paymentSuccessRate: null,
      revenue: null,
      newCustomers: 1,
      period,
      degraded: ['payments'],
      unconverted: { mrr: [], revenue: null },
    });
  });

  it('when no source answers in time, the dashboard is a 503 problem', async () => {
    standIn.hang('getSubscriptionSummary', 'getPaymentSummary', 'getCustomerSummary');
    const res = await platform.call('GET', '/dashboard', { token, headers: sandbox, via });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('with the analytics service down', () => {
  it('the dashboard is a 503 problem, and so is a report', async () => {
    await platform.analytics.stop();
    const dashboard = await call('/dashboard');
    expect(dashboard.status).toBe(503);
    expect(dashboard.headers.get('content-type')).toContain('application/problem+json');
    expect(dashboard.body).toMatchObject({ status: 503, detail: expect.stringContaining('analytics') });
    expect((await call('/analytics/mrr')).status).toBe(503);
  });
});
