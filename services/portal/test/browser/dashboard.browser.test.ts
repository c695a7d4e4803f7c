import type { Page } from 'playwright-core';
import { accessibilityViolations, chooseEnvironment, describeViolations, eventually, PHONE, screenshot, signIn, startPortal, type Portal } from './support/portal';

/**
 * The dashboard against the real platform: its figures move by themselves
 * when the business does, an unanswering source is Unavailable (never zero),
 * Getting started follows what exists, and each quick action is one click.
 */
jest.setTimeout(240_000);

let portal: Portal;
let owner: { email: string; password: string; token: string };

const SANDBOX = { 'X-Environment': 'sandbox' };

beforeAll(async () => {
  portal = await startPortal('portal_dashboard');
  const { adminEmail, token } = await portal.platform.createTenant({ name: 'Streamly' });
  owner = { email: adminEmail, password: 'owner-password', token };
}, 180_000);
afterAll(async () => {
  await portal?.stop();
});

/** A call to the API in the sandbox that must answer `status`. */
async function sandboxCall<T = any>(method: string, path: string, body?: unknown, status = 201, token = owner.token): Promise<T> {
  const res = await portal.platform.call<T>(method, path, { token, body, headers: { ...SANDBOX, 'Idempotency-Key': `${path}-${Math.random()}` } });
  if (res.status !== status) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** What README's first session sells: a bundle, a price of 9.99 EUR a month, a customer with a card, a subscription. */
async function sellOneSubscription() {
  const bundle = await sandboxCall<{ id: string }>('POST', '/bundles', { name: 'Premium', entitlements: [{ key: 'hd', value: true }] });
  const price = await sandboxCall<{ id: string }>('POST', `/bundles/${bundle.id}/prices`, { currency: 'EUR', amount: 999, interval: 'month' });
  const customer = await sandboxCall<{ id: string }>('POST', '/customers', { email: 'ann@example.test', name: 'Ann', country: 'DE' });
  await sandboxCall('POST', `/customers/${customer.id}/payment-methods`, { type: 'card', card: { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' } });
  const subscription = await sandboxCall<{ status: string }>('POST', '/subscriptions', { customerId: customer.id, priceId: price.id });
  expect(subscription.status).toBe('active');
}

const figure = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

async function openSandboxDashboard(page: Page, who = owner) {
  await signIn(page, who.email, who.password);
  await chooseEnvironment(page, 'sandbox');
  await page.getByRole('note', { name: 'Sandbox' }).waitFor();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
}

describe('the dashboard', () => {
  it('names the four key metrics, and its MRR and Active Subscriptions move by themselves when a subscription is created', async () => {
    const { page, problems } = await portal.open();
    await openSandboxDashboard(page);
    for (const name of ['Monthly Recurring Revenue', 'Active Subscriptions', 'Churn Rate', 'Payment Success Rate', 'Trialing subscriptions', 'Revenue', 'New customers']) {
      await figure(page, name).waitFor();
    }
    // A tenant just made: analytics may hear of it a moment later, and the page's next refresh shows it.
    await figure(page, 'Monthly Recurring Revenue').getByText('€0.00').waitFor({ timeout: 40_000 });
    await figure(page, 'Active Subscriptions').getByText('0', { exact: true }).waitFor();
    // Nothing to divide by yet: a rate is "—" with the reason, never 0%.
    await figure(page, 'Churn Rate').getByText('No active subscriptions at the start of the period.').waitFor();
    await page.getByRole('img', { name: /^Monthly Recurring Revenue from/ }).waitFor();
    expect(describeViolations(await accessibilityViolations(page))).toBe('');

    await sellOneSubscription();
    // No reload: the page refreshes its own figures (every 15 seconds).
    await figure(page, 'Monthly Recurring Revenue').getByText('€9.99').waitFor({ timeout: 60_000 });
    await figure(page, 'Active Subscriptions').getByText('1', { exact: true }).waitFor({ timeout: 30_000 });
    await figure(page, 'Payment Success Rate').getByText('100%').waitFor({ timeout: 30_000 });
    await figure(page, 'Revenue').getByText('€9.99').waitFor({ timeout: 30_000 });
    await page.getByRole('img', { name: /€9\.99 at the end/ }).waitFor({ timeout: 30_000 });
    const movements = page.getByRole('table', { name: 'MRR movements in the period' });
    await movements.getByRole('row', { name: /New\s+€9\.99/ }).waitFor({ timeout: 30_000 });
    expect(describeViolations(await accessibilityViolations(page))).toBe('');
    await screenshot(page, 'dashboard-dashboard');
    expect(problems).toEqual([]);
  });

  it('marks Getting started by what exists, offers the rest, and can be dismissed for good', async () => {
    const { page, problems } = await portal.open();
    await openSandboxDashboard(page);
    const guide = page.getByRole('region', { name: 'Getting started' });
    const step = (title: string) => guide.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
    await step('1. Initial Setup').getByText('To do').waitFor();
    await step('2. Bundle Creation').getByText('Done').waitFor();
    await step('3. Pricing Setup').getByText('Done').waitFor();
    await step('4. Payment Configuration').getByText('Done').waitFor();
    await step('5. Go Live').getByText('Done').waitFor();
    await guide.getByText('4 of 5 done').waitFor();
    expect(await step('1. Initial Setup').getByRole('link', { name: 'Create a storefront' }).getAttribute('href')).toBe('/storefronts/new');
    await guide.getByRole('button', { name: 'Dismiss Getting started' }).click();
    await guide.waitFor({ state: 'detached' });
    await page.reload();
    await figure(page, 'Monthly Recurring Revenue').getByText('€9.99').waitFor();
    expect(await page.getByRole('region', { name: 'Getting started' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('keeps the period chosen from the presets or a custom range in its URL', async () => {
    const { page, problems } = await portal.open();
    await openSandboxDashboard(page);
    const period = page.getByRole('combobox', { name: 'Period' });
    await period.selectOption({ label: 'Last 7 days' });
    await page.waitForURL(/period=7d/);
    await period.selectOption({ label: 'This month' });
    await page.waitForURL(/period=month/);
    await period.selectOption({ label: 'Custom range' });
    // Days where the browser is (Berlin), which need not be where the test runs.
    const day = (daysAgo: number) =>
      page.evaluate((ago) => {
        const d = new Date(Date.now() - ago * 86_400_000);
        return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      }, daysAgo);
    await page.getByLabel('From', { exact: true }).fill(await day(2));
    await page.getByLabel('To', { exact: true }).fill(await day(0));
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/period=custom&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
    await figure(page, 'Monthly Recurring Revenue').getByText('€9.99').waitFor();
    await page.getByLabel('From', { exact: true }).waitFor();
    expect(describeViolations(await accessibilityViolations(page))).toBe('');
    expect(problems).toEqual([]);
  });

  it('holds its layout on a phone', async () => {
    const { page, problems } = await portal.open(PHONE);
    await openSandboxDashboard(page);
    await figure(page, 'Monthly Recurring Revenue').getByText('€9.99').waitFor();
    await page.getByRole('region', { name: 'Getting started' }).waitFor();
    await page.getByRole('img', { name: /^Monthly Recurring Revenue from/ }).waitFor();
    expect(describeViolations(await accessibilityViolations(page))).toBe('');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'dashboard-dashboard');
    expect(problems).toEqual([]);
  });
});

describe('quick actions', () => {
  it.each([
    ['Create subscription', '/subscriptions/new'],
    ['Process refund', '/payments'],
    ['Manage customers', '/customers'],
    ['Configure campaigns', '/campaigns'],
  ])('"%s" leads to %s in one click', async (name, path) => {
    const { page, problems } = await portal.open();
    await signIn(page, owner.email, owner.password);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByRole('region', { name: 'Quick actions' }).getByRole('link', { name, exact: true }).click();
    await page.waitForURL((url) => url.pathname === path);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(problems).toEqual([]);
  });

  it('offers an Operator only what an Operator may do, and no MRR chart (analytics is not theirs)', async () => {
    const { user } = await portal.platform.createUser(owner.token, 'operator');
    const { page, problems } = await portal.open();
    await signIn(page, user.email, 'user-password-1');
    const actions = page.getByRole('region', { name: 'Quick actions' });
    await actions.getByRole('link', { name: 'Create subscription' }).waitFor();
    await actions.getByRole('link', { name: 'Manage customers' }).waitFor();
    await actions.getByRole('link', { name: 'Configure campaigns' }).waitFor();
    expect(await actions.getByRole('link', { name: 'Process refund' }).count()).toBe(0);
    await figure(page, 'Monthly Recurring Revenue').waitFor();
    expect(await page.getByRole('region', { name: 'MRR and its movements' }).count()).toBe(0);
    expect(describeViolations(await accessibilityViolations(page))).toBe('');
    expect(problems).toEqual([]);
  });
});

describe('when analytics does not answer', () => {
  it('shows the figures as Unavailable with a Retry — never as zeros', async () => {
    const { page, problems } = await portal.open();
    await openSandboxDashboard(page);
    await figure(page, 'Monthly Recurring Revenue').getByText('€9.99').waitFor();
    await portal.platform.analytics.stop();
    // The open page finds out at its next refresh.
    await figure(page, 'Monthly Recurring Revenue').getByText('Unavailable').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Retry' }).first().waitFor();
    for (const name of ['Monthly Recurring Revenue', 'Active Subscriptions', 'Churn Rate', 'Payment Success Rate', 'Revenue', 'New customers']) {
      const text = await figure(page, name).innerText();
      expect(text).toContain('Unavailable');
      expect(text).not.toMatch(/€\s?0|\b0\b|0%/);
    }
    expect(describeViolations(await accessibilityViolations(page))).toBe('');
    await screenshot(page, 'dashboard-unavailable');
    // A fresh load says the same.
    await page.reload();
    await page.getByRole('button', { name: 'Retry' }).first().waitFor({ timeout: 30_000 });
    await eventually(async () => expect(await figure(page, 'Monthly Recurring Revenue').innerText()).toContain('Unavailable'), 30_000);
    // The 503s are the API saying analytics is down, which the page shows; nothing else went wrong.
    const expected = (p: string) => /^503 from GET .*\/api\/v1\/(dashboard|analytics\/)/.test(p) || /status of 503/.test(p);
    expect(problems.filter((p) => !expected(p))).toEqual([]);
  });
});
