import { startPlatform, type Platform } from './support/platform';

let platform: Platform;
let token: string;
beforeAll(async () => {
  platform = await startPlatform('campaigns');
  ({ token } = await platform.createTenant());
});
afterAll(async () => {
  await platform.stop();
});

const campaignBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Spring sale',
  offer: { type: 'percent_off', percentOff: 25, durationCycles: 3 },
  ...overrides,
});
const suffix = () => Math.random().toString(36).slice(2, 8).toUpperCase();

async function create(as: string, overrides: Record<string, unknown> = {}) {
  const res = await platform.call('POST', '/campaigns', { token: as, body: campaignBody(overrides) });
  expect(res.status).toBe(201);
  return res.body as { id: string; status: string };
}

/** The paths a 400 names, each once, sorted. */
const pathsOf = (res: { status: number; body: { errors?: Array<{ path: string }> } }) => {
  expect(res.status).toBe(400);
  return [...new Set((res.body.errors ?? []).map((e) => e.path))].sort();
};

/** A tenant of its own (automatic campaigns apply to all its checkouts), with a price and a customer. */
async function checkout() {
  const { token: owner } = await platform.createTenant();
  const bundle = await platform.call('POST', '/bundles', { token: owner, body: { name: 'Premium', entitlements: [] } });
  const price = await platform.call('POST', `/bundles/${bundle.body.id}/prices`, { token: owner, body: { currency: 'EUR', amount: 999, interval: 'month' } });
  const customer = await platform.call('POST', '/customers', { token: owner, body: { email: `c-${suffix().toLowerCase()}@example.com`, country: 'DE' } });
  expect([bundle.status, price.status, customer.status]).toEqual([201, 201, 201]);
  return { owner, priceId: price.body.id as string, customerId: customer.body.id as string };
}

describe('campaigns', () => {
  it('are created in draft with what they were given, read back and listed', async () => {
    const code = `SPRING-${suffix()}`;
    const res = await platform.call('POST', '/campaigns', {
      token,
      body: campaignBody({
        startsAt: '2026-03-01T00:00:00Z',
        endsAt: '2030-01-01T00:00:00Z',
        targeting: { all: [{ field: 'country', op: 'in', value: ['DE', 'AT'] }] },
        codes: [{ code: code.toLowerCase(), maxRedemptions: 10 }],
        maxRedemptions: 100,
        variants: [
          { key: 'control', weight: 50, offer: { type: 'percent_off', percentOff: 12.5 } },
          { key: 'trial', weight: 50, offer: { type: 'trial_extension', trialDays: 14 } },
        ],
      }),
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^cmp_/),
      name: 'Spring sale',
      status: 'draft',
      startsAt: '2026-03-01T00:00:00.000Z',
      endsAt: '2030-01-01T00:00:00.000Z',
      offer: { type: 'percent_off', percentOff: 25, durationCycles: 3 },
      targeting: { all: [{ field: 'country', op: 'in', value: ['DE', 'AT'] }] },
      codes: [{ code: code.toLowerCase(), maxRedemptions: 10, redemptions: 0 }],
      maxRedemptions: 100,
      redemptions: 0,
      variants: [
        { key: 'control', weight: 50, offer: { type: 'percent_off', percentOff: 12.5 } },
        { key: 'trial', weight: 50, offer: { type: 'trial_extension', trialDays: 14 } },
      ],
      environmentId: expect.stringMatching(/^env_/),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(await platform.call('GET', `/campaigns/${res.body.id}`, { token })).toMatchObject({ status: 200, body: res.body });
    const listed = await platform.call('GET', '/campaigns?status=draft&limit=100', { token });
    expect(listed.body.data.map((c: { id: string }) => c.id)).toContain(res.body.id);
    expect((await platform.call('GET', '/campaigns?status=active', { token })).body.data.map((c: { id: string }) => c.id)).not.toContain(res.body.id);
    expect(pathsOf(await platform.call('GET', '/campaigns?status=running', { token }))).toEqual(['status']);
  });

  it('refuse invalid input with every path named, the rule tree included', async () => {
    const res = await platform.call('POST', '/campaigns', {
      token,
      body: {
        name: '',
        offer: { type: 'percent_off', percentOff: 100.5, currency: 'EUR' },
        codes: [{ code: 'SAME1' }, { code: 'same1' }],
        variants: [
          { key: 'a', weight: 0, offer: { type: 'trial_extension', trialDays: 7 } },
          { key: 'b', weight: 1, offer: { type: 'amount_off', amountOff: 5 } },
        ],
        startsAt: 'tomorrow',
      },
    });
    expect(pathsOf(res)).toEqual(['codes.1.code', 'name', 'offer.currency', 'offer.percentOff', 'startsAt', 'variants.0.weight', 'variants.1.offer.currency']);
    expect(res.headers.get('content-type')).toContain('application/problem+json');

    const rules = await platform.call('POST', '/campaigns', {
      token,
      body: campaignBody({ targeting: { all: [{ field: 'country', op: 'like', value: 'DE' }, { any: [{ field: 'plan', op: 'eq', value: 'x' }] }] } }),
    });
    expect(pathsOf(rules)).toEqual(['targeting.all.0.op', 'targeting.all.1.any.0.field']);
    expect(rules.body.code).toBe('invalid_request');
  });

  it('refuse a coupon code the environment already has, with a 409', async () => {
    const code = `TAKEN-${suffix()}`;
    await create(token, { codes: [{ code }] });
    const res = await platform.call('POST', '/campaigns', { token, body: campaignBody({ codes: [{ code: code.toLowerCase() }] }) });
    expect(res).toMatchObject({ status: 409, body: { code: 'code_taken', errors: [{ path: 'codes.0.code' }] } });
  });

  it('take an Idempotency-Key: a retry replays the first response and creates nothing more', async () => {
    const headers = { 'Idempotency-Key': `campaign-${Math.random()}` };
    const first = await platform.call('POST', '/campaigns', { token, headers, body: campaignBody({ name: 'Once' }) });
    const again = await platform.call('POST', '/campaigns', { token, headers, body: campaignBody({ name: 'Once' }) });
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 201, body: first.body });
    const other = await platform.call('POST', '/campaigns', { token, headers, body: campaignBody({ name: 'Twice' }) });
    expect(other).toMatchObject({ status: 422, body: { code: 'idempotency_key_reused' } });
  });

  it('change with PATCH: fields given replace, null removes, and an ended campaign no longer changes', async () => {
    const { id } = await create(token, { endsAt: '2030-01-01T00:00:00Z', maxRedemptions: 5, targeting: { any: [{ field: 'newCustomer', op: 'eq', value: true }] } });
    const res = await platform.call('PATCH', `/campaigns/${id}`, {
      token,
      body: { name: 'Summer', endsAt: null, maxRedemptions: null, targeting: null, offer: { type: 'amount_off', amountOff: 500, currency: 'EUR' } },
    });
    expect(res).toMatchObject({
      status: 200,
      body: { name: 'Summer', endsAt: null, maxRedemptions: null, targeting: null, offer: { type: 'amount_off', amountOff: 500, currency: 'EUR' } },
    });
    await platform.call('POST', `/campaigns/${id}/end`, { token });
    expect(await platform.call('PATCH', `/campaigns/${id}`, { token, body: { name: 'Again' } })).toMatchObject({ status: 409, body: { code: 'campaign_ended' } });
  });
});

describe('the lifecycle through the gateway', () => {
  it('lets an operator activate and pause but not create or edit; a viewer only reads', async () => {
    const operator = (await platform.createUser(token, 'operator')).token;
    const viewer = (await platform.createUser(token, 'viewer')).token;
    expect((await platform.call('POST', '/campaigns', { token: operator, body: campaignBody() })).status).toBe(403);
    const { id } = await create(token);
    expect((await platform.call('PATCH', `/campaigns/${id}`, { token: operator, body: { name: 'x' } })).status).toBe(403);

    expect(await platform.call('POST', `/campaigns/${id}/activate`, { token: operator })).toMatchObject({ status: 200, body: { id, status: 'active' } });
    expect(await platform.call('POST', `/campaigns/${id}/pause`, { token: operator })).toMatchObject({ status: 200, body: { status: 'paused' } });
    expect((await platform.call('POST', `/campaigns/${id}/activate`, { token: viewer })).status).toBe(403);
    expect(await platform.call('GET', `/campaigns/${id}`, { token: viewer })).toMatchObject({ status: 200, body: { status: 'paused' } });
    expect(await platform.call('POST', `/campaigns/${id}/pause`, { token: operator })).toMatchObject({ status: 409, body: { code: 'invalid_transition' } });
    expect(await platform.call('POST', `/campaigns/${id}/activate`, { token: operator })).toMatchObject({ status: 200, body: { status: 'active' } });
    expect(await platform.call('POST', `/campaigns/${id}/end`, { token: operator })).toMatchObject({ status: 200, body: { status: 'ended' } });
    expect(await platform.call('POST', `/campaigns/${id}/activate`, { token })).toMatchObject({ status: 409, body: { code: 'invalid_transition' } });
  });

  it('never shows a campaign to another tenant or environment: 404', async () => {
    const { id } = await create(token);
    const other = await platform.createTenant();
    expect(await platform.call('GET', `/campaigns/${id}`, { token: other.token })).toMatchObject({ status: 404, body: { code: 'campaign_not_found' } });
    expect((await platform.call('POST', `/campaigns/${id}/activate`, { token: other.token })).status).toBe(404);
    const sandbox = { 'X-Environment': 'sandbox' };
    expect((await platform.call('GET', `/campaigns/${id}`, { token, headers: sandbox })).status).toBe(404);
    expect((await platform.call('PATCH', `/campaigns/${id}`, { token, headers: sandbox, body: { name: 'x' } })).status).toBe(404);
    const listed = await platform.call('GET', '/campaigns?limit=100', { token, headers: sandbox });
    expect(listed.body.data.map((c: { id: string }) => c.id)).not.toContain(id);
  });
});

describe('POST /campaigns/evaluate', () => {
  it('answers the offers that apply, with and without a code, and why a code does not', async () => {
    const { owner, priceId, customerId } = await checkout();
    const automatic = await create(owner, { offer: { type: 'percent_off', percentOff: 10 } });
    await platform.call('POST', `/campaigns/${automatic.id}/activate`, { token: owner });
    const code = `WELCOME-${suffix()}`;
    const coded = await create(owner, { offer: { type: 'amount_off', amountOff: 300, currency: 'EUR' }, codes: [{ code }] });
    await platform.call('POST', `/campaigns/${coded.id}/activate`, { token: owner });
    const trial = await create(owner, { offer: { type: 'trial_extension', trialDays: 14 }, targeting: { all: [{ field: 'newCustomer', op: 'eq', value: true }] } });
    await platform.call('POST', `/campaigns/${trial.id}/activate`, { token: owner });

    const plain = await platform.call('POST', '/campaigns/evaluate', { token: owner, body: { customerId, priceId } });
    expect(plain).toMatchObject({ status: 200 });
    expect(plain.body).toEqual({
      data: [
        { campaignId: automatic.id, offer: { type: 'percent_off', percentOff: 10 } },
        { campaignId: trial.id, offer: { type: 'trial_extension', trialDays: 14 } },
      ],
      rejected: [],
    });

    const withCode = await platform.call('POST', '/campaigns/evaluate', { token: owner, body: { customerId, priceId, couponCode: code.toLowerCase() } });
    expect(withCode.body.data).toEqual([
      { campaignId: coded.id, offer: { type: 'amount_off', amountOff: 300, currency: 'EUR' } },
      { campaignId: trial.id, offer: { type: 'trial_extension', trialDays: 14 } },
    ]);

    const unknown = await platform.call('POST', '/campaigns/evaluate', { token: owner, body: { customerId, priceId, couponCode: 'NOPE-NOPE' } });
    expect(unknown.body.rejected).toEqual([{ campaignId: null, code: 'NOPE-NOPE', reason: 'unknown_code', message: expect.any(String) }]);

    await platform.call('POST', `/campaigns/${coded.id}/pause`, { token: owner });
    const paused = await platform.call('POST', '/campaigns/evaluate', { token: owner, body: { customerId, priceId, couponCode: code } });
    expect(paused.body.rejected).toEqual([{ campaignId: coded.id, code, reason: 'not_active', message: expect.any(String) }]);
  });

  it('gives an A/B customer the same variant every time', async () => {
    const { owner, priceId, customerId } = await checkout();
    const ab = await create(owner, {
      variants: [
        { key: 'ten', weight: 1, offer: { type: 'percent_off', percentOff: 10 } },
        { key: 'twenty', weight: 1, offer: { type: 'percent_off', percentOff: 20 } },
      ],
    });
    await platform.call('POST', `/campaigns/${ab.id}/activate`, { token: owner });
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => platform.call('POST', '/campaigns/evaluate', { token: owner, body: { customerId, priceId } })),
    );
    const variants = new Set(answers.map((a) => a.body.data[0].variant));
    expect(variants.size).toBe(1);
    expect(['ten', 'twenty']).toContain([...variants][0]);
  });

  it('is a 404 for a customer or price it cannot see, and a 400 without them', async () => {
    const { owner, priceId } = await checkout();
    const res = await platform.call('POST', '/campaigns/evaluate', { token: owner, body: { customerId: 'cus_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M', priceId } });
    expect(res).toMatchObject({ status: 404, body: { code: 'customer_not_found' } });
    expect(pathsOf(await platform.call('POST', '/campaigns/evaluate', { token: owner, body: {} }))).toEqual(['customerId', 'priceId']);
  });
});
