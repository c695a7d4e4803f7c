import pino from 'pino';
import { Writable } from 'node:stream';
import { startHarness, type Harness } from './support/harness';

const lines: string[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    lines.push(chunk.toString());
    done();
  },
});

let h: Harness;

beforeAll(async () => {
  h = await startHarness('billing_secrets', { logger: pino({ level: 'trace' }, sink) });
});
afterAll(async () => h?.close());

const CARDS = ['4242424242424242', '4000000000000341', '4000000000000002', '4000000000009995', '4242424242424241'];

it('never stores or logs a card number, whatever the card does', async () => {
  const t = await h.newTenant();
  const ctx = t.adminInSandbox;
  const { customer, price } = await h.shop(ctx);
  for (const number of CARDS) await h.card(ctx, customer.id, number).catch(() => undefined);
  await h.client
    .createSubscription({ customerId: customer.id, priceId: price.id, quantity: 1, paymentMethodId: '', couponCode: '', storefrontId: '' }, { context: ctx })
    .catch(() => undefined);
  const tables = ['payment_methods', 'subscriptions', 'invoices', 'payments', 'refunds', 'outbox'];
  const dump: string[] = [];
  for (const table of tables) dump.push(JSON.stringify(await h.db(table).select()));
  const everything = dump.join('\n') + lines.join('');
  expect(lines.length).toBeGreaterThan(0);
  for (const number of CARDS) {
    expect(everything).not.toContain(number);
    expect(everything).not.toContain(number.slice(0, 12));
  }
});

it('never stores or logs a hosted page secret, nor the card numbers a checkout sends', async () => {
  const t = await h.newTenant();
  const ctx = t.adminInSandbox;
  const { customer, price, storefrontId } = await h.shop(ctx, {}, {});
  const session = await h.client.createCheckoutSession(
    {
      storefrontId: storefrontId!,
      priceIds: [price.id],
      customerId: '',
      customerEmail: '',
      quantity: 1,
      couponCode: '',
      successUrl: 'https://shop.example/ok',
      cancelUrl: 'https://shop.example/back',
      expiresInMinutes: 0,
    },
    { context: ctx },
  );
  const portal = await h.client.createPortalSession({ customerId: customer.id, returnUrl: 'https://shop.example/account', storefrontId: '' }, { context: ctx });
  for (const number of ['4000000000000002', '4000000000000341', '4242424242424242']) {
    await h.client
      .completeCheckoutSession(
        { id: session.id, priceId: price.id, email: 'secret-test@example.com', card: { number, expMonth: 12, expYear: 2040, cvc: '123' }, couponCode: '', name: '' },
        { context: ctx },
      )
      .catch(() => undefined);
  }
  expect((await h.client.getCheckoutSession({ id: session.id }, { context: ctx })).status).toBe('complete');
  const dump: string[] = [];
  for (const table of ['checkout_sessions', 'portal_sessions', 'payment_methods', 'outbox']) dump.push(JSON.stringify(await h.db(table).select()));
  const everything = dump.join('\n') + lines.join('');
  for (const secret of [session.secret, portal.secret]) {
    expect(secret).toMatch(/^hs_/);
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(secret.slice(3));
  }
  for (const number of ['4000000000000002', '4000000000000341', '4242424242424242']) expect(everything).not.toContain(number.slice(0, 12));
});
