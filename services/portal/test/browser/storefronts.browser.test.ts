import type { Page } from 'playwright-core';
import { storefrontBody } from '@azotte/test-support/platform';
import { accessibilityViolations, chooseEnvironment, describeViolations, DESKTOP, PHONE, screenshot as capture, signIn, startPortal, type AxeViolation, type Portal, violationsOf } from './support/portal';

jest.setTimeout(120_000);

/**
 * Storefronts in the browser, against the real stack: created from the
 * portal in the sandbox, branding edited with its live preview, archived,
 * the API's field errors beside their fields, and what a Viewer is offered.
 */
let portal: Portal;
let owner: { email: string; password: string; token: string };
let viewer: { email: string; password: string };
/** A storefront made through the API, for the layout checks and the Viewer. */
let seededId: string;

const SANDBOX = { 'X-Environment': 'sandbox' };

const api = async (method: string, path: string, body?: unknown) => {
  const reply = await portal.platform.call(method, path, { token: owner.token, headers: SANDBOX, ...(body === undefined ? {} : { body }) });
  if (reply.status >= 300) throw new Error(`${method} ${path} → ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
};

beforeAll(async () => {
  portal = await startPortal('portal_storefronts');
  const { token, adminEmail } = await portal.platform.createTenant({ name: 'Streamly' });
  owner = { email: adminEmail, password: 'owner-password', token };
  const view = await portal.platform.createUser(token, 'viewer');
  viewer = { email: view.user.email, password: 'user-password-1' };
  seededId = (
    await api(
      'POST',
      '/storefronts',
      storefrontBody({
        name: 'Streamly Switzerland',
        slug: 'streamly-ch',
        branding: { theme: 'light', primaryColor: '#B42318' },
        paymentMethods: ['card', 'sepa_debit', 'apple_pay'],
        regional: {
          countries: ['CH', 'LI'],
          defaultCurrency: 'CHF',
          currencies: ['CHF', 'EUR'],
          locale: 'de-CH',
          timezone: 'Europe/Zurich',
          taxBehavior: 'inclusive',
          taxRatePercent: 8.1,
        },
      }),
    )
  ).id;
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
const descriptionOf = (page: Page, role: 'textbox' | 'combobox', name: string) =>
  page.getByRole(role, { name, exact: true }).evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

/** The colour the preview's Subscribe button is painted in, as the browser computed it. */
const previewButtonColour = (page: Page) =>
  page
    .getByRole('figure', { name: 'Live preview' })
    .getByText('Subscribe', { exact: true })
    .evaluate((el) => getComputedStyle(el).backgroundColor);

/** Waits (React renders after the input event) until the preview is painted in `rgb`. */
async function expectPreviewColour(page: Page, rgb: string) {
  const deadline = Date.now() + 5_000;
  let seen = await previewButtonColour(page);
  while (seen !== rgb && Date.now() < deadline) {
    await page.waitForTimeout(50);
    seen = await previewButtonColour(page);
  }
  expect(seen).toBe(rgb);
}

describe('storefronts', () => {
  it('creates a storefront from the portal, in the sandbox', async () => {
    const { page, problems } = await signedIn();
    await page.goto('/storefronts');
    await heading(page, 'Storefronts');
    await page.getByRole('link', { name: 'Create storefront' }).first().click();
    await heading(page, 'Create storefront');

    await page.getByRole('textbox', { name: 'Name' }).fill('Streamly Germany');
    expect(await page.getByRole('textbox', { name: 'Slug' }).inputValue()).toBe('streamly-germany');
    await page.getByRole('textbox', { name: 'Logo URL' }).fill(`${portal.url}/favicon.svg`);
    await page.getByRole('textbox', { name: 'Primary colour', exact: true }).fill('#0A7B5C');
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.getByRole('checkbox', { name: 'PayPal' }).check();
    await page.getByRole('checkbox', { name: 'SEPA Direct Debit' }).check();

    const countries = page.getByRole('combobox', { name: 'Countries' });
    await countries.fill('DE');
    await countries.press('Enter');
    await countries.fill('Austria');
    await countries.press('Enter');
    const currencies = page.getByRole('combobox', { name: 'Currencies' });
    await currencies.fill('CHF');
    await currencies.press('Enter');
    await page.getByRole('combobox', { name: 'Default currency' }).selectOption('EUR');
    await page.getByRole('combobox', { name: 'Locale' }).fill('de-DE');
    await page.getByText(/^German \(Germany\)/).waitFor();
    await page.getByRole('combobox', { name: 'Time zone' }).selectOption('Europe/Berlin');
    await page.getByRole('radio', { name: /^Inclusive/ }).check();
    await page.getByRole('textbox', { name: 'Tax rate' }).fill('19');

    // The preview is the checkout as the storefront's customers will see it.
    const preview = page.getByRole('figure', { name: 'Live preview' });
    await preview.getByText('Streamly Germany').waitFor();
    await preview.getByText('19,00 €').waitFor();
    await preview.getByText('Includes tax 19%').waitFor();
    await preview.locator('img').waitFor();
    await expectPreviewColour(page, 'rgb(10, 123, 92)');
    await expectAccessible(page);
    await screenshot(page, 'storefronts-new-filled');

    await page.getByRole('button', { name: 'Create storefront' }).click();
    await page.waitForURL(/\/storefronts\/sf_/);
    await heading(page, 'Streamly Germany');
    const id = new URL(page.url()).pathname.split('/').pop()!;
    expect(await api('GET', `/storefronts/${id}`)).toMatchObject({
      name: 'Streamly Germany',
      slug: 'streamly-germany',
      status: 'active',
      branding: { logoUrl: `${portal.url}/favicon.svg`, primaryColor: '#0A7B5C', theme: 'dark' },
      paymentMethods: ['card', 'paypal', 'sepa_debit'],
      regional: {
        countries: ['DE', 'AT'],
        currencies: ['EUR', 'CHF'],
        defaultCurrency: 'EUR',
        locale: 'de-DE',
        timezone: 'Europe/Berlin',
        taxBehavior: 'inclusive',
        taxRatePercent: 19,
      },
    });
    // Made in the sandbox: production has no such storefront.
    const production = await portal.platform.call('GET', `/storefronts/${id}`, { token: owner.token });
    expect(production.status).toBe(404);
    expect(problems).toEqual([]);
  });

  it('edits the branding, the live preview following the primary colour as it is typed', async () => {
    const storefront = await api('POST', '/storefronts', storefrontBody({ name: 'Brand test', branding: { theme: 'light', primaryColor: '#3B3FD8' } }));
    const { page, problems } = await signedIn();
    await page.goto(`/storefronts/${storefront.id}`);
    await heading(page, 'Brand test');
    await expectPreviewColour(page, 'rgb(59, 63, 216)');

    const colour = page.getByRole('textbox', { name: 'Primary colour', exact: true });
    await colour.fill('#7A1FA2');
    await expectPreviewColour(page, 'rgb(122, 31, 162)');
    await page.getByText(/White text on #7A1FA2 has a contrast of [\d.]+:1: enough for WCAG AA/).waitFor();
    await page.getByText('Sufficient', { exact: true }).waitFor();

    // A light colour is named as unreadable under white text, in words.
    await colour.fill('#FFD54F');
    await expectPreviewColour(page, 'rgb(255, 213, 79)');
    await page.getByText('Not sufficient', { exact: true }).waitFor();
    await page.getByText(/WCAG AA needs 4\.5:1/).waitFor();

    // The native colour picker changes the same value.
    await page.getByLabel('Pick the primary colour').fill('#004488');
    expect(await colour.inputValue()).toBe('#004488');
    await expectPreviewColour(page, 'rgb(0, 68, 136)');

    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.getByRole('figure', { name: 'Live preview' }).and(page.locator('.sf-preview-dark')).waitFor();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved', { exact: true }).waitFor();
    expect((await api('GET', `/storefronts/${storefront.id}`)).branding).toEqual({ logoUrl: null, primaryColor: '#004488', theme: 'dark' });
    expect(problems).toEqual([]);
  });

  it('shows a slug already taken (a 409 of the API) beside the slug', async () => {
    const { page, problems } = await signedIn();
    await page.goto('/storefronts/new');
    await page.getByRole('textbox', { name: 'Name' }).fill('Another Swiss store');
    await page.getByRole('textbox', { name: 'Slug' }).fill('streamly-ch');
    const countries = page.getByRole('combobox', { name: 'Countries' });
    await countries.fill('CH');
    await countries.press('Enter');
    await page.getByRole('button', { name: 'Create storefront' }).click();
    await page.getByText('Some fields need your attention.').waitFor();
    expect(await descriptionOf(page, 'textbox', 'Slug')).toContain('A storefront with the slug "streamly-ch" already exists in this environment.');
    expect(page.url()).toMatch(/\/storefronts\/new$/);
    await screenshot(page, 'storefronts-new-error');

    // Fixed, it is created.
    await page.getByRole('textbox', { name: 'Slug' }).fill('streamly-ch-2');
    await page.getByRole('button', { name: 'Create storefront' }).click();
    await page.waitForURL(/\/storefronts\/sf_/);
    expect(problems).toEqual([]);
  });

  it('archives a storefront after a confirmation', async () => {
    const storefront = await api('POST', '/storefronts', storefrontBody({ name: 'Pop-up store' }));
    const { page, problems } = await signedIn();
    await page.goto(`/storefronts/${storefront.id}`);
    await heading(page, 'Pop-up store');
    await page.getByRole('button', { name: 'Archive storefront' }).click();
    const dialog = page.getByRole('dialog', { name: 'Archive Pop-up store?' });
    await dialog.getByText(/cannot be undone/).waitFor();
    await dialog.getByRole('button', { name: 'Archive storefront' }).click();
    await page.getByText(/This storefront is archived/).waitFor();
    expect((await api('GET', `/storefronts/${storefront.id}`)).status).toBe('archived');
    expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Archive storefront' }).count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'Name' }).isDisabled()).toBe(true);
    await page.goto('/storefronts');
    await page.getByRole('row', { name: /Pop-up store/ }).getByText('Archived').waitFor();
    expect(problems).toEqual([]);
  });
});

describe('every page', () => {
  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ])('holds its layout on a %s, with nothing for assistive technology to trip on', async (_, viewport) => {
    const { page, problems } = await signedIn(viewport);
    await page.goto('/storefronts');
    await page.getByRole('link', { name: 'Streamly Switzerland' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'storefronts-list');

    await page.goto('/storefronts/new');
    await heading(page, 'Create storefront');
    await expectAccessible(page);
    await screenshot(page, 'storefronts-new');

    await page.goto(`/storefronts/${seededId}`);
    await heading(page, 'Streamly Switzerland');
    await page.getByRole('figure', { name: 'Live preview' }).getByText('Streamly Switzerland').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'storefronts-detail');
    expect(problems).toEqual([]);
  });
});

describe('a Viewer', () => {
  it('sees the storefronts but no control that would change them', async () => {
    const { page, problems } = await signedIn(DESKTOP, viewer);
    await page.goto('/storefronts');
    await page.getByRole('link', { name: 'Streamly Switzerland' }).waitFor();
    expect(await page.getByRole('link', { name: 'Create storefront' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Streamly Switzerland' }).click();
    await heading(page, 'Streamly Switzerland');
    await page.getByText(/your role is Viewer/).waitFor();
    for (const name of ['Save changes', 'Archive storefront', 'Add country', 'Add currency', 'Remove Switzerland']) {
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    }
    for (const name of ['Name', 'Slug', 'Primary colour', 'Logo URL']) {
      expect(await page.getByRole('textbox', { name, exact: true }).isDisabled()).toBe(true);
    }
    expect(await page.getByRole('checkbox', { name: 'Card' }).isDisabled()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'storefronts-detail-viewer');

    await page.goto('/storefronts/new');
    await page.getByText(/Your role does not allow this/).waitFor();
    expect(await page.getByRole('button', { name: 'Create storefront' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
