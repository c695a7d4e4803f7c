import { decide } from '../src/domain/eligibility';
import { selectOffers, type Applicable } from '../src/domain/selection';
import type { Facts } from '../src/domain/targeting';
import type { CodeRow } from '../src/store/codes';
import { aCampaignRow } from './support/builders';

const NOW = new Date('2026-03-01T12:00:00Z');
const facts: Facts = {
  country: 'DE',
  bundleId: 'bun_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M',
  priceId: 'price_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M',
  currency: 'EUR',
  newCustomer: true,
  metadata: {},
};
const code = (overrides: Partial<CodeRow> = {}): CodeRow => ({
  campaign_id: 'cmp_x',
  tenant_id: 'ten_1',
  environment_id: 'env_1',
  code: 'SPRING',
  display_code: 'spring',
  max_redemptions: null,
  redemptions: 0,
  position: 0,
  created_at: NOW,
  ...overrides,
});

describe('whether a campaign applies, or why not', () => {
  it.each<[string, Parameters<typeof aCampaignRow>[0], CodeRow | undefined, string]>([
    ['an active campaign in its schedule', {}, undefined, 'applies'],
    ['a draft', { status: 'draft' }, undefined, 'not_active'],
    ['a paused campaign', { status: 'paused' }, undefined, 'not_active'],
    ['an ended campaign', { status: 'ended' }, undefined, 'not_active'],
    ['a campaign that starts later', { starts_at: new Date('2026-03-02T00:00:00Z') }, undefined, 'not_active'],
    ['a campaign that started', { starts_at: NOW }, undefined, 'applies'],
    ['a campaign that ends now', { ends_at: NOW }, undefined, 'expired'],
    ['a campaign that ends later', { ends_at: new Date('2026-03-01T12:00:01Z') }, undefined, 'applies'],
    ['a campaign at its limit', { max_redemptions: 3, redemptions: 3 }, undefined, 'exhausted'],
    ['a campaign below its limit', { max_redemptions: 3, redemptions: 2 }, undefined, 'applies'],
    ['a code at its limit', {}, code({ max_redemptions: 1, redemptions: 1 }), 'exhausted'],
    ['a code below its limit', {}, code({ max_redemptions: 2, redemptions: 1 }), 'applies'],
    ['a campaign aimed elsewhere', { targeting: { all: [{ field: 'country', op: 'eq', value: 'FR' }] } }, undefined, 'not_targeted'],
    ['an amount off in another currency', { offer: { type: 'amount_off', amountOff: 100, currency: 'USD' } }, undefined, 'not_targeted'],
    ['not targeted before exhausted', { targeting: { all: [{ field: 'newCustomer', op: 'eq', value: false }] }, max_redemptions: 1, redemptions: 1 }, undefined, 'not_targeted'],
    ['expired before exhausted', { ends_at: NOW, max_redemptions: 1, redemptions: 1 }, undefined, 'expired'],
  ])('%s → %s', (_name, overrides, codeRow, expected) => {
    const decision = decide({ campaign: aCampaignRow(overrides), code: codeRow }, facts, NOW, 'cus_1');
    expect(decision.applies ? 'applies' : decision.reason).toBe(expected);
  });

  it("gives a variant's offer in place of the campaign's, and keeps an assigned variant", () => {
    const campaign = aCampaignRow({
      variants: [
        { key: 'a', weight: 1, offer: { type: 'percent_off', percentOff: '10' } },
        { key: 'b', weight: 1, offer: { type: 'trial_extension', trialDays: 30 } },
      ],
    });
    const assignedB = decide({ campaign }, facts, NOW, 'cus_1', 'b');
    expect(assignedB).toEqual({ applies: true, variant: campaign.variants[1], offer: { type: 'trial_extension', trialDays: 30 } });
  });
});

describe('which offers billing applies', () => {
  const price = { priceId: facts.priceId, bundleId: facts.bundleId, currency: 'EUR', amount: 1000 };
  const a = (campaignId: string, offer: Applicable['offer']): Applicable => ({ campaignId, offer });

  it('keeps the largest discount on one period and the longest trial extension', () => {
    const chosen = selectOffers(
      [
        a('cmp_1', { type: 'percent_off', percentOff: '10' }), // 100
        a('cmp_2', { type: 'amount_off', amountOff: 300, currency: 'EUR' }), // 300
        a('cmp_3', { type: 'percent_off', percentOff: '25' }), // 250
        a('cmp_4', { type: 'trial_extension', trialDays: 7 }),
        a('cmp_5', { type: 'trial_extension', trialDays: 14 }),
      ],
      price,
    );
    expect(chosen.map((c) => c.campaignId)).toEqual(['cmp_2', 'cmp_5']);
  });

  it('gives a tie to the oldest campaign', () => {
    const chosen = selectOffers(
      [a('cmp_B', { type: 'percent_off', percentOff: '50' }), a('cmp_A', { type: 'amount_off', amountOff: 500, currency: 'EUR' })],
      price,
    );
    expect(chosen.map((c) => c.campaignId)).toEqual(['cmp_A']);
  });

  it("prefers the presented code's campaign in the slot it fills", () => {
    const chosen = selectOffers(
      [a('cmp_1', { type: 'percent_off', percentOff: '50' }), a('cmp_2', { type: 'percent_off', percentOff: '5' }), a('cmp_3', { type: 'trial_extension', trialDays: 7 })],
      price,
      'cmp_2',
    );
    expect(chosen.map((c) => c.campaignId)).toEqual(['cmp_2', 'cmp_3']);
  });

  it('applies nothing when nothing applies', () => {
    expect(selectOffers([], price)).toEqual([]);
  });
});
