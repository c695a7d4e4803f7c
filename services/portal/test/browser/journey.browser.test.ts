import type { Page } from 'playwright-core';
import { chooseEnvironment, screenshot, signIn, startPortal, violationsOf, type Portal } from './support/portal';

/**
 * The product description's Getting Started, done in the browser by someone
 * who has never seen Azotte: the platform administrator creates the tenant;
 * its administrator sets up a storefront, a bundle and its price in the
 * sandbox, sells it to a customer with a sandbox card, watches the dashboard
 * move, refunds part of the payment, and moves the test clock to see the
 * renewal — nothing through the API, everything by role and name.
 */
jest.setTimeout(300_000);

let portal: Portal;
beforeAll(async () => {
  portal = await startPortal('portal_journey');
});
afterAll(async () => {
  await portal?.stop();
});

const main = (page: Page) => page.locator('main');
const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
const figure = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

test('from an empty platform to a renewed subscription, in the browser', async () => {
  const owner = { email: 'olivia@streamly.test', password: 'owner-password-1' };

  // 1. The platform administrator creates the tenant and its first administrator.
  const platform = await portal.open();
  await signIn(platform.page, portal.platform.admin.email, portal.platform.admin.password);
  await heading(platform.page, 'Tenants');
  await platform.page.getByRole('button', { name: 'Create tenant' }).first().click();
  const create = platform.page.getByRole('dialog', { name: 'Create tenant' });
  await create.getByLabel('Name', { exact: true }).first().fill('Streamly');
  await create.getByLabel('Reporting currency').selectOption('EUR');
  const admin = create.getByRole('group', { name: 'First administrator' });
  await admin.getByLabel('Email').fill(owner.email);
  await admin.getByLabel('Name').fill('Olivia Owner');
  await admin.getByLabel('Password').fill(owner.password);
  await create.getByRole('button', { name: 'Create tenant' }).click();
  await platform.page.getByText('Tenant Streamly created').waitFor();
  expect(platform.problems).toEqual([]);

  // 2. Its administrator signs in and goes to the sandbox: the banner says so.
  const { page, problems } = await portal.open();
  await signIn(page, owner.email, owner.password);
  await chooseEnvironment(page, 'sandbox');
  await page.getByRole('note', { name: 'Sandbox' }).waitFor();
  await heading(page, 'Dashboard');
  await page.getByRole('heading', { name: 'Getting started' }).waitFor();
  await screenshot(page, 'journey-1-empty-dashboard');

  // 3. Initial setup: the first storefront.
  await nav(page, 'Storefronts');
  await main(page).getByRole('link', { name: 'Create storefront' }).first().click();
  await heading(page, 'Create storefront');
  await page.getByRole('textbox', { name: 'Name' }).fill('Streamly Germany');
  const countries = page.getByRole('combobox', { name: 'Countries' });
  await countries.fill('DE');
  await countries.press('Enter');
  const currencies = page.getByRole('combobox', { name: 'Currencies' });
  await currencies.fill('EUR');
  await currencies.press('Enter');
  await page.getByRole('combobox', { name: 'Default currency' }).selectOption('EUR');
  await page.getByRole('combobox', { name: 'Locale' }).fill('de-DE');
  await page.getByRole('combobox', { name: 'Time zone' }).selectOption('Europe/Berlin');
  await page.getByRole('button', { name: 'Create storefront' }).click();
  await page.waitForURL(/\/storefronts\/sf_/);
  await heading(page, 'Streamly Germany');

  // 4. Bundle creation, 5. pricing: Premium at 9.99 a month.
  await nav(page, 'Bundles & pricing');
  await main(page).getByRole('link', { name: 'Create bundle' }).first().click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Premium');
  await page.getByRole('button', { name: 'Add entitlement' }).click();
  await page.getByRole('textbox', { name: 'Key of entitlement 1' }).fill('hd_streaming');
  await page.getByRole('combobox', { name: 'Value of entitlement 1' }).selectOption('true');
  await page.getByRole('button', { name: 'Create bundle' }).click();
  await page.waitForURL(/\/catalog\/bundles\/bun_/);
  await heading(page, 'Premium');
  await page.getByRole('button', { name: 'Add price' }).first().click();
  const priceDialog = page.getByRole('dialog', { name: 'Add price' });
  await priceDialog.getByRole('radio', { name: /^Flat/ }).check();
  await priceDialog.getByRole('textbox', { name: 'Amount per period' }).fill('9.99');
  await priceDialog.getByRole('combobox', { name: 'Billing interval' }).selectOption('month');
  await priceDialog.getByRole('button', { name: 'Create price' }).click();
  await priceDialog.waitFor({ state: 'detached' });
  await main(page).getByRole('link', { name: '€9.99 per month' }).waitFor();

  // 6. Go live in the sandbox: a customer with a test card subscribes.
  await nav(page, 'Customers');
  await main(page).getByRole('link', { name: 'Create customer' }).first().click();
  await page.getByRole('textbox', { name: 'Email' }).fill('ann@example.test');
  await page.getByRole('textbox', { name: /^Name/ }).fill('Ann Example');
  await page.getByRole('textbox', { name: /^Country/ }).fill('DE');
  await page.getByRole('button', { name: 'Create customer' }).click();
  await heading(page, 'Ann Example');
  await page.getByRole('tab', { name: 'Payment methods' }).click();
  await page.getByRole('button', { name: 'Add card' }).click();
  const card = page.getByRole('dialog', { name: 'Add card' });
  await card.getByRole('button', { name: 'Use test card 4242424242424242' }).click();
  await card.getByRole('button', { name: 'Add card' }).click();
  await main(page).getByRole('cell', { name: 'Visa •••• 4242' }).waitFor();
  await page.getByRole('tab', { name: 'Subscriptions' }).click();
  await main(page).getByRole('link', { name: 'Create subscription' }).click();
  await heading(page, 'Create subscription');
  await page.getByRole('radio', { name: /€9\.99 \/ month/ }).check();
  await page.getByRole('button', { name: 'Create subscription' }).click();
  await page.getByRole('status').filter({ hasText: 'Subscription created' }).getByText('Active: the first invoice was paid.').waitFor();
  await screenshot(page, 'journey-2-subscribed');

  // 7. The dashboard shows the sale: MRR and Active Subscriptions move (events reach analytics).
  await nav(page, 'Dashboard');
  await figure(page, 'Monthly Recurring Revenue').getByText('€9.99').waitFor({ timeout: 60_000 });
  await figure(page, 'Active Subscriptions').getByText('1', { exact: true }).waitFor({ timeout: 30_000 });
  expect(await violationsOf(page)).toBe('');
  await screenshot(page, 'journey-3-dashboard');

  // 8. Process refund: part of the payment, from the dashboard's quick action.
  await main(page).getByRole('link', { name: /^Process refund/ }).click();
  await heading(page, 'Payments');
  await main(page).getByRole('button', { name: /^Refund payment pay_/ }).first().click();
  const refund = page.getByRole('dialog', { name: 'Process refund' });
  expect(await refund.getByRole('textbox', { name: 'Amount' }).inputValue()).toBe('9.99');
  await refund.getByRole('textbox', { name: 'Amount' }).fill('2.50');
  await refund.getByRole('button', { name: 'Refund payment' }).click();
  await page.getByText('€2.50 refunded').waitFor();

  // 9. The test clock moves a month on: the renewal runs and is invoiced.
  await nav(page, 'Test clock');
  await heading(page, 'Test clock');
  await page.getByRole('group', { name: 'Shortcuts' }).getByRole('button', { name: '+1 month' }).click();
  await page.getByRole('button', { name: 'Advance', exact: true }).click();
  await page.getByRole('region', { name: 'What ran' }).getByText(/^1 renewal,/).waitFor({ timeout: 60_000 });
  await nav(page, 'Customers');
  await main(page).getByRole('link', { name: /Ann Example/ }).first().click();
  await page.getByRole('tab', { name: 'Invoices' }).click();
  await main(page).getByRole('row').filter({ hasText: '€9.99' }).nth(1).waitFor();
  await screenshot(page, 'journey-4-renewed');

  expect(problems).toEqual([]);
});
