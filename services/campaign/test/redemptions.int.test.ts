import type { CallContext } from '@azotte/common';
import { EVENTS, type campaignV1 } from '@azotte/proto';
import { aCampaign } from './support/builders';
import { failureOf, startHarness, type Harness, type TestTenant } from './support/harness';

let h: Harness;
let t: TestTenant;
let billing: CallContext;
// Every redemption of a campaign waits its turn for the campaign's lock: under a loaded test
// machine a hundred of them may take longer than the client's default deadline.
const patient = { deadlineMs: 60_000 };
beforeAll(async () => {
  h = await startHarness('redemptions');
  t = await h.newTenant();
  billing = t.as('system');
});
afterAll(async () => {
  await h.close();
});

let counter = 0;
const unique = (label: string) => `${label}-${(counter += 1)}-${Math.random().toString(36).slice(2, 7)}`.toUpperCase();

async function running(request: Partial<campaignV1.CreateCampaignRequest> = {}) {
  const created = await h.client.createCampaign(aCampaign(request), { context: t.admin });
  return h.client.activateCampaign({ id: created.id }, { context: t.admin });
}

/** What billing sends: the key is `<subscription id>:<campaign id>`. */
const redemptionFor = (campaignId: string, subscriptionId: string, overrides: Partial<campaignV1.RedeemRequest> = {}): campaignV1.RedeemRequest => ({
  campaignId,
  couponCode: '',
  customerId: 'cus_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M',
  subscriptionId,
  idempotencyKey: `${subscriptionId}:${campaignId}`,
  ...overrides,
});

/** Runs every call at once and sorts the outcomes. */
async function allAtOnce(calls: Array<Promise<campaignV1.Redemption>>) {
  const outcomes = await Promise.allSettled(calls);
  const succeeded = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
  const failed = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as { kind: string; code: string }] : []));
  return { succeeded, failed };
}

describe('limits under concurrency', () => {
  it('100 concurrent redemptions of a code limited to 1 give exactly 1 success', async () => {
    const code = unique('ONCE');
    const campaign = await running({ codes: [{ code, maxRedemptions: 1, redemptions: 0 }] });
    const { succeeded, failed } = await allAtOnce(
      Array.from({ length: 100 }, (_, i) =>
        h.client.redeem(redemptionFor(campaign.id, `sub_once_${i}`, { couponCode: code.toLowerCase(), customerId: `cus_${i}` }), { context: billing, ...patient }),
      ),
    );
    expect(succeeded).toHaveLength(1);
    expect(failed).toHaveLength(99);
    for (const f of failed) expect(f).toMatchObject({ kind: 'unprocessable', code: 'exhausted' });
    expect(succeeded[0]).toMatchObject({ campaignId: campaign.id, code, status: 'reserved' });

    const read = await h.client.getCampaign({ id: campaign.id }, { context: t.admin });
    expect(read).toMatchObject({ redemptions: 1, codes: [{ code, maxRedemptions: 1, redemptions: 1 }] });
    expect(await h.db('redemptions').where({ campaign_id: campaign.id })).toHaveLength(1);
  });

  it("a campaign's total limit holds across concurrent redemptions", async () => {
    const campaign = await running({ maxRedemptions: 5 });
    const { succeeded, failed } = await allAtOnce(
      Array.from({ length: 40 }, (_, i) => h.client.redeem(redemptionFor(campaign.id, `sub_total_${i}`), { context: billing, ...patient })),
    );
    expect(succeeded).toHaveLength(5);
    expect(failed.every((f) => f.code === 'exhausted')).toBe(true);
    expect(await h.client.getCampaign({ id: campaign.id }, { context: t.admin })).toMatchObject({ redemptions: 5 });
  });

  it('one idempotency key sent many times at once reserves one redemption', async () => {
    const campaign = await running({ maxRedemptions: 10 });
    const request = redemptionFor(campaign.id, 'sub_same');
    const { succeeded, failed } = await allAtOnce(Array.from({ length: 20 }, () => h.client.redeem(request, { context: billing, ...patient })));
    expect(failed).toEqual([]);
    expect(new Set(succeeded.map((r) => r.id)).size).toBe(1);
    expect(await h.client.getCampaign({ id: campaign.id }, { context: t.admin })).toMatchObject({ redemptions: 1 });
    const reserved = await h.db('outbox').where({ routing_key: EVENTS.campaign.redemptionReserved }).whereRaw(`payload->>'campaignId' = ?`, [campaign.id]);
    expect(reserved).toHaveLength(1);
    // A later replay too.
    expect((await h.client.redeem(request, { context: billing })).id).toBe(succeeded[0]!.id);
  });

  it('refuses a key reused for another subscription', async () => {
    const campaign = await running();
    await h.client.redeem(redemptionFor(campaign.id, 'sub_a', { idempotencyKey: 'shared-key' }), { context: billing });
    expect(await failureOf(h.client.redeem(redemptionFor(campaign.id, 'sub_b', { idempotencyKey: 'shared-key' }), { context: billing }))).toMatchObject({
      kind: 'unprocessable',
      code: 'idempotency_key_reused',
    });
  });
});

describe('what a redemption is refused for', () => {
  it('names the reason: not active, expired, unknown code, exhausted', async () => {
    const draft = await h.client.createCampaign(aCampaign(), { context: t.admin });
    expect(await failureOf(h.client.redeem(redemptionFor(draft.id, 'sub_r1'), { context: billing }))).toMatchObject({ kind: 'unprocessable', code: 'not_active' });

    const over = await running({ startsAt: '2020-01-01T00:00:00.000Z', endsAt: '2021-01-01T00:00:00.000Z' });
    expect(await failureOf(h.client.redeem(redemptionFor(over.id, 'sub_r2'), { context: billing }))).toMatchObject({ code: 'expired' });
    // At a time billing names, inside the schedule, it is fine.
    await expect(h.client.redeem(redemptionFor(over.id, 'sub_r2', { at: '2020-06-01T00:00:00.000Z' }), { context: billing })).resolves.toMatchObject({ status: 'reserved' });

    const code = unique('CODE');
    const coded = await running({ codes: [{ code, redemptions: 0 }] });
    expect(await failureOf(h.client.redeem(redemptionFor(coded.id, 'sub_r3'), { context: billing }))).toMatchObject({ code: 'unknown_code' });
    expect(await failureOf(h.client.redeem(redemptionFor(coded.id, 'sub_r3', { couponCode: 'OTHER-CODE' }), { context: billing }))).toMatchObject({ code: 'unknown_code' });

    expect(await failureOf(h.client.redeem(redemptionFor('cmp_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M', 'sub_r4'), { context: billing }))).toMatchObject({ kind: 'not_found' });
    expect(await failureOf(h.client.redeem({ ...redemptionFor(coded.id, ''), idempotencyKey: '' }, { context: billing }))).toMatchObject({
      code: 'invalid_request',
      fields: [{ path: 'subscriptionId' }, { path: 'idempotencyKey' }],
    });
  });

  it('is billing’s to ask: people may not redeem', async () => {
    const campaign = await running();
    expect(await failureOf(h.client.redeem(redemptionFor(campaign.id, 'sub_p'), { context: t.admin }))).toMatchObject({ kind: 'permission_denied' });
  });
});

describe('a redemption', () => {
  it("carries the variant's offer, assigns the variant if it was not yet, and says everything analytics needs", async () => {
    const code = unique('AB');
    const campaign = await running({
      codes: [{ code, redemptions: 0 }],
      variants: [
        { key: 'a', weight: 1, offer: { type: 'amount_off', amountOff: 100, currency: 'EUR', durationCycles: 2 } },
        { key: 'b', weight: 1, offer: { type: 'trial_extension', trialDays: 30 } },
      ],
    });
    const redemption = await h.client.redeem(redemptionFor(campaign.id, 'sub_ab', { couponCode: code, customerId: 'cus_ab' }), { context: billing });
    const variant = campaign.variants.find((v) => v.key === redemption.variant)!;
    expect(redemption).toMatchObject({ id: expect.stringMatching(/^red_/), code, customerId: 'cus_ab', subscriptionId: 'sub_ab', status: 'reserved', offer: variant.offer });
    expect(await h.db('variant_assignments').where({ campaign_id: campaign.id, customer_id: 'cus_ab' })).toEqual([expect.objectContaining({ variant: variant.key })]);

    const [reserved] = await h.eventsOf(EVENTS.campaign.redemptionReserved, (p) => p.redemptionId === redemption.id);
    expect(reserved!.payload).toMatchObject({
      campaignId: campaign.id,
      variant: variant.key,
      code,
      customerId: 'cus_ab',
      subscriptionId: 'sub_ab',
      // The JSON form: absent fields are left out.
      offer: JSON.parse(JSON.stringify(variant.offer)),
      status: 'reserved',
    });
    await h.eventsOf(EVENTS.campaign.variantAssigned, (p) => p.campaignId === campaign.id && p.customerId === 'cus_ab');
  });

  it('is released by billing’s compensation: its unit goes back, once', async () => {
    const code = unique('BACK');
    const campaign = await running({ codes: [{ code, maxRedemptions: 1, redemptions: 0 }] });
    const request = redemptionFor(campaign.id, 'sub_back', { couponCode: code });
    await h.client.redeem(request, { context: billing });
    expect(await failureOf(h.client.redeem(redemptionFor(campaign.id, 'sub_next', { couponCode: code }), { context: billing }))).toMatchObject({ code: 'exhausted' });

    const released = await h.client.releaseRedemption({ idempotencyKey: request.idempotencyKey }, { context: billing });
    expect(released).toMatchObject({ status: 'released' });
    expect(await h.client.releaseRedemption({ idempotencyKey: request.idempotencyKey }, { context: billing })).toMatchObject({ status: 'released' });
    expect(await h.client.getCampaign({ id: campaign.id }, { context: t.admin })).toMatchObject({ redemptions: 0, codes: [{ redemptions: 0 }] });
    await h.eventsOf(EVENTS.campaign.redemptionReleased, (p) => p.subscriptionId === 'sub_back');
    const events = await h.db('outbox').where({ routing_key: EVENTS.campaign.redemptionReleased }).whereRaw(`payload->>'subscriptionId' = ?`, ['sub_back']);
    expect(events).toHaveLength(1);
    // A replay of the released redemption's key returns it as it is, and reserves nothing.
    expect(await h.client.redeem(request, { context: billing })).toMatchObject({ status: 'released' });
    await expect(h.client.redeem(redemptionFor(campaign.id, 'sub_next', { couponCode: code }), { context: billing })).resolves.toMatchObject({ status: 'reserved' });
    expect(await failureOf(h.client.releaseRedemption({ idempotencyKey: 'never-used' }, { context: billing }))).toMatchObject({ kind: 'not_found' });
  });
});

describe("billing's subscription events settle redemptions", () => {
  const scope = () => t.scopeOf('production');
  const subscriptionEvent = (type: string, id: string, status: string) =>
    h.publish(`billing.subscription.${type}.v1`, scope(), { subscription: { id, customerId: 'cus_events', status }, previousStatus: '' });

  it('confirms it when the subscription starts, and a later event changes nothing', async () => {
    const campaign = await running({ maxRedemptions: 3 });
    const redemption = await h.client.redeem(redemptionFor(campaign.id, 'sub_paid'), { context: billing });
    await h.applied(await subscriptionEvent('activated', 'sub_paid', 'active'));
    const [confirmed] = await h.eventsOf(EVENTS.campaign.redemptionConfirmed, (p) => p.redemptionId === redemption.id);
    expect(confirmed!.payload).toMatchObject({ status: 'confirmed', subscriptionId: 'sub_paid' });
    await h.applied(await subscriptionEvent('canceled', 'sub_paid', 'canceled'));
    expect(await h.db('redemptions').where({ id: redemption.id }).first()).toMatchObject({ status: 'confirmed' });
    expect(await h.client.getCampaign({ id: campaign.id }, { context: t.admin })).toMatchObject({ redemptions: 1 });
    // Confirmed is for good: billing's compensation no longer releases it.
    expect(await h.client.releaseRedemption({ idempotencyKey: `sub_paid:${campaign.id}` }, { context: billing })).toMatchObject({ status: 'confirmed' });
  });

  it('confirms a trialing subscription at once', async () => {
    const campaign = await running();
    const redemption = await h.client.redeem(redemptionFor(campaign.id, 'sub_trial'), { context: billing });
    await h.applied(await subscriptionEvent('created', 'sub_trial', 'trialing'));
    expect(await h.db('redemptions').where({ id: redemption.id }).first()).toMatchObject({ status: 'confirmed' });
  });

  it('releases it when the subscription expires incomplete, or is canceled before it started', async () => {
    const campaign = await running({ maxRedemptions: 2 });
    const first = await h.client.redeem(redemptionFor(campaign.id, 'sub_unpaid'), { context: billing });
    const second = await h.client.redeem(redemptionFor(campaign.id, 'sub_gave_up'), { context: billing });
    await h.applied(await subscriptionEvent('created', 'sub_unpaid', 'incomplete'));
    expect(await h.db('redemptions').where({ id: first.id }).first()).toMatchObject({ status: 'reserved' });
    await h.applied(await subscriptionEvent('expired', 'sub_unpaid', 'incomplete_expired'));
    await h.applied(await subscriptionEvent('canceled', 'sub_gave_up', 'canceled'));
    await h.eventsOf(EVENTS.campaign.redemptionReleased, (p) => [first.id, second.id].includes(p.redemptionId), 2);
    expect(await h.client.getCampaign({ id: campaign.id }, { context: t.admin })).toMatchObject({ redemptions: 0 });
  });

  it('confirms a redemption made after billing already reported the subscription started', async () => {
    const campaign = await running();
    await h.applied(await subscriptionEvent('created', 'sub_early', 'active'));
    const redemption = await h.client.redeem(redemptionFor(campaign.id, 'sub_early'), { context: billing });
    expect(redemption).toMatchObject({ status: 'confirmed' });
    await h.eventsOf(EVENTS.campaign.redemptionConfirmed, (p) => p.redemptionId === redemption.id);
  });
});
