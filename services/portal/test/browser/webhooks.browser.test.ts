import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { chooseEnvironment, DESKTOP, PHONE, screenshot, startPortal, violationsOf, type Portal, type PortalPage } from './support/portal';

/**
 * Developers → Webhooks against the real stack, in a sandbox (where loopback
 * endpoints are allowed): an Administrator adds an endpoint pointing at a real
 * HTTP receiver this test runs on 127.0.0.1, sees its secret once, sends test
 * events that the receiver takes and then refuses, retries; rotates the secret;
 * reads a customer.created event's JSON. A Manager reads it all without a
 * single write button; an Operator has no Developers at all.
 */
jest.setTimeout(180_000);

interface Delivery {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
}

/** An HTTP receiver on 127.0.0.1 that records every POST and answers `status` (200 until told otherwise). */
async function startReceiver() {
  const received: Delivery[] = [];
  let status = 200;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        id: String(req.headers['webhook-id'] ?? ''),
        timestamp: String(req.headers['webhook-timestamp'] ?? ''),
        signature: String(req.headers['webhook-signature'] ?? ''),
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'failing on purpose');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/azotte`,
    received,
    answer(next: number) {
      status = next;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The secrets, among `secrets`, whose Standard Webhooks signature the delivery carries. */
function signedWith(delivery: Delivery, secrets: string[]): string[] {
  const signed = new Set(delivery.signature.split(' ').map((part) => part.split(',')[1]));
  return secrets.filter((secret) => {
    const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
    return signed.has(createHmac('sha256', key).update(`${delivery.id}.${delivery.timestamp}.${delivery.body}`).digest('base64'));
  });
}

/** Waits until `check` passes: what is waited for happens in another process, a moment later. */
async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

let portal: Portal;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let owner: { email: string; password: string; token: string };
let endpointPath: string;
const secrets: string[] = [];

beforeAll(async () => {
  [portal, receiver] = await Promise.all([startPortal('portal_webhooks'), startReceiver()]);
  const { token, adminEmail } = await portal.platform.createTenant({ name: 'Streamly' });
  owner = { email: adminEmail, password: 'owner-password', token };
}, 180_000);
afterAll(async () => {
  await portal?.stop();
  await receiver?.stop();
});

/** No toast left over the page when it is looked at. */
async function settle(page: Page): Promise<void> {
  await page.locator('[data-sonner-toast]').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
}

/** The page at 1440×900 and at 390×844: free of serious accessibility violations, screenshotted; then back to the desktop. */
async function inspect({ page, problems }: PortalPage, name: string): Promise<void> {
  await settle(page);
  expect(await violationsOf(page)).toBe('');
  await screenshot(page, name);
  await page.setViewportSize(PHONE);
  expect(await violationsOf(page)).toBe('');
  await screenshot(page, name);
  await page.setViewportSize(DESKTOP);
  expect(problems).toEqual([]);
}

/** Signs in, switches to the sandbox, and opens Developers from the main navigation. */
async function openDevelopers(email: string, password: string): Promise<PortalPage> {
  const opened = await portal.open();
  const { page } = opened;
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('combobox', { name: 'Environment' }).waitFor();
  await chooseEnvironment(page, 'sandbox');
  await page.getByRole('note', { name: 'Sandbox' }).waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Developers' }).click();
  await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
  return opened;
}

const deliveries = (page: Page) => page.getByRole('table', { name: 'Deliveries' });
/** A delivery's row, by the event id the receiver was sent as `webhook-id`. */
const deliveryRow = (page: Page, eventId: string) => deliveries(page).getByRole('row', { name: new RegExp(eventId) });

async function sendTestEvent(page: Page): Promise<Delivery> {
  const before = receiver.received.length;
  await page.getByRole('button', { name: 'Send test event' }).click();
  await page.getByText('Test event sent', { exact: false }).waitFor();
  return eventually(() => {
    const ping = receiver.received.slice(before).find((d) => JSON.parse(d.body).type === 'ping');
    if (!ping) throw new Error('no ping received yet');
    return ping;
  });
}

describe('an Administrator', () => {
  it('adds an endpoint, sees its signing secret once, and a test event reaches the receiver', async () => {
    const opened = await openDevelopers(owner.email, owner.password);
    const { page, context } = opened;
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('tab', { name: 'Endpoints', selected: true }).waitFor();
    await page.getByText('No webhook endpoints yet').waitFor();
    await inspect(opened, 'webhooks-empty');

    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const form = page.getByRole('dialog', { name: 'Add endpoint' });
    await form.getByLabel('Endpoint URL').fill('not an address');
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await form.getByText('must be a full http or https address', { exact: false }).waitFor();
    expect(await form.getByLabel('Endpoint URL').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('Endpoint URL').fill(receiver.url);
    await form.getByLabel('Description').fill('Order system');
    await form.getByRole('radio', { name: 'Only the events I choose' }).check();
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await form.getByText('Choose at least one event type, or All events.').waitFor();
    await form.getByRole('checkbox', { name: 'customer.created' }).check();
    await form.getByRole('checkbox', { name: 'All invoice events' }).check();

    // The API's own refusal (a 400 naming `url`) lands beside the field, the choices kept.
    await form.getByLabel('Endpoint URL').fill(receiver.url.replace('http://', 'http://user:secret@'));
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await form.getByText('user name or password', { exact: false }).waitFor();
    expect(await form.getByLabel('Endpoint URL').getAttribute('aria-invalid')).toBe('true');
    await form.getByText('Some fields need your attention.').waitFor();
    expect(await form.getByRole('checkbox', { name: 'invoice.voided' }).isChecked()).toBe(true);
    await settle(page);
    expect(await violationsOf(page)).toBe('');
    await screenshot(page, 'webhooks-add-endpoint');

    await form.getByLabel('Endpoint URL').fill(receiver.url);
    await form.getByRole('button', { name: 'Add endpoint' }).click();

    const shown = page.getByRole('dialog', { name: 'Endpoint added: its signing secret' });
    await shown.getByText('Copy the secret now: it will not be shown again.').waitFor();
    const secret = await shown.getByRole('textbox', { name: 'Signing secret' }).inputValue();
    expect(secret).toMatch(/^whsec_/);
    secrets.push(secret);
    await shown.getByRole('button', { name: 'Copy signing secret' }).click();
    await shown.getByText('Copied').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await inspect(opened, 'webhooks-secret');

    await shown.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('heading', { level: 1, name: receiver.url }).waitFor();
    endpointPath = new URL(page.url()).pathname;
    expect(endpointPath).toMatch(/^\/developers\/webhooks\/we_/);
    const details = page.getByRole('region', { name: 'Endpoint', exact: true });
    await details.getByText('customer.created').waitFor();
    await details.getByText('invoice.payment_failed').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: receiver.url }).waitFor();
    expect(await page.content()).not.toContain(secret);

    await page.getByText('No deliveries yet').waitFor();
    const ping = await sendTestEvent(page);
    expect(signedWith(ping, secrets)).toEqual([secret]);
    const row = deliveryRow(page, ping.id);
    await row.getByText('Succeeded', { exact: true }).waitFor();
    await row.getByRole('list', { name: `Attempts to deliver ${ping.id}` }).getByText('HTTP 200').waitFor();
    await row.getByText('ping', { exact: true }).waitFor();
    await inspect(opened, 'webhooks-endpoint');
  });

  it('sees the failed attempts with the receiver’s response code, and Retry sends the delivery again', async () => {
    const opened = await portal.open();
    const { page } = opened;
    await signInAndOpen(page, owner.email, owner.password, endpointPath);

    // The platform's retry schedule is short (test-support/platform.ts): the delivery fails for good within a second.
    receiver.answer(500);
    const ping = await sendTestEvent(page);
    const row = deliveryRow(page, ping.id);
    const attempts = row.getByRole('list', { name: `Attempts to deliver ${ping.id}` });
    await row.getByText('Failed', { exact: true }).waitFor({ timeout: 30_000 });
    await row.getByText('None: retries ran out').waitFor();
    await attempts.getByText('HTTP 500').first().waitFor();
    const tries = receiver.received.filter((d) => d.id === ping.id).length;
    expect(tries).toBeGreaterThan(1);
    expect(await attempts.getByRole('listitem').count()).toBe(tries);
    await page.getByLabel('Status').selectOption('failed');
    await page.waitForURL(/status=failed/);
    await deliveryRow(page, ping.id).waitFor();
    expect(await deliveries(page).getByText('Succeeded', { exact: true }).count()).toBe(0);
    await inspect(opened, 'webhooks-delivery-failed');

    receiver.answer(200);
    await page.getByLabel('Status').selectOption('');
    await row.getByRole('button', { name: `Retry the delivery of ${ping.id}` }).click();
    await page.getByText('Sent again', { exact: false }).waitFor();
    await row.getByText('Succeeded', { exact: true }).waitFor({ timeout: 30_000 });
    await attempts.getByText('HTTP 200').waitFor();
    // The same webhook-id on every attempt, so that a receiver can deduplicate.
    expect(receiver.received.filter((d) => d.id === ping.id)).toHaveLength(tries + 1);
    expect(opened.problems).toEqual([]);
  });

  it('rotates the secret: the new one is shown once, and both sign for 24 hours', async () => {
    const opened = await portal.open();
    const { page } = opened;
    await signInAndOpen(page, owner.email, owner.password, endpointPath);
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    const confirm = page.getByRole('dialog', { name: 'Rotate the signing secret?' });
    await confirm.getByText('24 hours', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Rotate secret' }).click();
    const shown = page.getByRole('dialog', { name: 'The new signing secret' });
    await shown.getByText('The old secret keeps signing every delivery beside the new one for 24 hours', { exact: false }).waitFor();
    const rotated = await shown.getByRole('textbox', { name: 'Signing secret' }).inputValue();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secrets[0]);
    secrets.push(rotated);
    await inspect(opened, 'webhooks-rotated');
    await shown.getByRole('button', { name: 'Done' }).click();

    const ping = await sendTestEvent(page);
    expect(signedWith(ping, secrets).sort()).toEqual([...secrets].sort());
    await deliveryRow(page, ping.id).getByText('Succeeded', { exact: true }).waitFor();
    expect(opened.problems).toEqual([]);
  });

  it('edits the description and events, disables the endpoint and enables it again', async () => {
    const opened = await portal.open();
    const { page } = opened;
    await signInAndOpen(page, owner.email, owner.password, endpointPath);
    await page.getByRole('button', { name: 'Edit endpoint' }).click();
    const form = page.getByRole('dialog', { name: 'Edit endpoint' });
    expect(await form.getByLabel('Description').inputValue()).toBe('Order system');
    expect(await form.getByRole('checkbox', { name: 'customer.created' }).isChecked()).toBe(true);
    await form.getByLabel('Description').fill('Order system (CRM sync)');
    await form.getByRole('checkbox', { name: 'All invoice events' }).uncheck();
    await form.getByRole('checkbox', { name: 'customer.updated' }).check();
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Endpoint saved').waitFor();
    const details = page.getByRole('region', { name: 'Endpoint', exact: true });
    await details.getByText('Order system (CRM sync)').waitFor();
    await details.getByText('customer.updated').waitFor();
    expect(await details.getByText('invoice.paid').count()).toBe(0);

    await page.getByRole('button', { name: 'Disable', exact: true }).click();
    await page.getByRole('dialog', { name: 'Disable this endpoint?' }).getByRole('button', { name: 'Disable' }).click();
    await page.getByText('Endpoint disabled').waitFor();
    await page.getByText('This endpoint is disabled', { exact: false }).waitFor();
    await details.getByText('Disabled', { exact: true }).waitFor();
    await inspect(opened, 'webhooks-disabled');
    await page.getByRole('button', { name: 'Enable', exact: true }).click();
    await page.getByRole('dialog', { name: 'Enable this endpoint?' }).getByRole('button', { name: 'Enable' }).click();
    await details.getByText('Enabled', { exact: true }).waitFor();

    const stored = await portal.platform.call('GET', endpointPath.replace('/developers/webhooks/', '/webhook-endpoints/'), {
      token: owner.token,
      headers: { 'X-Environment': 'sandbox' },
    });
    expect(stored.body).toMatchObject({ description: 'Order system (CRM sync)', enabledEvents: ['customer.created', 'customer.updated'], status: 'enabled' });
    expect(opened.problems).toEqual([]);
  });

  it('reads a customer.created event’s JSON in the Events tab, after a customer is created through the API', async () => {
    const created = await portal.platform.call<{ id: string }>('POST', '/customers', {
      token: owner.token,
      headers: { 'X-Environment': 'sandbox', 'Idempotency-Key': `customer-${Date.now()}` },
      body: { email: 'ann@example.test', name: 'Ann Example', country: 'DE' },
    });
    expect(created.status).toBe(201);
    const customerId = created.body.id;

    const opened = await openDevelopers(owner.email, owner.password);
    const { page, context } = opened;
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('tab', { name: 'Events' }).click();
    await page.getByRole('combobox', { name: 'Type' }).selectOption('customer.created');
    await page.waitForURL(/type=customer\.created/);
    const events = page.getByRole('table', { name: 'Events', exact: true });
    const row = events.getByRole('row', { name: new RegExp(customerId) });
    // The event is built from the customer service's own, a moment after the customer.
    await eventually(async () => {
      await page.reload();
      await row.waitFor({ timeout: 2_000 });
    });
    expect(await events.getByText('ping', { exact: true }).count()).toBe(0);
    await inspect(opened, 'webhooks-events');

    await row.getByRole('button', { name: /^View JSON of evt_/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Event customer.created' });
    const json = dialog.locator('pre');
    await json.getByText(`"id": "${customerId}"`, { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Copy JSON' }).click();
    await dialog.getByText('Copied').waitFor();
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied).toMatchObject({ type: 'customer.created', environment: { name: 'sandbox' }, data: { object: { id: customerId, email: 'ann@example.test' } } });
    expect(await json.innerText()).toBe(JSON.stringify(copied, null, 2));
    await inspect(opened, 'webhooks-event-json');
  });
});

describe('a Manager', () => {
  it('sees the endpoints, their deliveries and the events, and no button that would change them', async () => {
    const { user } = await portal.platform.createUser(owner.token, 'manager');
    const opened = await openDevelopers(user.email, 'user-password-1');
    const { page } = opened;
    const note = 'You can see the webhook endpoints but not change them: your role is Manager. Only an Administrator can.';
    await page.getByText(note).waitFor();
    await page.getByRole('table', { name: 'Webhook endpoints' }).getByRole('link', { name: receiver.url }).waitFor();
    expect(await page.getByRole('button', { name: 'Add endpoint' }).count()).toBe(0);
    await inspect(opened, 'webhooks-manager');

    await page.getByRole('link', { name: receiver.url }).click();
    await page.getByRole('heading', { level: 1, name: receiver.url }).waitFor();
    await page.getByText(note).waitFor();
    await deliveries(page).getByText('Succeeded', { exact: true }).first().waitFor();
    for (const name of ['Send test event', 'Edit endpoint', 'Rotate secret', 'Disable', 'Delete endpoint', /^Retry/]) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    await inspect(opened, 'webhooks-manager-endpoint');
  });
});

describe('an Operator', () => {
  it('has no Developers entry, and is told so on the page itself', async () => {
    const { user } = await portal.platform.createUser(owner.token, 'operator');
    const opened = await portal.open();
    const { page } = opened;
    await signInAndOpen(page, user.email, 'user-password-1', '/developers/webhooks');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Customers' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Developers' }).count()).toBe(0);
    await page.getByRole('heading', { level: 1, name: 'Not allowed' }).waitFor();
    await page.getByText('Webhooks: only Administrators and Managers may see this. You are signed in with the Operator role.').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await inspect(opened, 'webhooks-operator');
  });
});

describe('an Administrator, at the end', () => {
  it('deletes the endpoint after confirming, and the list is empty again', async () => {
    const opened = await portal.open();
    const { page } = opened;
    await signInAndOpen(page, owner.email, owner.password, endpointPath);
    await page.getByRole('button', { name: 'Delete endpoint' }).click();
    await page.getByRole('dialog', { name: 'Delete this endpoint?' }).getByRole('button', { name: 'Delete endpoint' }).click();
    await page.getByText('Endpoint deleted').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    await page.getByText('No webhook endpoints yet').waitFor();
    expect(opened.problems).toEqual([]);
  });
});

/** Signs in straight to `path` in the sandbox (the sign-in page's ?next=, then the environment switch). */
async function signInAndOpen(page: Page, email: string, password: string, path: string): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(path)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === path);
  await chooseEnvironment(page, 'sandbox');
  await page.getByRole('note', { name: 'Sandbox' }).waitFor();
}
