import type { Page } from 'playwright-core';
import { accessibilityViolations, describeViolations, PHONE, screenshot, signIn, startPortal, type Portal } from './support/portal';

/**
 * The sandbox test clock against the real platform: production says clocks
 * live in sandboxes and offers to switch; a month's advance runs the renewal
 * it makes due, says so in words, and the renewal's invoice exists.
 */
jest.setTimeout(240_000);

let portal: Portal;
let owner: { email: string; password: string; token: string };
let subscriptionId: string;

const SANDBOX = { 'X-Environment': 'sandbox' };

async function sandboxCall<T = any>(method: string, path: string, body?: unknown, status = 201): Promise<T> {
  const res = await portal.platform.call<T>(method, path, { token: owner.token, body, headers: { ...SANDBOX, 'Idempotency-Key': `${path}-${Math.random()}` } });
  if (res.status !== status) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

beforeAll(async () => {
  portal = await startPortal('portal_test_clock');
  const { adminEmail, token } = await portal.platform.createTenant({ name: 'Streamly' });
  owner = { email: adminEmail, password: 'owner-password', token };
  const bundle = await sandboxCall<{ id: string }>('POST', '/bundles', { name: 'Premium', entitlements: [{ key: 'hd', value: true }] });
  const price = await sandboxCall<{ id: string }>('POST', `/bundles/${bundle.id}/prices`, { currency: 'EUR', amount: 999, interval: 'month' });
  const customer = await sandboxCall<{ id: string }>('POST', '/customers', { email: 'ann@example.test', name: 'Ann', country: 'DE' });
  await sandboxCall('POST', `/customers/${customer.id}/payment-methods`, { type: 'card', card: { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' } });
  const subscription = await sandboxCall<{ id: string; status: string }>('POST', '/subscriptions', { customerId: customer.id, priceId: price.id });
  expect(subscription.status).toBe('active');
  subscriptionId = subscription.id;
}, 200_000);
afterAll(async () => {
  await portal?.stop();
});

describe('the test clock', () => {
  it('in production says test clocks exist only in sandbox environments, and switches to one', async () => {
    const { page, problems } = await portal.open();
    await signIn(page, owner.email, owner.password);
    await page.goto('/test-clock');
    await page.getByText('Test clocks exist only in sandbox environments.').waitFor();
    expect(describeViolations(await accessibilityViolations(page))).toBe('');
    await screenshot(page, 'test-clock-production');
    await page.getByRole('button', { name: 'Switch to sandbox' }).click();
    await page.getByRole('note', { name: 'Sandbox' }).waitFor();
    await page.getByRole('region', { name: "The environment's now" }).waitFor();
    expect(problems).toEqual([]);
  });

  it('advances a month, reports the renewal in words, and the renewal is invoiced', async () => {
    const { page, problems } = await portal.open();
    await signIn(page, owner.email, owner.password);
    await page.getByRole('combobox', { name: 'Environment' }).selectOption('sandbox');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Test clock' }).click();
    await page.getByRole('heading', { level: 1, name: 'Test clock' }).waitFor();
    await page.getByRole('region', { name: "The environment's now" }).waitFor();
    expect(describeViolations(await accessibilityViolations(page))).toBe('');

    // Advancing to the past is refused beside the field.
    await page.getByLabel('Advance to').fill('2020-01-01T10:00');
    await page.getByRole('button', { name: 'Advance', exact: true }).click();
    await page.getByText("must be later than the environment's now").waitFor();

    await page.getByRole('group', { name: 'Shortcuts' }).getByRole('button', { name: '+1 month' }).click();
    const target = await page.getByLabel('Advance to').inputValue();
    expect(target).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await page.getByRole('button', { name: 'Advance', exact: true }).click();
    const ran = page.getByRole('region', { name: 'What ran' });
    await ran.getByText('1 renewal, 0 trial conversions, 0 retries and 0 cancellations.').waitFor({ timeout: 60_000 });
    await page.getByRole('table', { name: 'Advances made from this tab, newest first' }).getByRole('cell', { name: /^1 renewal/ }).waitFor();
    // The clock moved to the target (read in the browser's zone, Europe/Berlin, as the person typed it).
    const targetInstant = await page.evaluate((value) => new Date(value).getTime(), target);
    const now = await portal.platform.call<{ now: string }>('GET', '/test-clock', { token: owner.token, headers: SANDBOX });
    expect(Date.parse(now.body.now)).toBeGreaterThanOrEqual(targetInstant);

    const invoices = await portal.platform.call<{ data: Array<{ status: string; total: number }> }>('GET', `/invoices?subscriptionId=${subscriptionId}`, {
      token: owner.token,
      headers: SANDBOX,
    });
    expect(invoices.status).toBe(200);
    expect(invoices.body.data).toHaveLength(2);
    expect(invoices.body.data.every((i) => i.status === 'paid' && i.total === 999)).toBe(true);

    // The "moved forward" toast goes by itself; its colours are the shell's Toaster's (richColors), reported to its owner.
    await page.locator('[data-sonner-toast]').first().waitFor({ state: 'detached', timeout: 20_000 });
    expect(describeViolations(await accessibilityViolations(page))).toBe('');
    await screenshot(page, 'test-clock-test-clock');
    expect(problems).toEqual([]);
  });

  it('holds its layout on a phone, with this tab’s advances kept across a visit elsewhere', async () => {
    const { page, problems } = await portal.open(PHONE);
    await signIn(page, owner.email, owner.password);
    await page.getByRole('combobox', { name: 'Environment' }).selectOption('sandbox');
    await page.getByRole('note', { name: 'Sandbox' }).waitFor();
    await page.goto('/test-clock');
    await page.getByRole('group', { name: 'Shortcuts' }).getByRole('button', { name: '+1 day' }).click();
    await page.getByRole('button', { name: 'Advance', exact: true }).click();
    await page.getByRole('region', { name: 'What ran' }).getByText('0 renewals, 0 trial conversions, 0 retries and 0 cancellations.').waitFor({ timeout: 60_000 });
    await page.getByText('Nothing was due in that time.').waitFor();
    await page.locator('[data-sonner-toast]').first().waitFor({ state: 'detached', timeout: 20_000 });
    await page.goto('/');
    await page.goto('/test-clock');
    await page.getByRole('table', { name: 'Advances made from this tab, newest first' }).getByRole('row').nth(1).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(describeViolations(await accessibilityViolations(page))).toBe('');
    await screenshot(page, 'test-clock-test-clock');
    expect(problems).toEqual([]);
  });

  it('is not offered to a Viewer, and says so at its address', async () => {
    const { user } = await portal.platform.createUser(owner.token, 'viewer');
    const { page, problems } = await portal.open();
    await signIn(page, user.email, 'user-password-1');
    await page.getByRole('combobox', { name: 'Environment' }).selectOption('sandbox');
    await page.getByRole('note', { name: 'Sandbox' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Test clock' }).count()).toBe(0);
    await page.goto('/test-clock');
    await page.getByText('Your role does not allow this.').waitFor();
    expect(await page.getByRole('button', { name: 'Advance', exact: true }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
