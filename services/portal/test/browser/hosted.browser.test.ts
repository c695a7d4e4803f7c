import type { Page } from 'playwright-core';
import { eventually, PHONE, screenshot, signIn, chooseEnvironment, startPortal, violationsOf, type Portal } from './support/portal';
import { storefrontBody } from '@azotte/test-support/platform';

/**
 * A storefront goes live with nothing but a link: the hosted checkout and
 * the customer's self-service page, in Debian's Chromium against the real
 * stack, used by role and accessible name as a customer would.
 */
jest.setTimeout(240_000);

let portal: Portal;
let token: string;
let owner: { email: string; password: string };
const sandbox = { 'x-environment': 'sandbox' };
let shop: { storefrontId: string; german: string; basic: string; plus: string };
let couponCode: string;

const call = (method: string, path: string, body?: unknown) => portal.platform.call(method, path, { token, body, headers: sandbox });

async function created(method: string, path: string, body: unknown) {
  const res = await call(method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

beforeAll(async () => {
  portal = await startPortal('portal_hosted');
  const tenant = await portal.platform.createTenant();
  token = tenant.token;
  owner = { email: tenant.adminEmail, password: 'owner-password' };
  // An English storefront in a dark theme with a teal brand colour, and a German one.
  const english = await created('POST', '/storefronts', storefrontBody({
    name: 'Streamly',
    branding: { theme: 'dark', primaryColor: '#0b7a75' },
    regional: { countries: ['US'], defaultCurrency: 'EUR', currencies: ['EUR'], locale: 'en-US', timezone: 'UTC', taxBehavior: 'exclusive' },
  }));
  const german = await created('POST', '/storefronts', storefrontBody({ name: 'Streamly Deutschland', branding: { theme: 'light', primaryColor: '#7a1f5c' } }));
  const bundle = await created('POST', '/bundles', { name: 'Premium', entitlements: [{ key: 'hd', value: true }, { key: 'screens', value: 4 }] });
  const price = async (amount: number) =>
    (await created('POST', `/bundles/${bundle.id}/prices`, { currency: 'EUR', amount, interval: 'month', strategy: 'flat' })).id as string;
  shop = { storefrontId: english.id, german: german.id, basic: await price(999), plus: await price(1999) };
  couponCode = `LAUNCH${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
  const campaign = await created('POST', '/campaigns', { name: 'Launch', offer: { type: 'percent_off', percentOff: 20 }, codes: [{ code: couponCode }] });
  await created('POST', `/campaigns/${campaign.id}/activate`, {});
});
afterAll(async () => {
  await portal?.stop();
});

async function checkoutSession(overrides: Record<string, unknown> = {}) {
  return created('POST', '/checkout-sessions', {
    storefrontId: shop.storefrontId,
    priceIds: [shop.basic, shop.plus],
    successUrl: `${portal.url}/thanks`,
    cancelUrl: `${portal.url}/plans`,
    ...overrides,
  });
}

const email = () => `buyer-${Math.random().toString(36).slice(2, 10)}@example.com`;

async function fillCard(page: Page, number: string) {
  await page.getByLabel('Card number').fill(number);
  await page.getByLabel('Expiry month').fill('12');
  await page.getByLabel('Expiry year').fill('2040');
  await page.getByLabel('CVC').fill('123');
}

const mrr = async () => (await call('GET', '/dashboard')).body.mrr.amount as number;

test('a checkout with 4242 reaches the success URL, the subscription is active, and the dashboard\'s MRR grows by its amount', async () => {
  const before = await mrr();
  const session = await checkoutSession();
  const { page, problems } = await portal.open();
  await page.goto(session.url);
  await page.getByRole('heading', { name: 'Streamly' }).first().waitFor();
  // The storefront's look, as rendered: a dark page and the brand colour on the main button.
  const subscribe = page.getByRole('button', { name: 'Subscribe' });
  const looks = await subscribe.evaluate((button) => ({
    button: getComputedStyle(button).backgroundColor,
    page: getComputedStyle(document.body).backgroundColor,
  }));
  expect(looks.button).toBe('rgb(11, 122, 117)');
  const [r, g, b] = looks.page.match(/\d+/g)!.map(Number);
  expect(0.2126 * r! + 0.7152 * g! + 0.0722 * b!).toBeLessThan(60);
  // The bundle, its entitlements, each price per month; the sandbox says so and lists the test cards.
  await page.getByText('Premium').first().waitFor();
  await page.getByRole('radio', { name: '€9.99 / month' }).waitFor();
  await page.getByRole('note').getByText(/4242\s?4242\s?4242\s?4242/).first().waitFor();
  expect(await violationsOf(page)).toBe('');
  await screenshot(page, 'hosted-checkout-dark');

  await page.getByRole('radio', { name: '€9.99 / month' }).check();
  await page.getByLabel('Email').fill(email());
  await fillCard(page, '4242424242424242');
  await subscribe.click();
  await page.waitForURL(/\/thanks\?session_id=cs_/);
  expect(new URL(page.url()).searchParams.get('session_id')).toBe(session.id);

  const done = (await call('GET', `/checkout-sessions/${session.id}`)).body;
  expect(done).toMatchObject({ status: 'complete', priceId: shop.basic });
  expect((await call('GET', `/subscriptions/${done.subscriptionId}`)).body.status).toBe('active');
  await eventually(async () => expect(await mrr()).toBe(before + 999), 20_000);
  expect(problems).toEqual([]);
});

test('4000000000000002 shows the decline and creates no subscription; then 4242 in the same session succeeds', async () => {
  const session = await checkoutSession();
  const { page } = await portal.open();
  await page.goto(session.url);
  await page.getByLabel('Email').fill(email());
  await fillCard(page, '4000000000000002');
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await page.getByText('Your card was declined.').waitFor();
  expect((await call('GET', `/checkout-sessions/${session.id}`)).body).toMatchObject({ status: 'open', subscriptionId: null });
  await screenshot(page, 'hosted-checkout-declined');

  await page.getByLabel('Card number').fill('4242424242424242');
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await page.waitForURL(/session_id=cs_/);
  const done = (await call('GET', `/checkout-sessions/${session.id}`)).body;
  expect(done.status).toBe('complete');
  expect((await call('GET', `/subscriptions?customerId=${done.customerId}`)).body.data).toHaveLength(1);
});

test('a valid coupon lowers the first invoice, an unknown one is refused in words; two Subscribe clicks make one subscription', async () => {
  const session = await checkoutSession({ priceIds: [shop.basic] });
  const { page } = await portal.open();
  await page.goto(session.url);
  const coupon = page.getByLabel('Coupon code');
  await coupon.fill('NOSUCHCODE');
  await page.getByText('There is no such code.').waitFor();
  await coupon.fill(couponCode.toLowerCase());
  await page.getByText(/20 % off/).first().waitFor();
  await page.getByLabel('Email').fill(email());
  await fillCard(page, '4242424242424242');
  await page.getByRole('button', { name: 'Subscribe' }).dblclick();
  await page.waitForURL(/session_id=cs_/);

  const done = (await call('GET', `/checkout-sessions/${session.id}`)).body;
  const subs = (await call('GET', `/subscriptions?customerId=${done.customerId}`)).body.data;
  expect(subs).toHaveLength(1);
  const invoice = (await call('GET', `/invoices/${subs[0].latestInvoiceId}`)).body;
  expect(invoice).toMatchObject({ status: 'paid', discount: 200, total: 799 });
});

test('an expired session cannot be paid: its page says so, with the way back', async () => {
  const session = await checkoutSession();
  await created('POST', `/checkout-sessions/${session.id}/expire`, {});
  const { page, problems } = await portal.open();
  await page.goto(session.url);
  await page.getByRole('heading', { name: 'This checkout has expired' }).waitFor();
  expect(await page.getByRole('button', { name: 'Subscribe' }).count()).toBe(0);
  expect(await page.getByRole('link', { name: 'Back' }).getAttribute('href')).toBe(`${portal.url}/plans`);
  expect(problems).toEqual([]);
});

test('a de-DE storefront speaks German and writes money the German way', async () => {
  const session = await checkoutSession({ storefrontId: shop.german, priceIds: [shop.basic] });
  const { page } = await portal.open(PHONE);
  await page.goto(session.url);
  await page.getByRole('heading', { name: 'Streamly Deutschland' }).first().waitFor();
  await page.getByText(/9,99\s€/).first().waitFor();
  await page.getByRole('button', { name: 'Abonnieren' }).waitFor();
  await screenshot(page, 'hosted-checkout-de');
});

test('the customer page cancels at period end, undoes it, changes the price after showing the proration, and prints an invoice', async () => {
  const session = await checkoutSession({ priceIds: [shop.basic] });
  const buyer = email();
  const { page } = await portal.open();
  await page.goto(session.url);
  await page.getByLabel('Email').fill(buyer);
  await fillCard(page, '4242424242424242');
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await page.waitForURL(/session_id=cs_/);
  const customerId = (await call('GET', `/checkout-sessions/${session.id}`)).body.customerId as string;

  const portalSession = await created('POST', '/customer-portal-sessions', { customerId, returnUrl: `${portal.url}/account` });
  await page.goto(portalSession.url);
  await page.getByRole('heading', { name: 'Your subscriptions' }).waitFor();
  await page.getByText(/Renews on .* for €9\.99/).waitFor();
  expect(await violationsOf(page)).toBe('');
  await screenshot(page, 'hosted-customer-portal');

  await page.getByRole('button', { name: 'Cancel subscription' }).click();
  await page.getByRole('button', { name: 'Yes, cancel' }).click();
  await page.getByText(/Ends on/).first().waitFor();
  await page.getByRole('button', { name: 'Keep subscription' }).click();
  await page.getByText(/Renews on/).waitFor();
  const sub = (await call('GET', `/subscriptions?customerId=${customerId}`)).body.data[0];
  expect(sub.cancelAtPeriodEnd).toBe(false);

  await page.getByRole('button', { name: 'Change plan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change plan' });
  await dialog.getByRole('radio', { name: /€19\.99/ }).check();
  await dialog.getByText('Due now').waitFor();
  await screenshot(page, 'hosted-change-plan');
  await dialog.getByRole('button', { name: 'Confirm change' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('article').getByText('€19.99 / month').waitFor();
  expect((await call('GET', `/subscriptions/${sub.id}`)).body.priceId).toBe(shop.plus);

  const invoices = page.getByRole('table', { name: 'Invoices' });
  await invoices.getByRole('link', { name: 'View' }).first().click();
  await page.getByRole('button', { name: 'Print' }).waitFor();
  await page.getByText('Billed to').waitFor();
  await page.getByText(buyer).waitFor();
  // Lines name the plan, not the catalog's ids.
  await page.getByRole('table').getByText('Unused time on Premium').waitFor();
  expect(await page.getByText(/price_|bun_/).count()).toBe(0);
  await screenshot(page, 'hosted-invoice');
  await page.emulateMedia({ media: 'print' });
  expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
});

test('an Administrator shares a checkout link from the storefront\'s page, and the link opens that checkout', async () => {
  const { page, problems } = await portal.open();
  await signIn(page, owner.email, owner.password);
  await chooseEnvironment(page, 'sandbox');
  await page.goto(`${portal.url}/storefronts/${shop.storefrontId}`);
  await page.getByRole('button', { name: 'Share checkout link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share checkout link' });
  await dialog.getByLabel('Bundle').selectOption({ label: 'Premium' });
  await dialog.getByRole('checkbox', { name: '€9.99 per month' }).check();
  await dialog.getByLabel('Success URL').fill('https://shop.example/thanks');
  await dialog.getByLabel('Cancel URL').fill('https://shop.example/plans');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const link = dialog.getByRole('textbox', { name: 'Checkout link' });
  await link.waitFor();
  const url = await link.inputValue();
  expect(url).toMatch(/\/checkout\/hs_[A-Za-z0-9_-]{43}$/);
  await screenshot(page, 'portal-share-checkout-link');
  expect(problems).toEqual([]);

  const customer = await portal.open();
  await customer.page.goto(url);
  await customer.page.getByRole('radio', { name: '€9.99 / month' }).waitFor();
});
