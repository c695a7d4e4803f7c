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
