import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { accessibilityViolations, chooseEnvironment, describeViolations, PHONE, screenshot, signIn, startPortal, type Portal } from './support/portal';

/**
 * Analytics & reporting against the real platform: every report draws its
 * chart with the numbers beside it, lists what has no exchange rate instead
 * of dropping it, downloads as CSV, and an Operator reads only the payment
 * report.
 */
jest.setTimeout(240_000);

let portal: Portal;
let owner: { email: string; password: string; token: string };

const SANDBOX = { 'X-Environment': 'sandbox' };

async function sandboxCall<T = any>(method: string, path: string, body?: unknown, status = 201): Promise<T> {
  const res = await portal.platform.call<T>(method, path, { token: owner.token, body, headers: { ...SANDBOX, 'Idempotency-Key': `${path}-${Math.random()}` } });
  if (res.status !== status) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function customerWithCard(email: string, number: string) {
  const customer = await sandboxCall<{ id: string }>('POST', '/customers', { email, name: email.split('@')[0], country: 'DE' });
  await sandboxCall('POST', `/customers/${customer.id}/payment-methods`, { type: 'card', card: { number, expMonth: 12, expYear: 2030, cvc: '123' } });
  return customer.id;
}

/**
 * A small business in the sandbox: a subscription at 9.99 EUR a month, one at
 * 12.00 USD (the tenant has no USD rate), a card that is declined, and a
 * campaign.
 */
async function seedBusiness() {
  const bundle = await sandboxCall<{ id: string }>('POST', '/bundles', { name: 'Premium', entitlements: [{ key: 'hd', value: true }] });
  const eur = await sandboxCall<{ id: string }>('POST', `/bundles/${bundle.id}/prices`, { currency: 'EUR', amount: 999, interval: 'month' });
  const usd = await sandboxCall<{ id: string }>('POST', `/bundles/${bundle.id}/prices`, { currency: 'USD', amount: 1200, interval: 'month' });
  const ann = await customerWithCard('ann@example.test', '4242424242424242');
  const bob = await customerWithCard('bob@example.test', '4242424242424242');
  const eve = await customerWithCard('eve@example.test', '4000000000000341');
  expect((await sandboxCall<{ status: string }>('POST', '/subscriptions', { customerId: ann, priceId: eur.id })).status).toBe('active');
  expect((await sandboxCall<{ status: string }>('POST', '/subscriptions', { customerId: bob, priceId: usd.id })).status).toBe('active');
  // Every charge of this card is declined: the subscription is left incomplete and a failure is counted.
  const declined = await portal.platform.call('POST', '/subscriptions', { token: owner.token, body: { customerId: eve, priceId: eur.id }, headers: SANDBOX });
  expect([201, 402]).toContain(declined.status);
  await sandboxCall('POST', '/campaigns', { name: 'Winter sale', offer: { type: 'percent_off', percentOff: 20 } });
  // Analytics builds its figures from events: wait until it has seen the three attempts.
  for (let i = 0; i < 60; i++) {
    const report = await portal.platform.call('GET', '/analytics/payments', { token: owner.token, headers: SANDBOX });
    const mrr = await portal.platform.call('GET', '/analytics/mrr', { token: owner.token, headers: SANDBOX });
    if (report.body?.attempts >= 3 && mrr.body?.unconverted?.length > 0 && mrr.body?.data?.at(-1)?.mrr === 999) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('analytics did not catch up');
}

beforeAll(async () => {
  portal = await startPortal('portal_analytics');
  const { adminEmail, token } = await portal.platform.createTenant({ name: 'Streamly', fxRates: {} });
  owner = { email: adminEmail, password: 'owner-password', token };
  await seedBusiness();
}, 200_000);
afterAll(async () => {
  await portal?.stop();
});

async function openReport(page: Page, path: string) {
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: 'Analytics & reporting' }).waitFor();
}

async function signInToSandbox(page: Page) {
  await signIn(page, owner.email, owner.password);
  await chooseEnvironment(page, 'sandbox');
  await page.getByRole('note', { name: 'Sandbox' }).waitFor();
}

/** Clicks "Download CSV" and returns the file's lines (the byte-order mark removed). */
async function downloadCsv(page: Page): Promise<{ name: string; lines: string[] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).first().click()]);
  const file = await download.path();
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  return { name: download.suggestedFilename(), lines: text.split('\r\n') };
}

async function checkPage(page: Page, name: string, problems: string[]) {
  expect(describeViolations(await accessibilityViolations(page))).toBe('');
  await screenshot(page, name);
  expect(problems).toEqual([]);
}

describe('analytics & reporting', () => {
  it('opens on the revenue report: a chart, the numbers beside it, the USD it could not convert, and a CSV', async () => {
    const { page, problems } = await portal.open();
    await signInToSandbox(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analytics' }).click();
    await page.waitForURL(/\/analytics\/revenue/);
    const tabs = page.getByRole('navigation', { name: 'Reports' });
    for (const name of ['Revenue', 'MRR', 'Churn', 'Customers', 'Payments', 'Campaigns']) await tabs.getByRole('link', { name, exact: true }).waitFor();
    await page.getByRole('img', { name: /^Net revenue over time: €9\.99 in total/ }).waitFor();
    await page.getByRole('group', { name: 'Net', exact: true }).getByText('Not converted (no rate): 12.00 USD').waitFor();
    await page.getByRole('table', { name: 'Revenue per bucket' }).getByRole('cell', { name: '€9.99' }).first().waitFor();
    const csv = await downloadCsv(page);
    expect(csv.name).toMatch(/^revenue-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.lines[0]).toBe('Date,Group,Group ID,Gross,Refunds,Net,Currency,Converted');
    expect(csv.lines.some((l) => /,9\.99,0\.00,9\.99,EUR,yes$/.test(l))).toBe(true);
    expect(csv.lines.some((l) => /,12\.00,0\.00,12\.00,USD,no \(no rate\)$/.test(l))).toBe(true);
    await checkPage(page, 'analytics-revenue', problems);
  });

  it('groups revenue by currency, as bars per group', async () => {
    const { page, problems } = await portal.open();
    await signInToSandbox(page);
    await openReport(page, '/analytics/revenue');
    await page.getByRole('combobox', { name: 'Group by' }).selectOption({ label: 'Currency' });
    await page.waitForURL(/groupBy=currency/);
    await page.getByRole('img', { name: /^Net revenue per currency: EUR €9\.99/ }).waitFor();
    await page.getByRole('table', { name: 'Revenue per group' }).getByRole('row', { name: /EUR\s+€9\.99/ }).waitFor();
    expect(describeViolations(await accessibilityViolations(page))).toBe('');
    expect(problems).toEqual([]);
  });

  it('draws MRR with its movements, lists them per bucket, and downloads them', async () => {
    const { page, problems } = await portal.open();
    await signInToSandbox(page);
    await openReport(page, '/analytics/mrr?period=7d');
    await page.getByRole('img', { name: /^Monthly Recurring Revenue from .*€9\.99 at the end\. Movements: New €/ }).waitFor();
    await page.getByRole('group', { name: 'MRR at the end of the period' }).getByText('€9.99').waitFor();
    await page.getByRole('group', { name: 'MRR at the end of the period' }).getByText('Not converted (no rate): 12.00 USD').waitFor();
    await page.getByRole('table', { name: 'MRR and its movements per bucket' }).getByRole('row').nth(1).waitFor();
    expect(await page.getByRole('combobox', { name: 'Period' }).inputValue()).toBe('7d');
    const csv = await downloadCsv(page);
    expect(csv.lines[0]).toBe('At,MRR,New,Expansion,Reactivation,Contraction,Churn,Net change,Currency');
    expect(csv.lines.filter(Boolean).at(-1)).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z,9\.99,[\d.]+,0\.00,0\.00,0\.00,0\.00,[\d.]+,EUR$/);
    await checkPage(page, 'analytics-mrr', problems);
  });

  it('reports churn, and customers with ARPU and LTV (saying why one is undefined)', async () => {
    const { page, problems } = await portal.open();
    await signInToSandbox(page);
    await openReport(page, '/analytics/churn');
    await page.getByRole('group', { name: 'Churn Rate' }).getByText('No active subscriptions at the start of the period.').waitFor();
    const churn = await downloadCsv(page);
    expect(churn.lines[0]).toBe('From,To,Active at the start,Churned subscriptions,Churn Rate,MRR lost to churn,Currency');
    expect(churn.lines[1]).toMatch(/,0,0,,0\.00,EUR$/);
    await checkPage(page, 'analytics-churn', problems);

    await page.getByRole('navigation', { name: 'Reports' }).getByRole('link', { name: 'Customers' }).click();
    // Ann pays in EUR, Bob in USD: both are active customers; ARPU divides the MRR that could be converted.
    await page.getByRole('group', { name: 'Active customers' }).getByText('2', { exact: true }).waitFor();
    await page.getByRole('group', { name: 'ARPU' }).getByText(/^€\d+\.\d{2}$/).waitFor();
    await page.getByRole('group', { name: 'LTV' }).getByText(/Needs some churn/).waitFor();
    const customers = await downloadCsv(page);
    expect(customers.lines[0]).toBe('From,To,New customers,Active customers,ARPU,LTV,Churn Rate,Currency');
    expect(customers.lines[1]).toMatch(/,2,2,\d+\.\d{2},,,EUR$/);
    await checkPage(page, 'analytics-customers', problems);
  });

  it('reports payments: success rate, failures by decline code drawn and counted', async () => {
    const { page, problems } = await portal.open();
    await signInToSandbox(page);
    await openReport(page, '/analytics/payments');
    await page.getByRole('group', { name: 'Payment Success Rate' }).getByText('66.7%').waitFor();
    await page.getByRole('img', { name: /^Failed payment attempts by decline code: card_declined 1/ }).waitFor();
    await page.getByRole('table', { name: 'Failed payment attempts per decline code' }).getByRole('row', { name: /card_declined\s+1\s+100%/ }).waitFor();
    await page.getByRole('group', { name: 'Collected' }).getByText('Not converted (no rate): 12.00 USD').waitFor();
    const csv = await downloadCsv(page);
    expect(csv.lines[0]).toBe('Metric,Value,Currency');
    expect(csv.lines).toContain('Failures: card_declined,1,');
    expect(csv.lines).toContain('Collected,9.99,EUR');
    await checkPage(page, 'analytics-payments', problems);
  });

  it('shows campaign performance, all-time, with one campaign in detail', async () => {
    const { page, problems } = await portal.open();
    await signInToSandbox(page);
    await openReport(page, '/analytics/campaigns');
    const list = page.getByRole('table', { name: 'Campaigns and their performance' });
    await list.getByRole('link', { name: 'Winter sale' }).click();
    await page.getByRole('region', { name: 'Performance of Winter sale' }).waitFor();
    await page.getByRole('region', { name: 'Performance of Winter sale' }).getByRole('group', { name: 'Redemptions' }).getByText('0', { exact: true }).waitFor();
    const csv = await downloadCsv(page);
    expect(csv.lines[0]).toBe('Campaign,ID,Status,Redemptions,Revenue,Currency');
    expect(csv.lines[1]).toMatch(/^Winter sale,cmp_\w+,draft,0,0\.00,EUR$/);
    await checkPage(page, 'analytics-campaigns', problems);
  });

  it('holds its layout on a phone', async () => {
    const { page, problems } = await portal.open(PHONE);
    await signInToSandbox(page);
    for (const [path, name] of [
      ['/analytics/revenue', 'analytics-revenue'],
      ['/analytics/mrr', 'analytics-mrr'],
      ['/analytics/payments', 'analytics-payments'],
      ['/analytics/churn', 'analytics-churn'],
      ['/analytics/customers', 'analytics-customers'],
      ['/analytics/campaigns', 'analytics-campaigns'],
    ] as const) {
      await openReport(page, path);
      await page.getByRole('button', { name: 'Download CSV' }).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await checkPage(page, name, problems);
    }
  });
});

describe('an Operator', () => {
  it('sees only the payment report', async () => {
    const { user } = await portal.platform.createUser(owner.token, 'operator');
    const { page, problems } = await portal.open();
    await signIn(page, user.email, 'user-password-1');
    await chooseEnvironment(page, 'sandbox');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analytics' }).click();
    await page.waitForURL(/\/analytics\/payments/);
    const tabs = page.getByRole('navigation', { name: 'Reports' });
    await tabs.getByRole('link', { name: 'Payments' }).waitFor();
    expect(await tabs.getByRole('link').allInnerTexts()).toEqual(['Payments']);
    await page.getByRole('group', { name: 'Payment Success Rate' }).getByText('66.7%').waitFor();
    await page.goto('/analytics/revenue');
    await page.getByText('This report is not part of what your role may read.').waitFor();
    await page.getByRole('link', { name: 'Open the payment report' }).waitFor();
    expect(describeViolations(await accessibilityViolations(page))).toBe('');
    await screenshot(page, 'analytics-operator');
    expect(problems).toEqual([]);
  });
});
