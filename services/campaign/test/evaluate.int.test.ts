import { TEST_CLOCK_ADVANCED, type CallContext } from '@azotte/common';
import { EVENTS, type campaignV1 } from '@azotte/proto';
import { aCampaign } from './support/builders';
import { failureOf, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('evaluate');
});
afterAll(async () => {
  await h.close();
});

const code = (value: string, maxRedemptions?: number) => ({ code: value, maxRedemptions, redemptions: 0 });
const HOUR = 3_600_000;

/** A tenant with a price (9.99 EUR a month) and a customer (DE, gold plan) in production. */
async function checkout(environment: 'production' | 'sandbox' = 'production') {
  const t = await h.newTenant();
  const ctx = t.as('administrator', environment);
  const price = await h.newPrice(ctx);
  const customer = await h.newCustomer(ctx);
  return { t, ctx, price, customer };
}

/** Creates a campaign and activates it (unless `draft`). */
async function running(ctx: CallContext, request: Partial<campaignV1.CreateCampaignRequest> = {}, draft = false) {
  const created = await h.client.createCampaign(aCampaign(request), { context: ctx });
  return draft ? created : h.client.activateCampaign({ id: created.id }, { context: ctx });
}

const evaluate = (ctx: CallContext, request: Partial<campaignV1.EvaluateRequest> & { customerId: string; priceId: string }) =>
  h.client.evaluate({ storefrontId: '', couponCode: '', ...request }, { context: ctx });

describe('automatic campaigns', () => {
  it('apply to everyone their targeting matches; drafts and paused ones to nobody', async () => {
    const { ctx, price, customer } = await checkout();
    const live = await running(ctx, { offer: { type: 'percent_off', percentOff: '10', durationCycles: 3 } });
    await running(ctx, { offer: { type: 'percent_off', percentOff: '90' } }, true);
    const paused = await running(ctx, { offer: { type: 'percent_off', percentOff: '80' } });
    await h.client.pauseCampaign({ id: paused.id }, { context: ctx });

    const result = await evaluate(ctx, { customerId: customer.id, priceId: price.id });
    expect(result).toEqual({
      applied: [{ campaignId: live.id, variant: '', code: '', offer: { type: 'percent_off', percentOff: '10', durationCycles: 3 } }],
      rejected: [],
    });
  });

  it('are told apart by every fact: country, storefront, bundle, price, currency, metadata', async () => {
    const { ctx, price, customer } = await checkout();
    const storefront = await h.tenants.createStorefront(
      {
        name: 'Germany',
        slug: `de-${Date.now()}`,
        branding: { theme: 'light' },
        paymentMethods: ['card'],
        regional: { countries: ['DE'], defaultCurrency: 'EUR', currencies: ['EUR'], locale: 'de-DE', timezone: 'Europe/Berlin', taxBehavior: 'inclusive' },
      },
      { context: ctx },
    );
    const shopper = await h.newCustomer(ctx, { storefrontId: storefront.id, metadata: { plan: 'gold', seats: '12' } });
    const rule = (field: string, op: string, value: unknown) => ({ all: [{ field, op, value }] });
    const matching = await running(ctx, {
      name: 'everything matches',
      offer: { type: 'percent_off', percentOff: '5' },
      targeting: {
        all: [
          rule('country', 'eq', 'DE'),
          rule('storefrontId', 'eq', storefront.id),
          rule('bundleId', 'eq', price.bundleId),
          rule('priceId', 'in', [price.id]),
          rule('currency', 'eq', 'EUR'),
          rule('customer.metadata.plan', 'eq', 'gold'),
          rule('customer.metadata.seats', 'gte', 10),
          rule('newCustomer', 'eq', true),
        ],
      },
    });
    const elsewhere = await running(ctx, { name: 'France only', offer: { type: 'percent_off', percentOff: '50' }, targeting: rule('country', 'eq', 'FR') });

    const result = await evaluate(ctx, { customerId: shopper.id, priceId: price.id });
    expect(result.applied.map((a) => a.campaignId)).toEqual([matching.id]);
    expect(result.rejected).toEqual([{ campaignId: elsewhere.id, code: '', reason: 'not_targeted', message: expect.any(String) }]);

    // The storefront of the request wins over the customer's; a customer without one matches no storefront rule.
    const other = await evaluate(ctx, { customerId: shopper.id, priceId: price.id, storefrontId: 'sf_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M' });
    expect(other.applied).toEqual([]);
    const plain = await evaluate(ctx, { customerId: customer.id, priceId: price.id, storefrontId: storefront.id });
    expect(plain.applied).toEqual([]); // no seats in its metadata
  });

  it('keep the largest discount on one period and the longest trial extension; ties go to the oldest', async () => {
    const { ctx, price, customer } = await checkout();
    await running(ctx, { offer: { type: 'percent_off', percentOff: '10' } }); // 100 off 999
    const oldest = await running(ctx, { offer: { type: 'amount_off', amountOff: 300, currency: 'EUR' } }); // 300
    await running(ctx, { offer: { type: 'percent_off', percentOff: '30.03' } }); // 300 (299.9997 rounds to 300): a tie
    await running(ctx, { offer: { type: 'trial_extension', trialDays: 7 } });
    const longest = await running(ctx, { offer: { type: 'trial_extension', trialDays: 30 } });
    const usd = await running(ctx, { offer: { type: 'amount_off', amountOff: 900, currency: 'USD' } });

    const result = await evaluate(ctx, { customerId: customer.id, priceId: price.id });
    expect(result.applied.map((a) => a.campaignId)).toEqual([oldest.id, longest.id]);
    expect(result.rejected).toEqual([{ campaignId: usd.id, code: '', reason: 'not_targeted', message: expect.stringContaining('USD') }]);
  });
});

describe('coupon codes', () => {
  it("apply only to whoever presents one, matched case-insensitively, and win their slot", async () => {
    const { ctx, price, customer } = await checkout();
    await running(ctx, { offer: { type: 'percent_off', percentOff: '50' } });
    const coded = await running(ctx, { offer: { type: 'percent_off', percentOff: '5' }, codes: [code('Welcome-5')] });

    const without = await evaluate(ctx, { customerId: customer.id, priceId: price.id });
    expect(without.applied.map((a) => a.campaignId)).not.toContain(coded.id);
    const withCode = await evaluate(ctx, { customerId: customer.id, priceId: price.id, couponCode: ' welcome-5 ' });
    expect(withCode.applied).toEqual([{ campaignId: coded.id, code: 'WELCOME-5', variant: '', offer: { type: 'percent_off', percentOff: '5' } }]);
  });

  it('that cannot be used say why: unknown, not active, expired, exhausted, not targeted', async () => {
    const { ctx, price, customer } = await checkout();
    const now = Date.now();
    const draft = await running(ctx, { codes: [code('DRAFTY')] }, true);
    const paused = await running(ctx, { codes: [code('PAUSED')] });
    await h.client.pauseCampaign({ id: paused.id }, { context: ctx });
    const later = await running(ctx, { codes: [code('LATER')], startsAt: new Date(now + 24 * HOUR).toISOString() });
    const past = await running(ctx, { codes: [code('PAST')], startsAt: new Date(now - 48 * HOUR).toISOString(), endsAt: new Date(now - 24 * HOUR).toISOString() });
    const france = await running(ctx, { codes: [code('FRANCE')], targeting: { all: [{ field: 'country', op: 'eq', value: 'FR' }] } });
    const dollars = await running(ctx, { codes: [code('DOLLARS')], offer: { type: 'amount_off', amountOff: 100, currency: 'USD' } });
    const once = await running(ctx, { codes: [code('ONCE', 1)] });
    await h.client.redeem(
      { campaignId: once.id, couponCode: 'once', customerId: customer.id, subscriptionId: 'sub_1', idempotencyKey: `sub_1:${once.id}` },
      { context: { ...ctx, actor: { type: 'system', id: 'billing', role: 'system' } } },
    );
    const full = await running(ctx, { codes: [code('FULL')], maxRedemptions: 1 });
    await h.client.redeem(
      { campaignId: full.id, couponCode: 'FULL', customerId: customer.id, subscriptionId: 'sub_2', idempotencyKey: `sub_2:${full.id}` },
      { context: { ...ctx, actor: { type: 'system', id: 'billing', role: 'system' } } },
    );

    const reasonOf = async (couponCode: string) => {
      const result = await evaluate(ctx, { customerId: customer.id, priceId: price.id, couponCode });
      expect(result.applied).toEqual([]);
      expect(result.rejected).toHaveLength(1);
      return result.rejected[0]!;
    };
    expect(await reasonOf('nope-nope')).toMatchObject({ campaignId: '', code: 'NOPE-NOPE', reason: 'unknown_code' });
    expect(await reasonOf('x')).toMatchObject({ campaignId: '', code: 'X', reason: 'unknown_code' });
    expect(await reasonOf('drafty')).toMatchObject({ campaignId: draft.id, code: 'DRAFTY', reason: 'not_active' });
    expect(await reasonOf('paused')).toMatchObject({ campaignId: paused.id, reason: 'not_active' });
    expect(await reasonOf('later')).toMatchObject({ campaignId: later.id, reason: 'not_active' });
    expect(await reasonOf('past')).toMatchObject({ campaignId: past.id, reason: 'expired' });
    expect(await reasonOf('france')).toMatchObject({ campaignId: france.id, reason: 'not_targeted' });
    expect(await reasonOf('dollars')).toMatchObject({ campaignId: dollars.id, reason: 'not_targeted' });
    expect(await reasonOf('once')).toMatchObject({ campaignId: once.id, reason: 'exhausted' });
    expect(await reasonOf('full')).toMatchObject({ campaignId: full.id, reason: 'exhausted' });

    // The same code at a time inside the schedule applies.
    const inside = await evaluate(ctx, { customerId: customer.id, priceId: price.id, couponCode: 'LATER', at: new Date(now + 25 * HOUR).toISOString() });
    expect(inside.applied.map((a) => a.campaignId)).toEqual([later.id]);
  });
});

describe('A/B variants', () => {
  const variants = [
    { key: 'control', weight: 1, offer: { type: 'percent_off', percentOff: '10' } },
    { key: 'deep', weight: 1, offer: { type: 'percent_off', percentOff: '40' } },
  ];

  it("give a customer one variant for ever, recorded once with one assignment event however often it is asked", async () => {
    const { ctx, price, customer } = await checkout();
    const campaign = await running(ctx, { variants });
    const results = await Promise.all(Array.from({ length: 8 }, () => evaluate(ctx, { customerId: customer.id, priceId: price.id })));
    const chosen = new Set(results.map((r) => r.applied[0]!.variant));
    expect(chosen.size).toBe(1);
    const [variant] = [...chosen];
    expect(results[0]!.applied[0]!.offer).toEqual(variants.find((v) => v.key === variant)!.offer);

    const rows = await h.db('variant_assignments').where({ campaign_id: campaign.id });
    expect(rows).toEqual([expect.objectContaining({ customer_id: customer.id, variant })]);
    const [event] = await h.eventsOf(EVENTS.campaign.variantAssigned, (p) => p.campaignId === campaign.id);
    expect(event!.payload).toMatchObject({ campaignId: campaign.id, customerId: customer.id, variant });
    const outbox = await h.db('outbox').where({ routing_key: EVENTS.campaign.variantAssigned }).whereRaw(`payload->>'campaignId' = ?`, [campaign.id]);
    expect(outbox).toHaveLength(1);
  });

  it('split customers between the variants and assign each exactly once', async () => {
    const { ctx, price } = await checkout();
    const campaign = await running(ctx, { variants });
    const customers = await Promise.all(Array.from({ length: 12 }, () => h.newCustomer(ctx)));
    for (const c of customers) await evaluate(ctx, { customerId: c.id, priceId: price.id });
    for (const c of customers) await evaluate(ctx, { customerId: c.id, priceId: price.id });
    const rows = await h.db('variant_assignments').where({ campaign_id: campaign.id });
    expect(rows).toHaveLength(12);
    await h.eventsOf(EVENTS.campaign.variantAssigned, (p) => p.campaignId === campaign.id, 12);
    const outbox = await h.db('outbox').where({ routing_key: EVENTS.campaign.variantAssigned }).whereRaw(`payload->>'campaignId' = ?`, [campaign.id]);
    expect(outbox).toHaveLength(12);
  });
});

describe('new customers', () => {
  it('stop being new once billing reports a subscription of theirs', async () => {
    const { t, ctx, price, customer } = await checkout();
    const welcome = await running(ctx, { offer: { type: 'trial_extension', trialDays: 14 }, targeting: { all: [{ field: 'newCustomer', op: 'eq', value: true }] } });
    expect((await evaluate(ctx, { customerId: customer.id, priceId: price.id })).applied.map((a) => a.campaignId)).toEqual([welcome.id]);

    // A subscription that never started does not count.
    const expired = await h.publish('billing.subscription.expired.v1', t.scopeOf('production'), {
      subscription: { id: 'sub_never', customerId: customer.id, status: 'incomplete_expired' },
    });
    await h.applied(expired);
    expect((await evaluate(ctx, { customerId: customer.id, priceId: price.id })).applied).toHaveLength(1);

    const created = await h.publish('billing.subscription.created.v1', t.scopeOf('production'), {
      subscription: { id: 'sub_first', customerId: customer.id, status: 'active' },
    });
    await h.applied(created);
    const after = await evaluate(ctx, { customerId: customer.id, priceId: price.id });
    expect(after.applied).toEqual([]);
    expect(after.rejected).toEqual([expect.objectContaining({ campaignId: welcome.id, reason: 'not_targeted' })]);
  });
});

describe("the environment's clock", () => {
  it('moves a sandbox campaign past its end when the test clock advances', async () => {
    const { t, ctx, price, customer } = await checkout('sandbox');
    const campaign = await running(ctx, { codes: [code('SANDBOX-1')], endsAt: new Date(Date.now() + HOUR).toISOString() });
    const before = await evaluate(ctx, { customerId: customer.id, priceId: price.id, couponCode: 'sandbox-1' });
    expect(before.applied.map((a) => a.campaignId)).toEqual([campaign.id]);

    const advanced = await h.publish(TEST_CLOCK_ADVANCED, t.scopeOf('sandbox'), {
      environmentId: t.scopeOf('sandbox').environmentId,
      offsetMs: 2 * HOUR,
      now: new Date(Date.now() + 2 * HOUR).toISOString(),
    });
    await h.applied(advanced);
    const after = await evaluate(ctx, { customerId: customer.id, priceId: price.id, couponCode: 'sandbox-1' });
    expect(after).toEqual({ applied: [], rejected: [expect.objectContaining({ campaignId: campaign.id, reason: 'expired' })] });
    const redeemed = await failureOf(
      h.client.redeem(
        { campaignId: campaign.id, couponCode: 'SANDBOX-1', customerId: customer.id, subscriptionId: 'sub_x', idempotencyKey: 'k' },
        { context: t.as('system', 'sandbox') },
      ),
    );
    expect(redeemed).toMatchObject({ kind: 'unprocessable', code: 'expired' });
  });
});

describe('the facts of a checkout', () => {
  it('must exist in the caller’s environment', async () => {
    const { t, ctx, price, customer } = await checkout();
    expect(await failureOf(evaluate(ctx, { customerId: 'cus_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M', priceId: price.id }))).toMatchObject({
      kind: 'not_found',
      code: 'customer_not_found',
    });
    expect(await failureOf(evaluate(ctx, { customerId: customer.id, priceId: 'price_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M' }))).toMatchObject({
      kind: 'not_found',
      code: 'price_not_found',
    });
    expect(await failureOf(evaluate(t.adminInSandbox, { customerId: customer.id, priceId: price.id }))).toMatchObject({ kind: 'not_found' });
    expect(await failureOf(h.client.evaluate({ customerId: '', priceId: '', storefrontId: '', couponCode: '' }, { context: ctx }))).toMatchObject({
      code: 'invalid_request',
      fields: [{ path: 'customerId' }, { path: 'priceId' }],
    });
  });

  it('do not include an erased customer', async () => {
    const { ctx, price, customer } = await checkout();
    await h.customers.eraseCustomer({ id: customer.id }, { context: ctx });
    expect(await failureOf(evaluate(ctx, { customerId: customer.id, priceId: price.id }))).toMatchObject({ code: 'customer_not_found' });
  });

  it('may be asked by every role and by billing', async () => {
    const { t, price, customer } = await checkout();
    for (const role of ['viewer', 'operator', 'system'] as const) {
      await expect(evaluate(t.as(role), { customerId: customer.id, priceId: price.id })).resolves.toEqual({ applied: [], rejected: [] });
    }
  });
});
