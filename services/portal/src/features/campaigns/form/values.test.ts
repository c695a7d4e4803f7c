import { describe, expect, it } from 'vitest';
import type { Schema } from '../../../lib/api';
import { localToIso } from '../model/datetime';
import { fromTargeting } from '../targeting/tree';
import { campaignSchema, createBody, emptyCampaign, updateBody, valuesOf, type CampaignValues } from './values';

const campaign: Schema<'Campaign'> = {
  id: 'cmp_1',
  name: 'Spring',
  status: 'active',
  startsAt: '2026-03-01T08:30:15.000Z',
  endsAt: null,
  offer: { type: 'amount_off', amountOff: 500, currency: 'EUR' },
  targeting: { all: [{ field: 'country', op: 'eq', value: 'DE' }] },
  codes: [{ code: 'SPRING', maxRedemptions: 10, redemptions: 3 }],
  maxRedemptions: null,
  redemptions: 3,
  variants: [
    { key: 'a', weight: 1, offer: { type: 'percent_off', percentOff: 10 } },
    { key: 'b', weight: 1, offer: { type: 'percent_off', percentOff: 20 } },
  ],
  environmentId: 'env_1',
  createdAt: '2026-02-01T00:00:00.000Z',
  updatedAt: null,
};

const filled = (change: Partial<CampaignValues> = {}): CampaignValues => ({
  ...emptyCampaign(),
  name: ' Spring sale ',
  offer: { ...emptyCampaign().offer, percentOff: '25' },
  ...change,
});

describe('the campaign form', () => {
  it('creates with only what was filled in', () => {
    expect(createBody(filled())).toEqual({ name: 'Spring sale', offer: { type: 'percent_off', percentOff: 25 } });
  });

  it('creates with schedule, limit, codes, targeting and variants', () => {
    const body = createBody(
      filled({
        startsAt: '2026-03-01T09:00',
        maxRedemptions: '100',
        codes: [{ code: 'SPRING25', maxRedemptions: '' }, { code: 'VIP', maxRedemptions: '5' }],
        targeting: fromTargeting({ any: [{ field: 'newCustomer', op: 'eq', value: true }] }),
        variants: [
          { key: 'a', weight: '70', offer: { ...emptyCampaign().offer, percentOff: '10' } },
          { key: 'b', weight: '30', offer: { ...emptyCampaign().offer, type: 'trial_extension', trialDays: '30' } },
        ],
      }),
    );
    expect(body).toEqual({
      name: 'Spring sale',
      offer: { type: 'percent_off', percentOff: 25 },
      startsAt: localToIso('2026-03-01T09:00'),
      maxRedemptions: 100,
      targeting: { any: [{ field: 'newCustomer', op: 'eq', value: true }] },
      codes: [{ code: 'SPRING25' }, { code: 'VIP', maxRedemptions: 5 }],
      variants: [
        { key: 'a', weight: 70, offer: { type: 'percent_off', percentOff: 10 } },
        { key: 'b', weight: 30, offer: { type: 'trial_extension', trialDays: 30 } },
      ],
    });
  });

  it('edits a running campaign without its variants, an emptied field as null, an untouched time not at all', () => {
    const values = valuesOf(campaign);
    expect(values.offer.amountOff).toBe('5.00');
    expect(updateBody({ ...values, targeting: fromTargeting(null), maxRedemptions: '' }, campaign)).toEqual({
      name: 'Spring',
      offer: { type: 'amount_off', amountOff: 500, currency: 'EUR' },
      maxRedemptions: null,
      targeting: null,
      codes: [{ code: 'SPRING', maxRedemptions: 10 }],
    });
    expect(updateBody({ ...values, startsAt: '' }, campaign).startsAt).toBeNull();
    expect(updateBody(values, { ...campaign, status: 'draft' }).variants).toHaveLength(2);
  });

  it('checks everything at once, at the paths the API would name', () => {
    const result = campaignSchema.safeParse(
      filled({
        name: '',
        startsAt: '2026-03-02T00:00',
        endsAt: '2026-03-01T00:00',
        codes: [{ code: 'ab', maxRedemptions: '' }, { code: 'spring', maxRedemptions: '0' }, { code: 'SPRING', maxRedemptions: '' }],
        variants: [{ key: 'a', weight: '1', offer: filled().offer }],
        targeting: fromTargeting({ all: [{ field: 'country', op: 'eq', value: '' }] }),
      }),
    );
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['name', 'endsAt', 'codes.0.code', 'codes.1.maxRedemptions', 'codes.2.code', 'variants', 'targeting.all.0.value']),
    );
  });
});
