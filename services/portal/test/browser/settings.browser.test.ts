import type { Page } from 'playwright-core';
import {
  accessibilityViolations,
  chooseEnvironment,
  describeViolations,
  DESKTOP,
  eventually,
  PHONE,
  screenshot,
  startPortal,
  type Portal,
  type PortalPage,
  violationsOf,
} from './support/portal';

/**
 * Tenant settings as an Administrator and a Manager meet them, against the
 * real stack: the profile, environments, users, API keys, payment providers,
 * usage and the audit log.
 */
jest.setTimeout(120_000);

let portal: Portal;
let owner: { email: string; password: string; token: string; tenantId: string };

beforeAll(async () => {
  portal = await startPortal('portal_settings');
  const { tenant, token, adminEmail } = await portal.platform.createTenant({ name: 'Streamly' });
  owner = { email: adminEmail, password: 'owner-password', token, tenantId: tenant.id };
}, 180_000);
afterAll(async () => {
  await portal?.stop();
});

/** No toast left over the page when it is looked at. */
async function settle(page: Page): Promise<void> {
  await page.locator('[data-sonner-toast]').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
}

const violations = violationsOf;

/**
 * The page as it is, looked at twice: at 1440×900 and at 390×844, each free
 * of serious accessibility violations and screenshotted; then back to the desktop.
 */
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

/**
 * Signs in straight to `path` (the sign-in page's ?next=), so that only this
 * section's pages are loaded and their problems are the ones counted.
 */
async function signInTo(page: Page, email: string, password: string, path: string): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(path)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === path.split('?')[0]);
  await page.getByRole('combobox', { name: 'Environment' }).waitFor();
}

async function openAsOwner(path: string): Promise<PortalPage> {
  const opened = await portal.open();
  await signInTo(opened.page, owner.email, owner.password, path);
  return opened;
}

const table = (page: Page, name: string) => page.getByRole('table', { name });

describe('an Administrator', () => {
  it('edits the tenant profile: name and exchange rates, the decimal strings kept exactly', async () => {
    const opened = await openAsOwner('/settings');
    const { page } = opened;
    await page.getByRole('heading', { level: 1, name: 'Tenant profile' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Tenant settings' });
    for (const tab of ['Tenant profile', 'Environments', 'Users', 'API keys', 'Payment providers', 'Usage', 'Audit log']) {
      await nav.getByRole('link', { name: tab }).waitFor();
    }
    await page.getByLabel('Name', { exact: true }).fill('Streamly Media');
    await page.getByRole('button', { name: 'Add rate' }).click();
    await page.getByRole('combobox', { name: 'Currency (rate 1)' }).selectOption('USD');
    await page.getByRole('textbox', { name: 'Value of 1 USD in EUR (rate 1)' }).fill('0.920');
    await page.getByRole('button', { name: 'Add rate' }).click();
    await page.getByRole('combobox', { name: 'Currency (rate 2)' }).selectOption('GBP');
    await page.getByRole('textbox', { name: 'Value of 1 GBP in EUR (rate 2)' }).fill('1.1700000000000001');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Tenant profile saved').waitFor();

    const stored = await portal.platform.call('GET', `/tenants/${owner.tenantId}`, { token: owner.token });
    expect(stored.body).toMatchObject({ name: 'Streamly Media', fxRates: { USD: '0.920', GBP: '1.1700000000000001' } });
    await page.reload();
    expect(await page.getByRole('textbox', { name: 'Value of 1 GBP in EUR (rate 1)' }).inputValue()).toBe('1.1700000000000001');
    expect(await page.getByRole('textbox', { name: 'Value of 1 USD in EUR (rate 2)' }).inputValue()).toBe('0.920');
    await inspect(opened, 'settings-profile');
  });

  it('refuses a rate that is not a positive decimal, beside that rate', async () => {
    const { page, problems } = await openAsOwner('/settings');
    await page.getByRole('textbox', { name: 'Value of 1 USD in EUR (rate 2)' }).fill('-0.9');
    await page.getByRole('button', { name: 'Save profile' }).click();
    const rate = page.getByRole('textbox', { name: 'Value of 1 USD in EUR (rate 2)' });
    await page.getByText('must be a positive decimal such as 0.92').waitFor();
    expect(await rate.getAttribute('aria-invalid')).toBe('true');
    expect(problems).toEqual([]);
  });

  it('creates an environment, and is told beside the name when it exists', async () => {
    const opened = await openAsOwner('/settings/environments');
    const { page } = opened;
    await page.getByRole('heading', { level: 1, name: 'Environments' }).waitFor();
    await page.getByRole('button', { name: 'Create environment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create environment' });
    await dialog.getByLabel('Name').fill('staging');
    await dialog.getByLabel('Kind').selectOption('sandbox');
    await dialog.getByRole('button', { name: 'Create environment' }).click();
    await table(page, 'Environments').getByRole('cell', { name: 'staging' }).waitFor();
    // The environment switch offers it at once.
    await page.getByRole('combobox', { name: 'Environment' }).locator('option', { hasText: 'staging' }).waitFor({ state: 'attached' });

    await page.getByRole('button', { name: 'Create environment' }).click();
    await dialog.getByLabel('Name').fill('sandbox');
    await dialog.getByRole('button', { name: 'Create environment' }).click();
    await dialog.getByText('An environment named "sandbox" already exists.').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await inspect(opened, 'settings-environments');
  });

  it('creates an API key, shown once with a copy button and never again, and revokes it', async () => {
    const opened = await openAsOwner('/settings/api-keys');
    const { page, context } = opened;
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    await page.getByText('No API keys yet').waitFor();
    // The empty list offers it too: the page header's is the first.
    await page.getByRole('button', { name: 'Create API key' }).first().click();
    const form = page.getByRole('dialog', { name: 'Create API key' });
    await form.getByLabel('Name').fill('Billing backend');
    await form.getByLabel('Role').selectOption('operator');
    await form.getByLabel('Environment').selectOption('sandbox');
    await form.getByRole('button', { name: 'Create API key' }).click();

    const shown = page.getByRole('dialog', { name: 'Your new API key' });
    await shown.getByText('This key will not be shown again.', { exact: false }).waitFor();
    const key = await shown.getByRole('textbox', { name: /API key/ }).inputValue();
    expect(key).toMatch(/^azk_/);
    await settle(page);
    expect(await violations(page)).toBe('');
    await screenshot(page, 'settings-api-key-created');
    await page.setViewportSize(PHONE);
    expect(await violations(page)).toBe('');
    await screenshot(page, 'settings-api-key-created');
    await page.setViewportSize(DESKTOP);
    await shown.getByRole('button', { name: 'Copy API key' }).click();
    await shown.getByText('Copied').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

    // The key works, with its role, in its environment.
    const me = await portal.platform.call('GET', '/me', { token: key });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ role: 'operator', environment: { name: 'sandbox' } });

    await shown.getByRole('button', { name: 'Done' }).click();
    const keys = table(page, 'API keys');
    const row = keys.getByRole('row', { name: /Billing backend/ });
    await row.waitFor();
    expect(await page.content()).not.toContain(key);
    await row.getByText(key.slice(0, 12)).waitFor();
    await page.reload();
    await row.waitFor();
    expect(await page.content()).not.toContain(key);

    await row.getByRole('button', { name: 'Revoke Billing backend' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke Billing backend?' });
    await confirm.getByRole('button', { name: 'Revoke' }).click();
    await row.getByText('Revoked').waitFor();
    await page.getByText('Billing backend revoked').waitFor();
    expect(await row.getByRole('button', { name: 'Revoke Billing backend' }).count()).toBe(0);
    expect((await portal.platform.call('GET', '/me', { token: key })).status).toBe(401);
    await inspect(opened, 'settings-api-keys');
  });

  it('adds a user with a role, changes the role in place, and disables them after confirming', async () => {
    const opened = await openAsOwner('/settings/users');
    const { page } = opened;
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add user' });
    await dialog.getByLabel('Email').fill('mia@streamly.test');
    await dialog.getByLabel('Name').fill('Mia Manager');
    await dialog.getByLabel('Password').fill('short');
    await dialog.getByLabel('Role').selectOption('manager');
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await dialog.getByText('must be at least 10 characters').waitFor();
    await dialog.getByLabel('Password').fill('mia-password-1');
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await page.getByText('mia@streamly.test added').waitFor();

    const users = table(page, 'Users');
    const role = users.getByRole('combobox', { name: 'Role of mia@streamly.test' });
    expect(await role.inputValue()).toBe('manager');
    await role.selectOption('operator');
    await page.getByText('Mia Manager is now Operator').waitFor();
    await page.reload();
    expect(await role.inputValue()).toBe('operator');
    expect((await portal.platform.call('POST', '/auth/login', { body: { email: 'mia@streamly.test', password: 'mia-password-1' } })).status).toBe(200);

    const row = users.getByRole('row', { name: /mia@streamly\.test/ });
    await row.getByRole('button', { name: 'Disable mia@streamly.test' }).click();
    await page.getByRole('dialog', { name: 'Disable Mia Manager?' }).getByRole('button', { name: 'Disable' }).click();
    await row.getByText('Disabled', { exact: true }).waitFor();
    expect((await portal.platform.call('POST', '/auth/login', { body: { email: 'mia@streamly.test', password: 'mia-password-1' } })).status).toBe(401);
    await row.getByRole('button', { name: 'Enable mia@streamly.test' }).click();
    await page.getByRole('dialog', { name: 'Enable Mia Manager?' }).getByRole('button', { name: 'Enable' }).click();
    await row.getByText('Active', { exact: true }).waitFor();
    await inspect(opened, 'settings-users');
  });

  it('enables a payment provider with write-only credentials: only a masked hint comes back', async () => {
    const opened = await openAsOwner('/settings/payment-providers');
    const { page } = opened;
    await page.getByRole('heading', { level: 1, name: 'Payment providers' }).waitFor();
    await page.getByText('The sandbox provider is always on in sandbox environments', { exact: false }).waitFor();
    const card = page.getByRole('region', { name: 'Sandbox' });
    await card.getByText('Disabled', { exact: true }).waitFor();
    await card.getByRole('switch', { name: 'Enable Sandbox' }).check();
    await card.getByLabel('Name (credential 1)').fill('apiKey');
    await card.getByLabel('Secret value (credential 1)').fill('sk_test_secret_9876');
    await card.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Sandbox settings saved').waitFor();
    await card.getByText('••••9876').waitFor();
    await card.getByText('Enabled', { exact: true }).waitFor();
    expect(await card.getByLabel('Secret value (credential 1)').inputValue()).toBe('');
    expect(await card.getByLabel('Name (credential 1)').inputValue()).toBe('');
    expect(await page.content()).not.toContain('sk_test_secret_9876');
    const stored = await portal.platform.call('GET', '/payment-providers', { token: owner.token });
    expect(JSON.stringify(stored.body)).not.toContain('sk_test_secret_9876');
    await inspect(opened, 'settings-payment-providers');

    // In a sandbox environment the sandbox provider cannot be turned off, and says so.
    await chooseEnvironment(page, 'sandbox');
    const sandboxSwitch = page.getByRole('region', { name: 'Sandbox' }).getByRole('switch', { name: 'Enable Sandbox' });
    await page.getByText('Always on in sandbox environments.').waitFor();
    expect(await sandboxSwitch.isDisabled()).toBe(true);
    expect(await sandboxSwitch.isChecked()).toBe(true);
    await inspect(opened, 'settings-payment-providers-sandbox');
  });

  it('shows the usage of a month, and of the month before', async () => {
    const opened = await openAsOwner('/settings/usage');
    const { page } = opened;
    await page.getByRole('heading', { level: 1, name: 'Usage' }).waitFor();
    for (const stat of ['API calls', 'Events', 'Active subscriptions', 'Customers']) await page.getByRole('group', { name: stat }).waitFor();
    const month = page.getByLabel('Month', { exact: true });
    const current = await month.inputValue();
    expect(current).toMatch(/^\d{4}-\d{2}$/);
    expect(await page.getByRole('button', { name: 'Next month' }).isDisabled()).toBe(true);
    await inspect(opened, 'settings-usage');
    await page.getByRole('button', { name: 'Previous month' }).click();
    await page.waitForURL(/month=\d{4}-\d{2}/);
    const previous = new URL(page.url()).searchParams.get('month');
    expect(previous).not.toBe(current);
    await page.waitForFunction((want) => (document.querySelector('input[type="month"]') as HTMLInputElement | null)?.value === want, previous);
    await page.getByRole('group', { name: 'API calls' }).getByText('0', { exact: true }).waitFor();
    expect(opened.problems).toEqual([]);
  });

  it('reads the audit log of those actions: who, what, when, which object; its filters narrow it', async () => {
    const opened = await openAsOwner('/settings/audit-log');
    const { page } = opened;
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const log = table(page, 'Audit log entries');
    await eventually(async () => {
      await page.reload();
      for (const action of ['tenant.api_key.created.v1', 'tenant.api_key.revoked.v1', 'tenant.user.created.v1', 'tenant.user.updated.v1', 'tenant.environment.created.v1']) {
        await log.getByRole('link', { name: `Show only ${action}` }).first().waitFor({ timeout: 1_000 });
      }
    });
    // Who: the owner, named and linked to the users list.
    const revoked = log.getByRole('row', { name: /API key revoked/ });
    await revoked.getByRole('link', { name: owner.email }).waitFor();
    await revoked.getByRole('link', { name: /^key_/ }).waitFor();
    await inspect(opened, 'settings-audit-log');

    // What: one action.
    const rows = log.locator('tbody tr');
    await page.getByLabel('Action').fill('tenant.api_key.revoked.v1');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/action=tenant\.api_key\.revoked\.v1/);
    await eventually(async () => expect(await rows.count()).toBe(1));
    await log.getByRole('row', { name: /API key revoked/ }).waitFor();

    // Which object: the users' history, then one user's.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    // The form is rebuilt from the cleared URL: choose only once that has happened.
    await page.waitForURL((url) => url.search === '');
    await page.getByRole('button', { name: 'Clear filters' }).waitFor({ state: 'detached' });
    await page.getByLabel('Object type').selectOption('user');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/objectType=user/);
    await eventually(async () => {
      const texts = await rows.allInnerTexts();
      expect(texts.length).toBeGreaterThanOrEqual(3);
      for (const text of texts) expect(text).toMatch(/User (created|updated)/);
    });

    // When: nothing from tomorrow on — tomorrow where the browser is (Berlin), not where the test runs.
    const day = await page.evaluate(() => {
      const tomorrow = new Date(Date.now() + 86_400_000);
      return `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
    });
    await page.getByLabel('From').fill(day);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No entry matches these filters').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.waitForURL((url) => url.search === '');
    await log.waitFor();

    // Narrowing by clicking an action's code.
    await log.getByRole('link', { name: 'Show only tenant.environment.created.v1' }).first().click();
    await page.waitForURL(/action=tenant\.environment\.created\.v1/);
    await eventually(async () => expect(await page.getByLabel('Action').inputValue()).toBe('tenant.environment.created.v1'));
    await eventually(async () => {
      for (const text of await rows.allInnerTexts()) expect(text).toContain('Environment created');
    });
    expect(opened.problems).toEqual([]);
  });
});

describe('a Manager', () => {
  it('sees the tenant profile read-only, and no users, API keys, environments, providers or audit log', async () => {
    const { user } = await portal.platform.createUser(owner.token, 'manager');
    const opened = await portal.open();
    const { page } = opened;
    await signInTo(page, user.email, 'user-password-1', '/settings');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tenant settings' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Tenant profile' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Tenant settings' });
    await nav.getByRole('link', { name: 'Usage' }).waitFor();
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Tenant profile', 'Usage']);
    await page.getByText('Your role (Manager) can read the tenant profile but not change it.').waitFor();
    await page.getByRole('cell', { name: '0.920' }).waitFor();
    expect(await page.getByRole('button', { name: 'Save profile' }).count()).toBe(0);
    await inspect(opened, 'settings-profile-manager');

    for (const path of ['/settings/users', '/settings/api-keys', '/settings/environments', '/settings/payment-providers', '/settings/audit-log']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: 'Not allowed' }).waitFor();
      await page.getByText('only Administrators may see and change this. You are signed in with the Manager role.', { exact: false }).waitFor();
      expect(await page.getByRole('table').count()).toBe(0);
      expect(await page.getByRole('alert').count()).toBe(0);
    }
    await inspect(opened, 'settings-not-allowed');
  });
});
