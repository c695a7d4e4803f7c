import { accessibilityViolations, chooseEnvironment, describeViolations, PHONE, screenshot, signIn, startPortal, type Portal } from './support/portal';

let portal: Portal;
let owner: { email: string; password: string };

beforeAll(async () => {
  portal = await startPortal('portal_shell');
  const { adminEmail } = await portal.platform.createTenant({ name: 'Streamly' });
  owner = { email: adminEmail, password: 'owner-password' };
});
afterAll(async () => {
  await portal?.stop();
});

describe('signing in', () => {
  it('is where a first visit lands, with nothing for assistive technology to trip on', async () => {
    const { page, problems } = await portal.open();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in to Azotte' }).waitFor();
    expect(describeViolations(await accessibilityViolations(page))).toBe('');
    await screenshot(page, 'sign-in');
    expect(problems).toEqual([]);
  });

  it('says in words that the email or password is wrong', async () => {
    const { page } = await portal.open();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The email or the password is wrong.' }).waitFor();
  });

  it('returns to the page that was asked for', async () => {
    const { page, problems } = await portal.open();
    await page.goto('/storefronts?tab=x');
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/storefronts' && url.search === '?tab=x');
    expect(problems).toEqual([]);
  });

  it('keeps the credential out of script: an HttpOnly cookie, nothing in localStorage', async () => {
    const { page, context } = await portal.open();
    await signIn(page, owner.email, owner.password);
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'azotte_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('azotte_session');
    expect(await page.evaluate(() => JSON.stringify(localStorage))).toBe('{}');
  });
});

describe('the shell', () => {
  it('names who is signed in, the tenant and the role, and signs out for good', async () => {
    const { page, problems } = await portal.open();
    await signIn(page, owner.email, owner.password);
    await page.getByRole('button', { name: /^Account/ }).click();
    const account = page.getByRole('region', { name: 'Account' });
    await account.getByText(`Signed in as ${owner.email}`).waitFor();
    await account.getByText('Streamly').waitFor();
    await account.getByText('Role: Administrator').waitFor();
    await account.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
    expect(me).toBe(401);
    expect(problems).toEqual([]);
  });

  it('switches environment with the switch named "Environment", marks the sandbox, and keeps the choice per tab', async () => {
    const { page, context, problems } = await portal.open();
    await signIn(page, owner.email, owner.password);
    await expect(page.getByRole('note', { name: 'Sandbox' }).count()).resolves.toBe(0);
    await chooseEnvironment(page, 'sandbox');
    await page.getByRole('note', { name: 'Sandbox' }).waitFor();
    await screenshot(page, 'shell-sandbox');
    await page.reload();
    await page.getByRole('note', { name: 'Sandbox' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Environment' }).inputValue()).toBe('sandbox');
    const otherTab = await context.newPage();
    await otherTab.goto('/');
    await otherTab.getByRole('combobox', { name: 'Environment' }).waitFor();
    expect(await otherTab.getByRole('combobox', { name: 'Environment' }).inputValue()).toBe('production');
    expect(problems).toEqual([]);
  });

  it('holds its layout on a phone, the navigation behind a button', async () => {
    const { page, problems } = await portal.open(PHONE);
    await signIn(page, owner.email, owner.password);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await nav.getByRole('link', { name: 'Customers' }).click();
    await page.waitForURL(/\/customers$/);
    expect(await nav.isVisible()).toBe(false);
    await screenshot(page, 'shell');
    expect(problems).toEqual([]);
  });

  it('finds a customer by email from the one search box (Ctrl-K focuses it)', async () => {
    const { token } = await portal.platform.createTenant();
    const customer = await portal.platform.call('POST', '/customers', { token, body: { email: 'ann@example.test', name: 'Ann Example' } });
    expect(customer.status).toBe(201);
    const { page, problems } = await portal.open();
    await signIn(page, owner.email, owner.password);
    // Another tenant's customer is not found from this one.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('ann@example.test');
    await page.getByText('Nothing found.').waitFor();
    expect(problems).toEqual([]);
  });

  it('sends a person whose session ended to sign in, and back to the page afterwards', async () => {
    const { page, context, problems } = await portal.open();
    await signIn(page, owner.email, owner.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
    // The session cookie goes (it expired); the page does not know until the API answers 401.
    await context.clearCookies({ name: 'azotte_session' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Storefronts' }).click();
    await page.waitForURL(/\/sign-in\?next=%2Fstorefronts&reason=expired/);
    await page.getByText('Your session has ended. Sign in again to go on.').waitFor();
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/storefronts');
    await page.getByRole('heading', { level: 1, name: 'Storefronts' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('shows a lost connection in words with a Retry, never a blank page, and recovers', async () => {
    const { page, context } = await portal.open();
    await signIn(page, owner.email, owner.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
    await context.setOffline(true);
    // A search the page has not asked before: it must go to the API, which cannot be reached.
    await page.getByRole('searchbox', { name: 'Search customers' }).fill('nobody-here');
    await page.getByRole('searchbox', { name: 'Search customers' }).press('Enter');
    const notice = page.getByRole('alert').filter({ hasText: 'The portal cannot reach the Azotte API' });
    await notice.waitFor({ timeout: 20_000 });
    await notice.getByRole('button', { name: 'Retry' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'You are offline.' }).waitFor();
    await screenshot(page, 'shell-offline');
    // Back online, what waited is fetched without anything to do.
    await context.setOffline(false);
    await notice.waitFor({ state: 'detached' });
    await page.getByText(/nobody-here/).first().waitFor();
  });
});
