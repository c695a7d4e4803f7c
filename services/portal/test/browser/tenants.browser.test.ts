import type { Page } from 'playwright-core';
import { accessibilityViolations, describeViolations, DESKTOP, PHONE, screenshot, signIn, startPortal, type Portal, type PortalPage, violationsOf } from './support/portal';

/**
 * The platform administrator's tenants against the real stack: listing and
 * creating tenants, a taken slug, a tenant's page, and acting in it.
 */
jest.setTimeout(120_000);

let portal: Portal;

beforeAll(async () => {
  portal = await startPortal('portal_tenants');
}, 180_000);
afterAll(async () => {
  await portal?.stop();
});

const violations = violationsOf;

async function settle(page: Page): Promise<void> {
  await page.locator('[data-sonner-toast]').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
}

/** Accessible and screenshotted at 1440×900 and 390×844; then back to the desktop. */
async function inspect({ page, problems }: PortalPage, name: string): Promise<void> {
  await settle(page);
  expect(await violations(page)).toBe('');
  await screenshot(page, name);
  await page.setViewportSize(PHONE);
  expect(await violations(page)).toBe('');
  await screenshot(page, name);
  await page.setViewportSize(DESKTOP);
  expect(problems).toEqual([]);
}

async function signInAsPlatform(): Promise<PortalPage> {
  const opened = await portal.open();
  await signIn(opened.page, portal.platform.admin.email, portal.platform.admin.password);
  return opened;
}

/** The error shown beside a field: the element its aria-describedby names that holds `text`. */
async function describedBy(page: Page, field: ReturnType<Page['getByRole']>): Promise<string> {
  const ids = (await field.getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(ids.split(' ').filter(Boolean).map((id) => page.locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}

const slug = `streamly-eu-${Math.random().toString(36).slice(2, 7)}`;

describe('the platform administrator', () => {
  it('lands on the tenants, and creates one that then appears in the list', async () => {
    const opened = await signInAsPlatform();
    const { page } = opened;
    await page.waitForURL(/\/tenants$/);
    await page.getByRole('heading', { level: 1, name: 'Tenants' }).waitFor();
    await page.getByText('No tenants yet').waitFor();
    await page.getByRole('button', { name: 'Create tenant' }).first().click();

    const dialog = page.getByRole('dialog', { name: 'Create tenant' });
    await dialog.getByLabel('Name', { exact: true }).first().fill('Streamly Europe');
    // The slug follows the name until it is edited.
    expect(await dialog.getByLabel('Slug').inputValue()).toBe('streamly-europe');
    await dialog.getByLabel('Slug').fill(slug);
    await dialog.getByLabel('Reporting currency').selectOption('EUR');
    await dialog.getByRole('button', { name: 'Add rate' }).click();
    await dialog.getByRole('combobox', { name: 'Currency (rate 1)' }).selectOption('USD');
    await dialog.getByRole('textbox', { name: 'Value of 1 USD in EUR (rate 1)' }).fill('0.920');
    const admin = dialog.getByRole('group', { name: 'First administrator' });
    await admin.getByLabel('Email').fill(`owner@${slug}.test`);
    await admin.getByLabel('Name').fill('Olivia Owner');
    await admin.getByLabel('Password').fill('short');
    await dialog.getByRole('button', { name: 'Create tenant' }).click();
    await admin.getByText('must be at least 10 characters').waitFor();
    await admin.getByLabel('Password').fill('owner-password-1');
    expect(await violations(page)).toBe('');
    await screenshot(page, 'tenants-create');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'tenants-create');
    await page.setViewportSize(DESKTOP);
    await dialog.getByRole('button', { name: 'Create tenant' }).click();
    await page.getByText('Tenant Streamly Europe created').waitFor();

    const list = page.getByRole('table', { name: 'Tenants' });
    const row = list.getByRole('row', { name: /Streamly Europe/ });
    await row.getByRole('link', { name: 'Streamly Europe' }).waitFor();
    await row.getByText(slug).waitFor();
    await row.getByText('production, sandbox').waitFor();
    // Made as the form said: rates exact, and its administrator can sign in.
    const token = await portal.platform.login(`owner@${slug}.test`, 'owner-password-1');
    const me = await portal.platform.call('GET', '/me', { token });
    const stored = await portal.platform.call('GET', `/tenants/${me.body.tenantId}`, { token });
    expect(stored.body).toMatchObject({ name: 'Streamly Europe', slug, reportingCurrency: 'EUR', fxRates: { USD: '0.920' } });
    await inspect(opened, 'tenants-list');
  });

  it('is told beside the slug field that a slug is taken', async () => {
    const opened = await signInAsPlatform();
    const { page } = opened;
    await page.getByRole('heading', { level: 1, name: 'Tenants' }).waitFor();
    await page.getByRole('button', { name: 'Create tenant' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Create tenant' });
    await dialog.getByLabel('Name', { exact: true }).first().fill('Streamly Again');
    await dialog.getByLabel('Slug').fill(slug);
    const admin = dialog.getByRole('group', { name: 'First administrator' });
    await admin.getByLabel('Email').fill(`someone@${slug}.test`);
    await admin.getByLabel('Password').fill('owner-password-2');
    await dialog.getByRole('button', { name: 'Create tenant' }).click();
    const field = dialog.getByRole('textbox', { name: 'Slug' });
    await dialog.getByText(`The slug "${slug}" is taken.`).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(page, field)).toContain(`The slug "${slug}" is taken.`);
    await inspect(opened, 'tenants-slug-taken');
  });

  it('opens a tenant’s page, acts in it (its dashboard and customers open), and goes back to the platform', async () => {
    const opened = await signInAsPlatform();
    const { page } = opened;
    await page.getByRole('table', { name: 'Tenants' }).getByRole('link', { name: 'Streamly Europe' }).click();
    await page.waitForURL(/\/tenants\/ten_/);
    await page.getByRole('heading', { level: 1, name: 'Streamly Europe' }).waitFor();
    const environments = page.getByRole('table', { name: 'Environments of the tenant' });
    await environments.getByRole('cell', { name: 'production', exact: true }).waitFor();
    await environments.getByRole('cell', { name: 'sandbox', exact: true }).waitFor();
    await page.getByRole('region', { name: 'Exchange rates' }).getByText('0.920').waitFor();
    await inspect(opened, 'tenants-detail');

    await page.getByRole('button', { name: 'Act in this tenant' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByText('Acting in Streamly Europe').waitFor();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
    await page.waitForURL(/\/customers$/);
    await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
    await page.getByText('Acting in Streamly Europe').waitFor();
    // The tenant's own settings, as its Administrator sees them.
    await page.goto('/settings');
    await page.getByRole('heading', { level: 1, name: 'Tenant profile' }).waitFor();
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Streamly Europe');

    // The list marks the tenant acted in; the way back leaves it.
    await page.goto('/tenants');
    await page.getByRole('table', { name: 'Tenants' }).getByRole('row', { name: /Streamly Europe/ }).getByText('Acting in it now').waitFor();
    await page.getByRole('button', { name: 'Back to the platform' }).click();
    await page.waitForURL(/\/tenants$/);
    expect(await page.getByText('Acting in Streamly Europe').count()).toBe(0);
    await page.getByRole('button', { name: 'Act in Streamly Europe' }).waitFor();
    expect(opened.problems).toEqual([]);
  });
});

describe('anyone else', () => {
  it('is told in words that tenants are the platform administrator’s', async () => {
    const { adminEmail } = await portal.platform.createTenant();
    const opened = await portal.open();
    const { page } = opened;
    await signIn(page, adminEmail, 'owner-password');
    await page.goto('/tenants');
    await page.getByRole('heading', { level: 1, name: 'Not allowed' }).waitFor();
    await page.getByText('Only the platform administrator manages tenants.').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await inspect(opened, 'tenants-not-allowed');
  });
});
