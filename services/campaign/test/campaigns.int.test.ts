import { EVENTS } from '@azotte/proto';
import { aCampaign } from './support/builders';
import { failureOf, startHarness, type Harness, type TestTenant } from './support/harness';

let h: Harness;
let t: TestTenant;
beforeAll(async () => {
  h = await startHarness('campaigns');
  t = await h.newTenant();
});
afterAll(async () => {
  await h.close();
});

const code = (value: string, maxRedemptions?: number) => ({ code: value, maxRedemptions, redemptions: 0 });
const unique = (label: string) => `${label}${Math.random().toString(36).slice(2, 8)}`.toUpperCase();

describe('creating a campaign', () => {
  it('stores it in draft, with everything it was given, and publishes campaign.campaign.created.v1', async () => {
    const created = await h.client.createCampaign(
      aCampaign({
        name: 'Spring sale',
        startsAt: '2026-03-01T00:00:00.000Z',
        endsAt: '2026-04-01T00:00:00.000Z',
        offer: { type: 'percent_off', percentOff: '12.50', durationCycles: 3 },
        targeting: { all: [{ field: 'country', op: 'in', value: ['DE', 'AT'] }, { any: [{ field: 'newCustomer', op: 'eq', value: true }] }] },
        codes: [code('spring-A1', 10)],
        maxRedemptions: 100,
      }),
      { context: t.admin },
    );
    expect(created).toMatchObject({
      id: expect.stringMatching(/^cmp_/),
      name: 'Spring sale',
      status: 'draft',
      startsAt: '2026-03-01T00:00:00.000Z',
      endsAt: '2026-04-01T00:00:00.000Z',
      offer: { type: 'percent_off', percentOff: '12.5', durationCycles: 3 },
      targeting: { all: [{ field: 'country', op: 'in', value: ['DE', 'AT'] }, { any: [{ field: 'newCustomer', op: 'eq', value: true }] }] },
      codes: [{ code: 'spring-A1', maxRedemptions: 10, redemptions: 0 }],
      maxRedemptions: 100,
      redemptions: 0,
      variants: [],
      environmentId: t.admin.scope!.environmentId,
    });
    expect(await h.client.getCampaign({ id: created.id }, { context: t.as('viewer') })).toEqual(created);
    const [event] = await h.eventsOf(EVENTS.campaign.campaignCreated, (p) => p.campaign.id === created.id);
    expect(event).toMatchObject({ tenantId: t.tenant.id, environmentId: t.admin.scope!.environmentId });
    expect(event!.payload.campaign).toMatchObject({ id: created.id, status: 'draft', offer: { type: 'percent_off', percentOff: '12.5' } });
  });

  it('refuses an invalid campaign with every problem named by its path', async () => {
    const failure = await failureOf(
      h.client.createCampaign(
        aCampaign({
          name: '',
          offer: { type: 'amount_off', amountOff: 0 },
          targeting: { any: [{ field: 'country', op: 'eq', value: 'DE' }, { all: [{ field: 'currency', op: 'gte', value: 'EUR' }] }] },
          codes: [code('ab')],
          variants: [
            { key: 'a', weight: 1, offer: { type: 'trial_extension', trialDays: 7 } },
            { key: 'a', weight: -1, offer: { type: 'trial_extension', trialDays: 7 } },
          ],
        }),
        { context: t.admin },
      ),
    );
    expect(failure).toMatchObject({ kind: 'invalid_argument', code: 'invalid_request' });
    expect(failure.fields.map((f) => f.path)).toEqual([
      'name',
      'offer.amountOff',
      'offer.currency',
      'targeting.any.1.all.0.op',
      'codes.0.code',
      'variants.1.key',
      'variants.1.weight',
    ]);
  });

  it('refuses a code another campaign of the environment has, in any case, naming it', async () => {
    const taken = unique('TAKEN');
    await h.client.createCampaign(aCampaign({ codes: [code(taken)] }), { context: t.admin });
    const failure = await failureOf(
      h.client.createCampaign(aCampaign({ codes: [code(unique('FREE')), code(taken.toLowerCase())] }), { context: t.admin }),
    );
    expect(failure).toMatchObject({ kind: 'conflict', code: 'code_taken', fields: [{ path: 'codes.1.code' }] });
    expect(failure.message).toContain(taken);
    // Another environment has codes of its own.
    await expect(h.client.createCampaign(aCampaign({ codes: [code(taken)] }), { context: t.adminInSandbox })).resolves.toBeDefined();
  });

  it('is for administrators and managers only', async () => {
    await expect(h.client.createCampaign(aCampaign(), { context: t.as('manager') })).resolves.toBeDefined();
    for (const role of ['operator', 'viewer', 'system'] as const) {
      expect(await failureOf(h.client.createCampaign(aCampaign(), { context: t.as(role) }))).toMatchObject({ kind: 'permission_denied' });
    }
  });
});

describe('the lifecycle', () => {
  it('runs draft → active ⇄ paused → ended, each move published, and operators may move it', async () => {
    const { id } = await h.client.createCampaign(aCampaign(), { context: t.admin });
    const operator = t.as('operator');
    expect(await h.client.activateCampaign({ id }, { context: operator })).toMatchObject({ status: 'active' });
    expect(await h.client.pauseCampaign({ id }, { context: operator })).toMatchObject({ status: 'paused' });
    expect(await h.client.activateCampaign({ id }, { context: operator })).toMatchObject({ status: 'active' });
    expect(await h.client.endCampaign({ id }, { context: operator })).toMatchObject({ status: 'ended' });

    const [ended] = await h.eventsOf(EVENTS.campaign.campaignEnded, (p) => p.campaign.id === id);
    const moves = h.events.filter((e) => e.payload.campaign?.id === id && e.type !== EVENTS.campaign.campaignCreated);
    expect(moves.map((e) => [e.type, e.payload.campaign.status, e.payload.changedFields])).toEqual([
      [EVENTS.campaign.campaignActivated, 'active', ['status']],
      [EVENTS.campaign.campaignPaused, 'paused', ['status']],
      [EVENTS.campaign.campaignActivated, 'active', ['status']],
      [EVENTS.campaign.campaignEnded, 'ended', ['status']],
    ]);
    expect(ended!.payload).toMatchObject({ previousStatus: 'active', campaign: { status: 'ended' } });
  });

  it('refuses any other move with 409 invalid_transition; ended is final', async () => {
    const { id } = await h.client.createCampaign(aCampaign(), { context: t.admin });
    expect(await failureOf(h.client.pauseCampaign({ id }, { context: t.admin }))).toMatchObject({ kind: 'conflict', code: 'invalid_transition' });
    await h.client.activateCampaign({ id }, { context: t.admin });
    expect(await failureOf(h.client.activateCampaign({ id }, { context: t.admin }))).toMatchObject({ code: 'invalid_transition' });
    await h.client.endCampaign({ id }, { context: t.admin });
    for (const move of [h.client.activateCampaign, h.client.pauseCampaign, h.client.endCampaign]) {
      expect(await failureOf(move({ id }, { context: t.admin }))).toMatchObject({ code: 'invalid_transition' });
    }
    expect(
      await failureOf(h.client.updateCampaign({ id, name: 'Again', codes: [], replaceCodes: false, variants: [], replaceVariants: false, clearTargeting: false, clearStartsAt: false, clearEndsAt: false, clearMaxRedemptions: false }, { context: t.admin })),
    ).toMatchObject({ kind: 'conflict', code: 'campaign_ended' });
  });

  it('lets a draft be ended without ever running', async () => {
    const { id } = await h.client.createCampaign(aCampaign(), { context: t.admin });
    expect(await h.client.endCampaign({ id }, { context: t.admin })).toMatchObject({ status: 'ended' });
  });

  it('is not for viewers', async () => {
    const { id } = await h.client.createCampaign(aCampaign(), { context: t.admin });
    expect(await failureOf(h.client.activateCampaign({ id }, { context: t.as('viewer') }))).toMatchObject({ kind: 'permission_denied' });
  });
});

const noChange = { codes: [], replaceCodes: false, variants: [], replaceVariants: false, clearTargeting: false, clearStartsAt: false, clearEndsAt: false, clearMaxRedemptions: false };

describe('updating a campaign', () => {
  it('replaces the fields present, checks the result whole, and names what changed in its event', async () => {
    const keep = unique('KEEP');
    const created = await h.client.createCampaign(
      aCampaign({ codes: [code(keep, 5), code(unique('DROP'))], endsAt: '2030-01-01T00:00:00.000Z', maxRedemptions: 10 }),
      { context: t.admin },
    );
    const added = unique('ADD');
    const updated = await h.client.updateCampaign(
      {
        ...noChange,
        id: created.id,
        name: 'Summer sale',
        offer: { type: 'amount_off', amountOff: 500, currency: 'EUR' },
        targeting: { any: [{ field: 'customer.metadata.plan', op: 'eq', value: 'gold' }] },
        codes: [code(keep.toLowerCase(), 7), code(added)],
        replaceCodes: true,
        clearEndsAt: true,
        clearMaxRedemptions: true,
      },
      { context: t.as('manager') },
    );
    expect(updated).toMatchObject({
      name: 'Summer sale',
      offer: { type: 'amount_off', amountOff: 500, currency: 'EUR' },
      targeting: { any: [{ field: 'customer.metadata.plan', op: 'eq', value: 'gold' }] },
      codes: [{ code: keep.toLowerCase(), maxRedemptions: 7 }, { code: added }],
      status: 'draft',
    });
    expect(updated.endsAt).toBeUndefined();
    expect(updated.maxRedemptions).toBeUndefined();
    const [event] = await h.eventsOf(EVENTS.campaign.campaignUpdated, (p) => p.campaign.id === created.id);
    expect(event!.payload.changedFields.sort()).toEqual(['codes', 'endsAt', 'maxRedemptions', 'name', 'offer', 'targeting']);
  });

  it('refuses a schedule that ends before it starts, after the merge', async () => {
    const { id } = await h.client.createCampaign(aCampaign({ startsAt: '2030-01-01T00:00:00.000Z' }), { context: t.admin });
    const failure = await failureOf(h.client.updateCampaign({ ...noChange, id, endsAt: '2029-01-01T00:00:00.000Z' }, { context: t.admin }));
    expect(failure).toMatchObject({ code: 'invalid_request', fields: [{ path: 'endsAt' }] });
  });

  it('publishes nothing when nothing changes', async () => {
    const { id } = await h.client.createCampaign(aCampaign({ targeting: { all: [{ field: 'country', op: 'eq', value: 'DE' }] } }), { context: t.admin });
    await h.client.updateCampaign({ ...noChange, id, name: 'Spring sale', targeting: { all: [{ value: 'DE', op: 'eq', field: 'country' }] } }, { context: t.admin });
    await h.eventsOf(EVENTS.campaign.campaignCreated, (p) => p.campaign.id === id);
    const rows = await h.db('outbox').where({ routing_key: EVENTS.campaign.campaignUpdated }).whereRaw(`payload->'campaign'->>'id' = ?`, [id]);
    expect(rows).toHaveLength(0);
  });

  it('changes variants only while the campaign is a draft', async () => {
    const variants = [
      { key: 'a', weight: 1, offer: { type: 'percent_off', percentOff: '10' } },
      { key: 'b', weight: 1, offer: { type: 'percent_off', percentOff: '20' } },
    ];
    const { id } = await h.client.createCampaign(aCampaign({ variants }), { context: t.admin });
    const reweighted = [{ ...variants[0]!, weight: 3 }, variants[1]!];
    await expect(h.client.updateCampaign({ ...noChange, id, variants: reweighted, replaceVariants: true }, { context: t.admin })).resolves.toMatchObject({
      variants: [{ key: 'a', weight: 3 }, { key: 'b', weight: 1 }],
    });
    await h.client.activateCampaign({ id }, { context: t.admin });
    expect(await failureOf(h.client.updateCampaign({ ...noChange, id, variants, replaceVariants: true }, { context: t.admin }))).toMatchObject({
      kind: 'conflict',
      code: 'variants_locked',
    });
    // The same variants again are no change at all.
    await expect(h.client.updateCampaign({ ...noChange, id, variants: reweighted, replaceVariants: true, name: 'Running' }, { context: t.admin })).resolves.toMatchObject({ name: 'Running' });
  });

  it('is for administrators and managers only', async () => {
    const { id } = await h.client.createCampaign(aCampaign(), { context: t.admin });
    expect(await failureOf(h.client.updateCampaign({ ...noChange, id, name: 'x' }, { context: t.as('operator') }))).toMatchObject({ kind: 'permission_denied' });
  });
});

describe('reading campaigns', () => {
  it('lists them newest first, filtered by status, a page at a time', async () => {
    const other = await h.newTenant();
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push((await h.client.createCampaign(aCampaign({ name: `c${i}` }), { context: other.admin })).id);
    await h.client.activateCampaign({ id: ids[1]! }, { context: other.admin });
    const first = await h.client.listCampaigns({ page: { limit: 2, cursor: '' }, status: '' }, { context: other.as('viewer') });
    expect(first.data.map((c) => c.id)).toEqual([ids[2], ids[1]]);
    const second = await h.client.listCampaigns({ page: { limit: 2, cursor: first.nextCursor }, status: '' }, { context: other.admin });
    expect(second).toMatchObject({ data: [{ id: ids[0] }], nextCursor: '' });
    const active = await h.client.listCampaigns({ page: { limit: 20, cursor: '' }, status: 'active' }, { context: other.admin });
    expect(active.data.map((c) => c.id)).toEqual([ids[1]]);
    expect(await failureOf(h.client.listCampaigns({ status: 'running' }, { context: other.admin }))).toMatchObject({ fields: [{ path: 'status' }] });
  });

  it('never shows another tenant or environment a campaign: it is not found', async () => {
    const { id } = await h.client.createCampaign(aCampaign(), { context: t.admin });
    const other = await h.newTenant();
    for (const context of [other.admin, t.adminInSandbox]) {
      expect(await failureOf(h.client.getCampaign({ id }, { context }))).toMatchObject({ kind: 'not_found', code: 'campaign_not_found' });
      expect(await failureOf(h.client.activateCampaign({ id }, { context }))).toMatchObject({ kind: 'not_found' });
      expect(await failureOf(h.client.updateCampaign({ ...noChange, id, name: 'x' }, { context }))).toMatchObject({ kind: 'not_found' });
    }
  });
});
