import type { Page } from 'playwright-core';
import { accessibilityViolations, chooseEnvironment, describeViolations, DESKTOP, PHONE, screenshot, signIn, startPortal, type AxeViolation, type Portal, violationsOf } from './support/portal';

/**
 * Customers and billing in the portal, against the real stack: a customer
 * created in the portal, cards, Create subscription and its outcome, a
 * declined card, a partial refund, the API's field errors beside their
 * fields, support requests, erasure, and what a Viewer is (not) offered.
 * Data a flow does not test is set up through the API, in the sandbox.
 */
jest.setTimeout(180_000);

let portal: Portal;
let owner: { email: string; password: string; token: string };
let prices: { monthly: string; premium: string };

const SANDBOX = { 'X-Environment': 'sandbox' };

async function call<T = any>(method: string, path: string, body?: unknown, token = owner.token): Promise<T> {
  const res = await portal.platform.call<T>(method, path, { token, body, headers: SANDBOX });
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

let seq = 0;
/** A customer made through the API, with a card if `card` is given, and a subscription if `subscribe`. */
async function aCustomer(options: { name?: string; card?: string; subscribe?: boolean } = {}) {
  seq += 1;
  const name = options.name ?? `Customer ${seq}`;
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${seq}@example.test`;
  const customer = await call('POST', '/customers', { email, name, country: 'DE' });
  if (options.card) await call('POST', `/customers/${customer.id}/payment-methods`, { type: 'card', card: { number: options.card, expMonth: 12, expYear: 2031, cvc: '123' } });
  const subscription = options.subscribe ? await call('POST', '/subscriptions', { customerId: customer.id, priceId: prices.monthly }) : undefined;
  return { customer, subscription, email, name };
}

const violations = violationsOf;

async function expectAccessible(page: Page) {
  expect(await violations(page)).toBe('');
}

async function signInToSandbox(page: Page, who: { email: string; password: string } = owner) {
  await signIn(page, who.email, who.password);
  await chooseEnvironment(page, 'sandbox');
  await page.getByRole('note', { name: 'Sandbox' }).waitFor();
}

const main = (page: Page) => page.locator('main');

beforeAll(async () => {
  portal = await startPortal('portal_customers');
  const { token, adminEmail } = await portal.platform.createTenant({ name: 'Streamly' });
  owner = { email: adminEmail, password: 'owner-password', token };
  const bundle = await call('POST', '/bundles', { name: 'Streamly Pro', entitlements: [{ key: 'hd', value: true }, { key: 'screens', value: 4 }] });
  const monthly = await call('POST', `/bundles/${bundle.id}/prices`, { currency: 'EUR', amount: 1999, interval: 'month' });
  const premium = await call('POST', `/bundles/${bundle.id}/prices`, { currency: 'EUR', amount: 2999, interval: 'month' });
  prices = { monthly: monthly.id, premium: premium.id };
}, 180_000);

afterAll(async () => {
  await portal?.stop();
});

describe('a customer created in the portal', () => {
  it('gets card 4242, then Create subscription says in words that it is active', async () => {
    const { page, problems } = await portal.open();
    await signInToSandbox(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
    await main(page).getByRole('link', { name: 'Create customer' }).first().click();

    await page.getByRole('heading', { level: 1, name: 'Create customer' }).waitFor();
    await page.getByRole('textbox', { name: 'Email' }).fill('mia@example.test');
    await page.getByRole('textbox', { name: /^Name/ }).fill('Mia Portal');
    await page.getByRole('textbox', { name: /^Country/ }).fill('DE');
    await page.getByRole('button', { name: 'Add metadata' }).click();
    await page.getByRole('textbox', { name: 'Key 1' }).fill('crm');
    await page.getByRole('textbox', { name: 'Value 1' }).fill('A-17');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Create customer' }).click();

    await page.getByRole('heading', { level: 1, name: 'Mia Portal' }).waitFor();
    await page.getByText('A-17').waitFor();
    await page.getByRole('button', { name: 'Edit customer' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit customer' });
    await edit.getByRole('textbox', { name: /^Name/ }).fill('Mia Portalis');
    await edit.getByRole('button', { name: 'Remove metadata 1' }).click();
    await expectAccessible(page);
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mia Portalis' }).waitFor();
    await page.getByText('No metadata.').waitFor();
    await page.getByRole('tab', { name: 'Payment methods' }).click();
    await page.waitForURL(/\?tab=payment-methods$/);
    await page.getByRole('button', { name: 'Add card' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add card' });
    await dialog.getByRole('table', { name: 'Sandbox test cards' }).waitFor();
    await dialog.getByRole('button', { name: 'Use test card 4242424242424242' }).click();
    await expectAccessible(page);
    await screenshot(page, 'customers-add-card');
    await dialog.getByRole('button', { name: 'Add card' }).click();
    await main(page).getByRole('cell', { name: 'Visa •••• 4242' }).waitFor();

    await page.getByRole('tab', { name: 'Subscriptions' }).click();
    await main(page).getByRole('link', { name: 'Create subscription' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create subscription' }).waitFor();
    await main(page).getByText('Mia Portalis').first().waitFor();
    // The tenant sells one bundle: it is chosen already, its prices shown.
    expect(await page.getByRole('combobox', { name: 'Bundle' }).locator('option:checked').textContent()).toBe('Streamly Pro');
    await page.getByRole('radio', { name: /€19\.99 \/ month/ }).check();
    await page.getByRole('combobox', { name: 'Payment method' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Payment method' }).locator('option:checked').textContent()).toBe('Visa •••• 4242 (default)');
    await page.getByText('Each period').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'subscriptions-new');
    await page.getByRole('button', { name: 'Create subscription' }).click();

    const outcome = page.getByRole('status').filter({ hasText: 'Subscription created' });
    await outcome.getByText('Active: the first invoice was paid.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'subscriptions-outcome-active');
    await outcome.getByRole('link', { name: 'View subscription' }).click();
    await page.getByRole('heading', { level: 1, name: 'Streamly Pro' }).waitFor();
    await page.getByText('Paid up; renews on').waitFor();
    expect(problems).toEqual([]);
  });

  it('changes price with the proration shown before confirming, then cancels at period end', async () => {
    const { subscription } = await aCustomer({ card: '4242424242424242', subscribe: true });
    const { page, problems } = await portal.open();
    await signInToSandbox(page);
    await page.goto(`/subscriptions/${subscription.id}`);
    await page.getByRole('button', { name: 'Change price' }).click();
    const change = page.getByRole('dialog', { name: 'Change price' });
    await change.getByText('This is the current price and quantity.').waitFor();
    await change.getByRole('radio', { name: /€29\.99 \/ month/ }).check();
    await change.getByRole('table', { name: 'Proration lines' }).waitFor();
    await change.getByRole('rowheader', { name: 'Charged now' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'subscriptions-change-price');
    await change.getByRole('button', { name: 'Confirm change' }).click();
    await page.getByText('Price changed').waitFor();
    await page.getByText('€29.99 / month').first().waitFor();

    await page.getByRole('button', { name: 'Cancel subscription' }).click();
    const cancel = page.getByRole('dialog', { name: 'Cancel subscription' });
    await cancel.getByRole('radio', { name: /At the end of the current period/ }).check();
    await screenshot(page, 'subscriptions-cancel');
    await cancel.getByRole('button', { name: 'Cancel subscription' }).click();
    await page.getByText(/Cancels at the end of the period/).waitFor();
    expect(problems).toEqual([]);
  });
});

describe('a declined card', () => {
  it('is refused when added, in words beside the number; a card whose charges fail leaves the subscription incomplete with card_declined', async () => {
    const { customer } = await aCustomer({ name: 'Dee Clined' });
    const { page, problems } = await portal.open();
    await signInToSandbox(page);
    await page.goto(`/customers/${customer.id}?tab=payment-methods`);
    await page.getByRole('button', { name: 'Add card' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add card' });
    await dialog.getByRole('button', { name: 'Use test card 4000000000000002' }).click();
    await dialog.getByRole('button', { name: 'Add card' }).click();
    await dialog.getByText('The card was declined. (card_declined)').waitFor();
    expect(await describedBy(page, 'Card number')).toContain('The card was declined. (card_declined)');

    // The sandbox declines 4000000000000002 when it is attached; 4000000000000341 attaches and declines every charge.
    await dialog.getByRole('button', { name: 'Use test card 4000000000000341' }).click();
    await dialog.getByRole('button', { name: 'Add card' }).click();
    await main(page).getByRole('cell', { name: 'Visa •••• 0341' }).waitFor();

    await page.goto(`/subscriptions/new?customerId=${customer.id}`);
    await page.getByRole('combobox', { name: 'Bundle' }).selectOption({ label: 'Streamly Pro' });
    await page.getByRole('radio', { name: /€19\.99 \/ month/ }).check();
    await page.getByRole('combobox', { name: 'Payment method' }).waitFor();
    await page.getByRole('button', { name: 'Create subscription' }).click();
    const outcome = page.getByRole('status').filter({ hasText: 'payment declined' });
    await outcome.getByText('Incomplete: the first payment was declined.').waitFor();
    await outcome.getByText('The card was declined. (card_declined)').waitFor();
    await screenshot(page, 'subscriptions-outcome-incomplete');

    await outcome.getByRole('link', { name: 'Pay the invoice' }).click();
    await page.getByRole('heading', { level: 1, name: /^Invoice for €19\.99$/ }).waitFor();
    await page.getByRole('button', { name: 'Pay invoice' }).click();
    const pay = page.getByRole('dialog', { name: 'Pay invoice' });
    await pay.getByRole('combobox', { name: 'Payment method' }).waitFor();
    await expectAccessible(page);
    await pay.getByRole('button', { name: 'Pay invoice' }).click();
    await pay.getByText('The payment was declined: The card was declined. (card_declined). The attempt is recorded.').waitFor();
    await screenshot(page, 'invoices-pay-declined');
    await pay.getByRole('button', { name: 'Close' }).click();
    await main(page).getByRole('cell', { name: 'The card was declined. (card_declined)' }).nth(1).waitFor();

    // Another card, and the open invoice is paid with it: the subscription becomes active.
    await call('POST', `/customers/${customer.id}/payment-methods`, { type: 'card', card: { number: '4242424242424242', expMonth: 12, expYear: 2031, cvc: '123' } });
    await page.reload();
    await page.getByRole('button', { name: 'Pay invoice' }).click();
    await pay.getByRole('combobox', { name: 'Payment method' }).selectOption({ label: 'Visa •••• 4242' });
    await pay.getByRole('button', { name: 'Pay invoice' }).click();
    await page.getByText('Invoice paid').waitFor();
    await main(page).getByText('Paid', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Pay invoice' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

describe('a partial refund', () => {
  it('starts at what remains, refuses more in the browser, and gives back part of the payment', async () => {
    const { customer } = await aCustomer({ card: '4242424242424242', subscribe: true });
    const [payment] = (await call('GET', `/payments?customerId=${customer.id}`)).data;
    const { page, problems } = await portal.open();
    const refundPosts: string[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && req.url().includes('/refunds')) refundPosts.push(req.url());
    });
    await signInToSandbox(page);
    await page.goto('/payments');
    await page.getByRole('heading', { level: 1, name: 'Payments' }).waitFor();
    await page.getByRole('button', { name: `Refund payment ${payment.id}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Process refund' });
    const amount = dialog.getByRole('textbox', { name: 'Amount' });
    expect(await amount.inputValue()).toBe('19.99');

    await amount.fill('20.00');
    await dialog.getByRole('button', { name: 'Refund payment' }).click();
    await dialog.getByText('must be at most €19.99, what remains').waitFor();
    expect(refundPosts).toEqual([]);

    await amount.fill('5');
    await dialog.getByRole('textbox', { name: /^Reason/ }).fill('Goodwill for an outage');
    await dialog.getByRole('button', { name: 'Refund payment' }).click();
    await page.getByText('€5.00 refunded').waitFor();
    expect(refundPosts).toHaveLength(1);

    await page.goto(`/payments/${payment.id}`);
    await main(page).getByText('Partially refunded').first().waitFor();
    await page.getByRole('button', { name: 'Process refund' }).click();
    expect(await page.getByRole('dialog', { name: 'Process refund' }).getByRole('textbox', { name: 'Amount' }).inputValue()).toBe('14.99');
    await expectAccessible(page);
    await screenshot(page, 'payments-refund');
    expect(problems).toEqual([]);
  });
});

/** The text an input's aria-describedby points at (its hint and its error). */
async function describedBy(page: Page, label: string): Promise<string> {
  return page.getByRole('textbox', { name: label }).evaluate((input) =>
    (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

describe('the API’s field errors', () => {
  it('appear beside the fields they name: a number that passes the digit check but not Luhn is a 400 naming card.number', async () => {
    const { customer } = await aCustomer();
    const { page, problems } = await portal.open();
    await signInToSandbox(page);
    await page.goto(`/customers/${customer.id}?tab=payment-methods`);
    await page.getByRole('button', { name: 'Add card' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add card' });
    await dialog.getByRole('textbox', { name: 'Card number' }).fill('4242 4242 4242 4241');
    await dialog.getByRole('combobox', { name: 'Expiry month' }).selectOption('12');
    await dialog.getByRole('textbox', { name: 'Expiry year' }).fill('2031');
    await dialog.getByRole('textbox', { name: 'CVC' }).fill('123');
    await dialog.getByRole('button', { name: 'Add card' }).click();
    await dialog.getByText('is not a valid card number').waitFor();
    expect(await describedBy(page, 'Card number')).toContain('is not a valid card number');
    expect(await dialog.getByRole('textbox', { name: 'Card number' }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'customers-card-error');

    // A coupon no campaign has: the API's 422 names couponCode, its reason in words beside the field.
    await call('POST', `/customers/${customer.id}/payment-methods`, { type: 'card', card: { number: '4242424242424242', expMonth: 12, expYear: 2031, cvc: '123' } });
    await page.goto(`/subscriptions/new?customerId=${customer.id}`);
    await page.getByRole('radio', { name: /€19\.99 \/ month/ }).check();
    await page.getByRole('textbox', { name: /^Coupon code/ }).fill('NOPE');
    await page.getByRole('combobox', { name: 'Payment method' }).waitFor();
    await page.getByRole('button', { name: 'Create subscription' }).click();
    await page.getByText('Coupon NOPE cannot be used: No campaign has the code NOPE.').waitFor();
    expect(await describedBy(page, 'Coupon code (optional)')).toContain('No campaign has the code NOPE');

    // A taken email is the API's to know: its answer lands beside Email.
    await page.goto('/customers/new');
    await page.getByRole('textbox', { name: 'Email' }).fill(customer.email);
    await page.getByRole('button', { name: 'Create customer' }).click();
    await page.getByText('A customer with this email already exists in this environment.').waitFor();
    expect(await describedBy(page, 'Email')).toContain('already exists');
    expect(problems).toEqual([]);
  });
});

describe('support requests', () => {
  it('are opened, answered in the thread, given a status and a priority', async () => {
    const { customer } = await aCustomer({ name: 'Sue Port' });
    const { page, problems } = await portal.open();
    await signInToSandbox(page);
    await page.goto(`/customers/${customer.id}?tab=support-requests`);
    await page.getByRole('button', { name: 'Open support request' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open support request' });
    await dialog.getByRole('textbox', { name: 'Subject' }).fill('Cannot log in on my TV');
    await dialog.getByRole('textbox', { name: 'Message' }).fill('The app says my subscription is inactive.');
    await dialog.getByRole('combobox', { name: 'Priority' }).selectOption('high');
    await dialog.getByRole('button', { name: 'Open support request' }).click();

    await page.getByRole('heading', { level: 1, name: 'Cannot log in on my TV' }).waitFor();
    await page.getByRole('textbox', { name: 'Reply' }).fill('Thanks — we reset your session, please try again.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText('Thanks — we reset your session, please try again.').waitFor();
    await page.getByRole('combobox', { name: 'Status' }).selectOption('resolved');
    await page.getByRole('combobox', { name: 'Priority' }).selectOption('normal');
    await page.getByRole('button', { name: 'Update request' }).click();
    await page.getByText('Support request updated').waitFor();
    await main(page).locator('.badge').getByText('Resolved', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Sue Port' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Sue Port' }).waitFor();
    await main(page).getByRole('link', { name: 'Cannot log in on my TV' }).waitFor();
    expect(problems).toEqual([]);
  });
});

describe('erasing a customer', () => {
  it('asks first, naming what is removed and what stays', async () => {
    const { customer, email } = await aCustomer({ name: 'Eve Rased', card: '4242424242424242', subscribe: true });
    const { page, problems } = await portal.open();
    await signInToSandbox(page);
    await page.goto(`/customers/${customer.id}`);
    await page.getByRole('button', { name: 'Erase customer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase this customer?' });
    await dialog.getByText(`Erasing ${email} cannot be undone.`).waitFor();
    for (const removed of ['Email', 'Name', 'Language (locale)', 'Metadata', 'Support-request subjects and messages']) await dialog.getByRole('listitem').filter({ hasText: removed }).first().waitFor();
    await dialog.getByText('Money records: subscriptions, invoices, payments, refunds').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'customers-erase');
    await dialog.getByRole('button', { name: 'Erase customer' }).click();
    await page.getByText(/personal data was erased/).waitFor();
    expect(await main(page).getByRole('button', { name: 'Edit customer' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

describe('a Viewer', () => {
  it('sees the customer, its records and its billing with no write action at all', async () => {
    const { customer, subscription } = await aCustomer({ name: 'Val Viewed', card: '4000000000000341', subscribe: true });
    const { user } = await portal.platform.createUser(owner.token, 'viewer');
    const { page, problems } = await portal.open();
    await signInToSandbox(page, { email: user.email, password: 'user-password-1' });
    const writeActions = /^(Create|Edit|Erase|Refund|Process refund|Cancel|Change price|Add card|Make |Open support request|Pay |Send reply|Update)/;
    const noWriteAction = async () => {
      const names = await main(page)
        .getByRole('button')
        .evaluateAll((buttons) => buttons.map((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim()));
      expect(names.filter((n) => writeActions.test(n))).toEqual([]);
      expect(await main(page).getByRole('link', { name: writeActions }).count()).toBe(0);
    };

    await page.goto(`/customers/${customer.id}`);
    await page.getByRole('heading', { level: 1, name: 'Val Viewed' }).waitFor();
    await main(page).getByText(subscription.id).waitFor();
    await noWriteAction();
    for (const tab of ['Invoices', 'Payments', 'Refunds', 'Payment methods', 'Entitlements', 'Support requests']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('tabpanel', { name: tab }).waitFor();
      await page.waitForLoadState('networkidle');
      await noWriteAction();
    }
    await screenshot(page, 'customers-detail-viewer');

    await page.goto(`/subscriptions/${subscription.id}`);
    await page.getByText('Latest decline:').waitFor();
    await noWriteAction();
    await page.goto(`/invoices/${subscription.latestInvoiceId}`);
    await page.getByText('This invoice is open: it has not been paid.').waitFor();
    await noWriteAction();
    await page.goto('/payments');
    await main(page).getByRole('table', { name: 'Payments' }).waitFor();
    await noWriteAction();
    await page.goto('/customers');
    await main(page).getByRole('link', { name: 'Val Viewed' }).waitFor();
    await noWriteAction();
    await page.goto('/subscriptions');
    await page.getByRole('combobox', { name: 'Status' }).selectOption('incomplete');
    await page.waitForURL(/status=incomplete/);
    await page.waitForLoadState('networkidle');
    await main(page).getByText(subscription.id).waitFor();
    expect(await main(page).getByRole('table', { name: 'Subscriptions' }).getByText('Active', { exact: true }).count()).toBe(0);
    await noWriteAction();
    expect(problems).toEqual([]);
  });
});

describe('an Operator', () => {
  it('runs customers and billing but is not offered refunds', async () => {
    const { customer } = await aCustomer({ name: 'Opal Operated', card: '4242424242424242', subscribe: true });
    const [payment] = (await call('GET', `/payments?customerId=${customer.id}`)).data;
    const { user } = await portal.platform.createUser(owner.token, 'operator');
    const { page, problems } = await portal.open();
    await signInToSandbox(page, { email: user.email, password: 'user-password-1' });
    await page.goto(`/customers/${customer.id}?tab=payment-methods`);
    await page.getByRole('button', { name: 'Add card' }).waitFor();
    await page.getByRole('tab', { name: 'Payments' }).click();
    await main(page).getByRole('table', { name: 'Payments of this customer' }).waitFor();
    expect(await main(page).getByRole('link', { name: /^Refund/ }).count()).toBe(0);
    await page.goto('/payments');
    await main(page).getByRole('table', { name: 'Payments' }).waitFor();
    expect(await main(page).getByRole('button', { name: /^Refund/ }).count()).toBe(0);
    await page.goto(`/payments/${payment.id}`);
    await page.getByText('Your role does not allow this. (Operator)').waitFor();
    expect(await page.getByRole('button', { name: 'Process refund' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

describe('the default card', () => {
  it('is the first card, and another card is made the default with one click', async () => {
    const { customer } = await aCustomer({ card: '4242424242424242' });
    const { page, problems } = await portal.open();
    await signInToSandbox(page);
    await page.goto(`/customers/${customer.id}?tab=payment-methods`);
    const cards = main(page).getByRole('table', { name: 'Cards of this customer' });
    await cards.getByRole('row', { name: /Visa •••• 4242.*Default/ }).waitFor();
    await page.getByRole('button', { name: 'Add card' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add card' });
    expect(await dialog.getByRole('checkbox', { name: 'Make this the default card' }).isChecked()).toBe(false);
    await dialog.getByRole('button', { name: 'Use test card 4000000000000341' }).click();
    await dialog.getByRole('button', { name: 'Add card' }).click();
    await cards.getByRole('row', { name: /Visa •••• 0341/ }).waitFor();
    await page.getByRole('button', { name: 'Make Visa •••• 0341 the default' }).click();
    await cards.getByRole('row', { name: /Visa •••• 0341.*Default/ }).waitFor();
    await page.getByRole('button', { name: 'Make Visa •••• 4242 the default' }).waitFor();
    await screenshot(page, 'customers-payment-methods');
    expect(problems).toEqual([]);
  });
});

describe('every page of customers and billing', () => {
  it('is free of serious accessibility problems and holds its layout on a desktop and a phone', async () => {
    const { customer, subscription } = await aCustomer({ name: 'Lay Out', card: '4242424242424242', subscribe: true });
    await call('PATCH', `/customers/${customer.id}`, { locale: 'de-DE', metadata: { crm: 'C-204', plan: 'family' } });
    const [payment] = (await call('GET', `/payments?customerId=${customer.id}`)).data;
    const refund = await call('POST', `/payments/${payment.id}/refunds`, { amount: 500, reason: 'Duplicate charge' });
    const request = await call('POST', `/customers/${customer.id}/support-requests`, { subject: 'Invoice address', body: 'Please put our VAT number on the invoice.', priority: 'normal' });
    await call('POST', `/support-requests/${request.id}/messages`, { body: 'Done — the next invoice carries it.' });
    const declined = await aCustomer({ name: 'Dora Declined', card: '4000000000000341', subscribe: true });

    const pages: Array<[name: string, path: string, ready: string]> = [
      ['customers-list', '/customers', 'Lay Out'],
      ['customers-new', '/customers/new', 'Create customer'],
      ['customers-detail', `/customers/${customer.id}`, 'Profile'],
      ['customers-detail-invoices', `/customers/${customer.id}?tab=invoices`, 'Profile'],
      ['customers-detail-payment-methods', `/customers/${customer.id}?tab=payment-methods`, 'Visa •••• 4242'],
      ['customers-detail-entitlements', `/customers/${customer.id}?tab=entitlements`, 'screens'],
      ['support-requests-detail', `/support-requests/${request.id}`, 'Conversation'],
      ['subscriptions-list', '/subscriptions', 'Lay Out'],
      ['subscriptions-new', `/subscriptions/new?customerId=${customer.id}`, 'Summary'],
      ['subscriptions-detail', `/subscriptions/${subscription.id}`, 'Details'],
      ['subscriptions-detail-incomplete', `/subscriptions/${declined.subscription.id}`, 'Latest decline:'],
      ['invoices-detail', `/invoices/${subscription.latestInvoiceId}`, 'Lines'],
      ['invoices-detail-open', `/invoices/${declined.subscription.latestInvoiceId}`, 'Amount due'],
      ['payments-list', '/payments', 'Outcome'],
      ['payments-detail', `/payments/${payment.id}`, 'Refundable'],
      ['refunds-detail', `/refunds/${refund.id}`, 'Duplicate charge'],
    ];
    for (const viewport of [DESKTOP, PHONE]) {
      const { page, problems } = await portal.open(viewport);
      await signInToSandbox(page);
      for (const [name, path, ready] of pages) {
        await page.goto(path);
        await main(page).getByText(ready).first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(`${name}: ${await violations(page)}`).toBe(`${name}: `);
        await screenshot(page, name);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(`${name} overflows by ${overflow}px`).toBe(`${name} overflows by 0px`);
      }
      expect(problems).toEqual([]);
    }
  });
});
