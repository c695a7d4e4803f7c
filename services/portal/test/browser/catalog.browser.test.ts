import type { Page } from 'playwright-core';
import { storefrontBody } from '@azotte/test-support/platform';
import { accessibilityViolations, chooseEnvironment, describeViolations, DESKTOP, eventually, PHONE, screenshot as capture, signIn, startPortal, type AxeViolation, type Portal, violationsOf } from './support/portal';

jest.setTimeout(120_000);

/**
 * Bundles & pricing in the browser, against the real stack: bundles with
 * typed entitlements, flat and tiered prices made through the portal's
 * forms, the catalog's quote, immutability (a new version is a new price),
 * archiving, the API's own field errors, and what a Viewer is offered.
 */
let portal: Portal;
let owner: { email: string; password: string; token: string };
let viewer: { email: string; password: string };
let storefrontId: string;
/** A bundle with prices made through the API, for the pages' layout checks and the Viewer. */
let seeded: { bundleId: string; flatId: string; tieredId: string };

const SANDBOX = { 'X-Environment': 'sandbox' };

const api = async (method: string, path: string, body?: unknown) => {
  const reply = await portal.platform.call(method, path, { token: owner.token, headers: SANDBOX, ...(body === undefined ? {} : { body }) });
  if (reply.status >= 300) throw new Error(`${method} ${path} → ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
};

/** The money as the portal shows it to an en-US browser. */
const euros = (minor: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(minor / 100);

beforeAll(async () => {
  portal = await startPortal('portal_catalog');
  const { token, adminEmail } = await portal.platform.createTenant({ name: 'Streamly' });
  owner = { email: adminEmail, password: 'owner-password', token };
  const view = await portal.platform.createUser(token, 'viewer');
  viewer = { email: view.user.email, password: 'user-password-1' };
  storefrontId = (await api('POST', '/storefronts', storefrontBody({ name: 'EU store', slug: 'eu-store' }))).id;
  const bundle = await api('POST', '/bundles', {
    name: 'Family',
    description: 'Four screens, HD and downloads.',
    entitlements: [
      { key: 'hd_streaming', value: true },
      { key: 'max_streams', value: 4 },
      { key: 'quality', value: 'HD' },
    ],
  });
  const flat = await api('POST', `/bundles/${bundle.id}/prices`, { currency: 'EUR', amount: 1499, interval: 'month', strategy: 'flat', trialDays: 14 });
  const tiered = await api('POST', `/bundles/${bundle.id}/prices`, {
    currency: 'EUR',
    interval: 'year',
    strategy: 'tiered',
    tiersMode: 'volume',
    tiers: [
      { upTo: 5, unitAmount: 9900 },
      { upTo: 50, unitAmount: 8900, flatAmount: 5000 },
      { upTo: null, unitAmount: 7900 },
    ],
    setupFee: 2500,
    storefrontIds: [storefrontId],
    countries: ['DE', 'AT'],
  });
  seeded = { bundleId: bundle.id, flatId: flat.id, tieredId: tiered.id };
}, 240_000);

afterAll(async () => {
  await portal?.stop();
});

async function signedIn(viewport = DESKTOP, who: { email: string; password: string } = owner) {
  const opened = await portal.open(viewport);
  await signIn(opened.page, who.email, who.password);
  await chooseEnvironment(opened.page, 'sandbox');
  await opened.page.getByRole('note', { name: 'Sandbox' }).waitFor();
  return opened;
}

/** A full-page screenshot taken from the top: scrolled, the shell's sticky bars would be drawn mid-page. */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  return capture(page, name);
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

async function expectAccessible(page: Page) {
  expect(await violationsOf(page)).toBe('');
}

/** The texts of an input's description (its hint and the error beside it). */
const descriptionOf = (page: Page, name: string) =>
  page.getByRole('textbox', { name, exact: true }).evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

describe('bundles', () => {
  it('creates a bundle with entitlements of all three types', async () => {
    const { page, problems } = await signedIn();
    await page.goto('/catalog');
    await heading(page, 'Bundles & pricing');
    await page.getByRole('link', { name: 'Create bundle' }).click();
    await heading(page, 'Create bundle');

    await page.getByRole('textbox', { name: 'Name' }).fill('Premium');
    await page.getByRole('textbox', { name: 'Description' }).fill('Everything, in 4K.');
    await page.getByRole('radio', { name: /^Draft/ }).check();

    await page.getByRole('button', { name: 'Add entitlement' }).click();
    await page.getByRole('textbox', { name: 'Key of entitlement 1' }).fill('hd_streaming');
    await page.getByRole('combobox', { name: 'Value of entitlement 1' }).selectOption('true');
    await page.getByRole('button', { name: 'Add entitlement' }).click();
    await page.getByRole('textbox', { name: 'Key of entitlement 2' }).fill('max_streams');
    await page.getByRole('combobox', { name: 'Type of entitlement 2' }).selectOption('number');
    await page.getByRole('textbox', { name: 'Value of entitlement 2' }).fill('4');
    await page.getByRole('button', { name: 'Add entitlement' }).click();
    await page.getByRole('textbox', { name: 'Key of entitlement 3' }).fill('quality');
    await page.getByRole('combobox', { name: 'Type of entitlement 3' }).selectOption('string');
    await page.getByRole('textbox', { name: 'Value of entitlement 3' }).fill('4K');
    await expectAccessible(page);
    await screenshot(page, 'catalog-bundle-new-filled');

    await page.getByRole('button', { name: 'Create bundle' }).click();
    await page.waitForURL(/\/catalog\/bundles\/bun_/);
    await heading(page, 'Premium');
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const stored = await api('GET', `/bundles/${id}`);
    expect(stored).toMatchObject({
      name: 'Premium',
      description: 'Everything, in 4K.',
      status: 'draft',
      entitlements: [
        { key: 'hd_streaming', value: true },
        { key: 'max_streams', value: 4 },
        { key: 'quality', value: '4K' },
      ],
    });

    // Made active from its page; the list filters by status.
    await page.getByRole('radio', { name: /^Active/ }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved').first().waitFor();
    expect((await api('GET', `/bundles/${id}`)).status).toBe('active');
    await page.goto('/catalog?status=draft');
    await page.getByText('No draft bundles').waitFor();
    await page.getByRole('group', { name: 'Show bundles by status' }).getByRole('button', { name: 'Active' }).click();
    await page.getByRole('link', { name: 'Premium' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('archives a bundle after a confirmation', async () => {
    const bundle = await api('POST', '/bundles', { name: 'Legacy', entitlements: [] });
    const { page, problems } = await signedIn();
    await page.goto(`/catalog/bundles/${bundle.id}`);
    await heading(page, 'Legacy');
    await page.getByRole('button', { name: 'Archive bundle' }).click();
    const dialog = page.getByRole('dialog', { name: 'Archive Legacy?' });
    await dialog.getByText(/cannot be undone/).waitFor();
    await dialog.getByRole('button', { name: 'Archive bundle' }).click();
    await page.getByText(/This bundle is archived: it sells nothing new/).waitFor();
    expect((await api('GET', `/bundles/${bundle.id}`)).status).toBe('archived');
    // Nothing of an archived bundle can change any more.
    expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add price' }).count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'Name' }).isDisabled()).toBe(true);
    expect(problems).toEqual([]);
  });
});

describe('prices', () => {
  let bundleId: string;
  beforeAll(async () => {
    bundleId = (await api('POST', '/bundles', { name: 'Studio', entitlements: [{ key: 'seats', value: 1 }] })).id;
  });

  it('adds a flat price and a tiered price through the tiers editor', async () => {
    const { page, problems } = await signedIn();
    await page.goto(`/catalog/bundles/${bundleId}`);
    await heading(page, 'Studio');
    await page.getByText('No prices yet').waitFor();

    // A flat price: EUR is the storefront's currency, so it is the default.
    await page.getByRole('button', { name: 'Add price' }).first().click();
    let dialog = page.getByRole('dialog', { name: 'Add price' });
    expect(await dialog.getByRole('combobox', { name: 'Currency' }).inputValue()).toBe('EUR');
    await dialog.getByRole('radio', { name: /^Flat/ }).check();
    await dialog.getByRole('textbox', { name: 'Amount per period' }).fill('9.99');
    await dialog.getByRole('combobox', { name: 'Billing interval' }).selectOption('month');
    await dialog.getByRole('button', { name: 'Create price' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: `${euros(999)} per month` }).waitFor();

    // A tiered price, 1–10 at 5.00, 11–100 at 4.00, 101 and above at 3.00, sold in one storefront and Germany.
    await page.getByRole('button', { name: 'Add price' }).first().click();
    dialog = page.getByRole('dialog', { name: 'Add price' });
    await dialog.getByRole('radio', { name: /^Tiered/ }).check();
    await dialog.getByRole('radio', { name: /^Graduated/ }).check();
    await dialog.getByRole('textbox', { name: 'Up to (tier 1)' }).fill('10');
    await dialog.getByRole('textbox', { name: 'Per unit (tier 1)' }).fill('5.00');
    await dialog.getByRole('textbox', { name: 'Per unit (tier 2)' }).fill('4.00');
    await dialog.getByRole('button', { name: 'Add tier' }).click();
    await dialog.getByRole('textbox', { name: 'Up to (tier 2)' }).fill('100');
    await dialog.getByRole('textbox', { name: 'Per unit (tier 3)' }).fill('3.00');
    await dialog.getByRole('textbox', { name: 'Flat fee (tier 3)' }).fill('20');
    await dialog.getByText('and above').waitFor();
    await dialog.getByRole('textbox', { name: 'Setup fee' }).fill('10');
    await dialog.getByRole('checkbox', { name: /EU store/ }).check();
    await dialog.getByRole('combobox', { name: 'Country restrictions' }).fill('Germany');
    await dialog.getByRole('button', { name: 'Add country' }).click();
    await dialog.getByRole('list', { name: 'Countries the price is sold in' }).getByText('DE').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'catalog-price-form');
    await dialog.getByRole('button', { name: 'Create price' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Tiered (graduated) per month' }).waitFor();

    const prices = (await api('GET', `/bundles/${bundleId}/prices`)).data as Array<Record<string, unknown>>;
    expect(prices.find((p) => p.strategy === 'flat')).toMatchObject({ currency: 'EUR', amount: 999, interval: 'month', intervalCount: 1, trialDays: 0 });
    expect(prices.find((p) => p.strategy === 'tiered')).toMatchObject({
      currency: 'EUR',
      amount: null,
      tiersMode: 'graduated',
      tiers: [
        { upTo: 10, unitAmount: 500, flatAmount: null },
        { upTo: 100, unitAmount: 400, flatAmount: null },
        { upTo: null, unitAmount: 300, flatAmount: 2000 },
      ],
      setupFee: 1000,
      storefrontIds: [storefrontId],
      countries: ['DE'],
    });
    expect(problems).toEqual([]);
  });

  it('shows what a quantity costs, as the catalog quotes it', async () => {
    const { page, problems } = await signedIn();
    await page.goto(`/catalog/prices/${seeded.tieredId}`);
    await heading(page, 'Tiered (volume) per year');
    const card = page.getByRole('region', { name: 'What does a quantity cost?' });
    for (const quantity of [3, 12, 120]) {
      const quote = await api('GET', `/prices/${seeded.tieredId}/quote?quantity=${quantity}`);
      await card.getByRole('textbox', { name: 'Quantity' }).fill(String(quantity));
      await card.getByText(`${quantity} units`).waitFor();
      await card.getByText(euros(quote.amount), { exact: true }).waitFor();
      await card.getByText(euros(quote.setupFee), { exact: true }).waitFor();
    }
    // 12 units fall in the 6–50 tier: 12 × 89.00 + 50.00, and the setup fee apart.
    expect((await api('GET', `/prices/${seeded.tieredId}/quote?quantity=12`)).amount).toBe(12 * 8900 + 5000);
    // The quote also says that this price is sold in a storefront only (the tenant's storefront restriction holds).
    await page.getByRole('link', { name: 'EU store' }).waitFor();
    await page.getByText('Germany (DE), Austria (AT)').waitFor();
    expect(problems).toEqual([]);
  });

  it('makes a new version of a price as a new price, and archives the old one when asked', async () => {
    const old = await api('POST', `/bundles/${bundleId}/prices`, { currency: 'EUR', amount: 4900, interval: 'year', strategy: 'flat' });
    const { page, problems } = await signedIn();
    await page.goto(`/catalog/prices/${old.id}`);
    await heading(page, `${euros(4900)} per year`);
    await page.getByText('Prices are immutable').waitFor();
    await page.getByRole('button', { name: 'New version of this price' }).click();
    const dialog = page.getByRole('dialog', { name: 'New version of this price' });
    // Prefilled with the price's terms.
    expect(await dialog.getByRole('textbox', { name: 'Amount per period' }).inputValue()).toBe('49.00');
    expect(await dialog.getByRole('combobox', { name: 'Billing interval' }).inputValue()).toBe('year');
    await dialog.getByRole('textbox', { name: 'Amount per period' }).fill('59.00');
    await dialog.getByRole('checkbox', { name: /Archive the current price/ }).check();
    await dialog.getByRole('button', { name: 'Create new version' }).click();
    await heading(page, `${euros(5900)} per year`);
    const newId = new URL(page.url()).pathname.split('/').pop()!;
    expect(newId).not.toBe(old.id);
    expect(await api('GET', `/prices/${newId}`)).toMatchObject({ amount: 5900, interval: 'year', status: 'active' });
    expect(await api('GET', `/prices/${old.id}`)).toMatchObject({ amount: 4900, status: 'archived' });
    expect(problems).toEqual([]);
  });

  it('archives a price after a confirmation', async () => {
    const price = await api('POST', `/bundles/${bundleId}/prices`, { currency: 'EUR', amount: 100, interval: 'day', strategy: 'flat' });
    const { page, problems } = await signedIn();
    await page.goto(`/catalog/prices/${price.id}`);
    await page.getByRole('button', { name: 'Archive price' }).click();
    await page.getByRole('dialog', { name: 'Archive this price?' }).getByRole('button', { name: 'Archive price' }).click();
    await page.getByText(/This price is archived/).waitFor();
    expect((await api('GET', `/prices/${price.id}`)).status).toBe('archived');
    await eventually(async () => expect(await page.getByRole('button', { name: 'Archive price' }).count()).toBe(0));
    expect(problems).toEqual([]);
  });

  it('shows a field the API refuses beside that field', async () => {
    const { page, problems } = await signedIn();
    await page.goto(`/catalog/bundles/${bundleId}`);
    await page.getByRole('button', { name: 'Add price' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add price' });
    await dialog.getByRole('textbox', { name: 'Amount per period' }).fill('5');
    // The browser takes any amount it can parse; the catalog holds amounts to 999,999,999 minor units.
    await dialog.getByRole('textbox', { name: 'Setup fee' }).fill('20,000,000.00');
    await dialog.getByRole('button', { name: 'Create price' }).click();
    await dialog.getByText('Some fields need your attention.').waitFor();
    expect(await descriptionOf(page, 'Setup fee')).toContain('must be at most 999999999');
    expect(problems).toEqual([]);
  });
});

describe('every page', () => {
  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ])('holds its layout on a %s, with nothing for assistive technology to trip on', async (_, viewport) => {
    const { page, problems } = await signedIn(viewport);
    await page.goto('/catalog');
    await page.getByRole('link', { name: 'Family' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'catalog-bundles');

    await page.goto('/catalog/bundles/new');
    await heading(page, 'Create bundle');
    await expectAccessible(page);
    await screenshot(page, 'catalog-bundle-new');

    await page.goto(`/catalog/bundles/${seeded.bundleId}`);
    await heading(page, 'Family');
    await page.getByRole('link', { name: /per month/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'catalog-bundle');

    await page.getByRole('button', { name: 'Add price' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add price' });
    await dialog.getByRole('radio', { name: /^Tiered/ }).check();
    await expectAccessible(page);
    await screenshot(page, 'catalog-price-dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.goto(`/catalog/prices/${seeded.tieredId}`);
    await heading(page, 'Tiered (volume) per year');
    await page.getByRole('region', { name: 'What does a quantity cost?' }).getByText('1 unit', { exact: true }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'catalog-price');

    await page.goto(`/catalog/prices/${seeded.flatId}`);
    await heading(page, `${euros(1499)} per month`);
    await expectAccessible(page);
    await screenshot(page, 'catalog-price-flat');
    expect(problems).toEqual([]);
  });
});

describe('a Viewer', () => {
  it('sees bundles and prices but no control that would change them', async () => {
    const { page, problems } = await signedIn(DESKTOP, viewer);
    await page.goto('/catalog');
    await page.getByRole('link', { name: 'Family' }).waitFor();
    expect(await page.getByRole('link', { name: 'Create bundle' }).count()).toBe(0);

    await page.goto(`/catalog/bundles/${seeded.bundleId}`);
    await heading(page, 'Family');
    await page.getByText(/your role is Viewer/).waitFor();
    await page.getByRole('link', { name: /per month/ }).waitFor();
    for (const name of ['Save changes', 'Archive bundle', 'Add price', 'Add entitlement', 'Remove entitlement 1']) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    expect(await page.getByRole('textbox', { name: 'Name' }).isDisabled()).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Key of entitlement 1' }).isDisabled()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'catalog-bundle-viewer');

    await page.goto(`/catalog/prices/${seeded.flatId}`);
    await page.getByRole('region', { name: 'What does a quantity cost?' }).waitFor();
    expect(await page.getByRole('button', { name: 'New version of this price' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Archive price' }).count()).toBe(0);

    await page.goto('/catalog/bundles/new');
    await page.getByText(/Your role does not allow this/).waitFor();
    expect(await page.getByRole('button', { name: 'Create bundle' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
