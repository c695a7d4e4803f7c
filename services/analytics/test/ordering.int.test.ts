import amqp from 'amqplib';
import { randomBytes } from 'node:crypto';
import { busEnvironment, removeTestBus, testServers, uniqueName, waitFor } from '@azotte/common/testing';
import { dropSchema } from '@azotte/common';
import { expectedFigures, readBilling } from './support/oracle';
import { FX_RATES, startAnalytics, startPlatform, type Analytics, type Platform, type RawMessage, type Shop } from './support/platform';
import { everyReport } from './support/reports';

/**
 * The events of a real history (billing, campaign and tenant services on a
 * test clock) delivered again through RabbitMQ to two fresh analytics
 * services: one in the order they were published, one shuffled with half of
 * them twice. Every report of both equals the live service's: neither the
 * order of arrival nor redelivery changes a figure.
 */

const DAY = 86_400_000;
const CARDS = { good: '4242424242424242', failing: '4000000000000341' };

let p: Platform;
let shop: Shop;
let from: Date;
let to: Date;

async function clockNow(): Promise<Date> {
  return new Date((await p.billing.getTestClock({}, { context: shop.ctx })).now!);
}

/** A history touching every figure: discounts, trials, declines and dunning, changes, refunds, cancellations, a comeback, three currencies. */
async function playHistory(): Promise<void> {
  const { ctx, prices } = shop;
  const b = p.billing;
  const customer = async (card?: keyof typeof CARDS, storefront = false) => {
    const c = await p.customers.createCustomer(
      { email: `c-${randomBytes(4).toString('hex')}@example.com`, country: 'DE', metadata: {}, storefrontId: storefront ? shop.storefrontId : undefined },
      { context: ctx },
    );
    if (card) await attach(c.id, card);
    return c.id;
  };
  const attach = (customerId: string, card: keyof typeof CARDS) =>
    b.attachPaymentMethod({ customerId, type: 'card', card: { number: CARDS[card], expMonth: 12, expYear: 2040, cvc: '123' }, makeDefault: true }, { context: ctx });
  const subscribe = (customerId: string, price: number, quantity = 1, couponCode = '') =>
    b.createSubscription({ customerId, priceId: prices[price]!.id, quantity, paymentMethodId: '', couponCode, storefrontId: '' }, { context: ctx });
  const advance = async (days: number) => b.advanceTestClock({ to: new Date((await clockNow()).getTime() + days * DAY).toISOString() }, { context: ctx });
  const firstPayment = async (subscriptionId: string) =>
    (await p.sql(`${p.schemas.billing}.payments`).where({ subscription_id: subscriptionId, status: 'succeeded' }).orderBy('created_at').first()).id as string;

  const ann = await customer('good', true);
  const bob = await customer('good');
  const cid = await customer('failing');
  const dan = await customer();
  const eve = await customer('good');
  const annSub = await subscribe(ann, 0, 2, shop.couponCode); // EUR monthly, 20 % off for two cycles, tax on top
  const bobSub = await subscribe(bob, 2); // EUR yearly
  await subscribe(cid, 1); // declined: incomplete, then expired
  await subscribe(dan, 5); // a trial without a card: its end fails
  const eveUsd = await subscribe(eve, 6, 3); // USD monthly
  const eveGbp = await subscribe(eve, 8); // GBP monthly: no rate
  await advance(10);
  await b.changePrice({ id: annSub.id, priceId: prices[1]!.id, quantity: 1 }, { context: ctx });
  await b.createRefund({ paymentId: await firstPayment(bobSub.id), amount: 1234, reason: '' }, { context: ctx });
  await attach(bob, 'failing');
  await advance(40);
  await b.cancelSubscription({ id: eveUsd.id, atPeriodEnd: false }, { context: ctx });
  await b.cancelSubscription({ id: annSub.id, atPeriodEnd: true }, { context: ctx });
  await advance(35);
  await subscribe(ann, 3, 2); // back, weekly: a reactivation
  await b.createRefund({ paymentId: await firstPayment(eveGbp.id), reason: '' }, { context: ctx });
  await advance(380); // Bob's yearly renewal is declined: past_due, retried, canceled
}

beforeAll(async () => {
  p = await startPlatform('analytics_order');
  shop = await p.newShop();
  from = new Date((await clockNow()).getTime() - 1);
  await playHistory();
  await p.settled(shop.scope);
  expect(await p.deadLettered()).toBe(0);
  to = await clockNow();
}, 120_000);
afterAll(async () => p?.close());

/** A fresh analytics service on an exchange of its own, which the test feeds by hand. */
async function freshAnalytics(name: string) {
  const bus = busEnvironment(uniqueName(name), testServers());
  const analytics = await startAnalytics(bus, `${bus.AMQP_QUEUE_PREFIX.slice(0, -1)}_analytics`);
  const connection = await amqp.connect(bus.AMQP_URL);
  const channel = await connection.createConfirmChannel();
  return {
    bus,
    analytics,
    async publish(messages: RawMessage[]) {
      for (const m of messages) {
        const { messageId, type, appId, timestamp, contentType, headers } = m.properties;
        channel.publish(bus.AMQP_EXCHANGE, m.routingKey, m.content, { messageId, type, appId, timestamp, contentType, headers, persistent: true });
      }
      await channel.waitForConfirms();
    },
    /** Until its queue is empty and it kept every event `ids` names. */
    async consumed(ids: string[]) {
      const names = `${bus.AMQP_QUEUE_PREFIX}analytics.events`;
      await waitFor(
        async () => {
          const { messageCount } = await channel.checkQueue(names);
          if (messageCount > 0) return false;
          const kept = await p.sql(`${analytics.schema}.events`).whereIn('id', ids).count({ n: '*' });
          return Number(kept[0]!.n) === ids.length;
        },
        { timeoutMs: 90_000, what: `${name} to keep every event` },
      );
    },
    async deadLettered(): Promise<number> {
      return (await channel.checkQueue(`${bus.AMQP_QUEUE_PREFIX}analytics.events.dlq`)).messageCount;
    },
    async close() {
      analytics.client.close();
      await analytics.service.stop();
      await connection.close();
      await removeTestBus(bus, ['analytics']);
      await dropSchema(bus.DATABASE_URL, analytics.schema);
    },
  };
}

/** A deterministic shuffle (mulberry32), so that a failure can be replayed from its seed. */
function shuffled<T>(items: T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('analytics fed the same events', () => {
  let inOrder: Awaited<ReturnType<typeof freshAnalytics>>;
  let disordered: Awaited<ReturnType<typeof freshAnalytics>>;
  let kept: string[];
  const seed = Number(process.env.ANALYTICS_ORDER_SEED ?? Date.now() % 2 ** 31);

  beforeAll(async () => {
    // What the live service kept is what each copy must keep (the recorder saw every message too).
    kept = (await p.sql(`${p.analytics.schema}.events`).select('id')).map((r: { id: string }) => r.id);
    await waitFor(() => kept.every((id) => p.messages.some((m) => m.properties.messageId === id)), { what: 'the recorder to have every event' });
    inOrder = await freshAnalytics('analytics_in_order');
    disordered = await freshAnalytics('analytics_shuffled');
  }, 60_000);
  afterAll(async () => {
    await inOrder?.close();
    await disordered?.close();
  });

  const reportsOf = (analytics: Analytics) => everyReport(analytics.client, shop.ctx, { from, to, campaignId: shop.campaignId });

  it('in the order they were published, answers every report as the live service does', async () => {
    await inOrder.publish(p.messages);
    await inOrder.consumed(kept);
    expect(await inOrder.deadLettered()).toBe(0);
    expect(await reportsOf(inOrder.analytics)).toEqual(await reportsOf(p.analytics));
  }, 120_000);

  it(`shuffled, with half of them delivered twice, answers every report the same (seed ${seed})`, async () => {
    const twice = shuffled(p.messages, seed).slice(0, Math.ceil(p.messages.length / 2));
    await disordered.publish(shuffled([...p.messages, ...twice], seed + 1));
    await disordered.consumed(kept);
    expect(await disordered.deadLettered()).toBe(0);
    expect(await reportsOf(disordered.analytics)).toEqual(await reportsOf(p.analytics));
  }, 120_000);

  it('and the history had something to show: the live figures are billing’s', async () => {
    const want = expectedFigures(await readBilling(p.sql, p.schemas.billing, shop.scope), { from, to }, FX_RATES);
    const [summary, payments, churn, customers] = await Promise.all([
      p.analytics.client.getSubscriptionSummary({ from: from.toISOString(), to: to.toISOString(), interval: '', groupBy: '' }, { context: shop.ctx }),
      p.analytics.client.getPaymentReport({ from: from.toISOString(), to: to.toISOString(), interval: '', groupBy: '' }, { context: shop.ctx }),
      p.analytics.client.getChurnReport({ from: from.toISOString(), to: to.toISOString(), interval: '', groupBy: '' }, { context: shop.ctx }),
      p.analytics.client.getCustomerReport({ from: from.toISOString(), to: to.toISOString(), interval: '', groupBy: '' }, { context: shop.ctx }),
    ]);
    expect(want.attempts).toBeGreaterThan(want.successes);
    expect(want.churned).toBeGreaterThan(0);
    expect({
      mrr: summary.mrr?.amount,
      unconverted: summary.unconverted,
      active: summary.activeSubscriptions,
      trialing: summary.trialingSubscriptions,
      attempts: payments.attempts,
      successes: payments.successes,
      collected: payments.collected?.amount,
      refunded: payments.refunded?.amount,
      churned: churn.churned,
      newCustomers: customers.newCustomers,
      activeCustomers: customers.activeCustomers,
    }).toEqual({
      mrr: want.mrr,
      unconverted: want.mrrUnconverted,
      active: want.active,
      trialing: want.trialing,
      attempts: want.attempts,
      successes: want.successes,
      collected: want.collected,
      refunded: want.refunded,
      churned: want.churned,
      newCustomers: want.newCustomers,
      activeCustomers: want.activeCustomers,
    });
  });
});
