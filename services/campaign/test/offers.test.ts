import type { campaignV1 } from '@azotte/proto';
import { discountOn, toProtoOffer, validateOffer, type Offer } from '../src/domain/offers';
import { Problems } from '../src/domain/problems';

function check(input: campaignV1.Offer | undefined) {
  const problems = new Problems();
  const offer = validateOffer(input, 'offer', problems);
  return { offer, paths: problems.list.map((p) => p.path) };
}

describe('valid offers', () => {
  it.each<[campaignV1.Offer, Offer]>([
    [{ type: 'percent_off', percentOff: '25' }, { type: 'percent_off', percentOff: '25' }],
    [{ type: 'percent_off', percentOff: '12.5', durationCycles: 3 }, { type: 'percent_off', percentOff: '12.5', durationCycles: 3 }],
    [{ type: 'percent_off', percentOff: '100' }, { type: 'percent_off', percentOff: '100' }],
    [{ type: 'percent_off', percentOff: '0.0001' }, { type: 'percent_off', percentOff: '0.0001' }],
    [{ type: 'percent_off', percentOff: '012.50' }, { type: 'percent_off', percentOff: '12.5' }],
    [{ type: 'amount_off', amountOff: 500, currency: 'EUR' }, { type: 'amount_off', amountOff: 500, currency: 'EUR' }],
    [{ type: 'amount_off', amountOff: 1, currency: 'JPY', durationCycles: 12 }, { type: 'amount_off', amountOff: 1, currency: 'JPY', durationCycles: 12 }],
    [{ type: 'trial_extension', trialDays: 14 }, { type: 'trial_extension', trialDays: 14 }],
    [{ type: 'trial_extension', trialDays: 730 }, { type: 'trial_extension', trialDays: 730 }],
  ])('%j is %j', (input, expected) => {
    expect(check(input)).toEqual({ offer: expected, paths: [] });
  });
});

describe('invalid offers name each field', () => {
  it.each<[string, campaignV1.Offer | undefined, string[]]>([
    ['no offer', undefined, ['offer']],
    ['an unknown type', { type: 'free_lunch' }, ['offer.type']],
    ['percent of zero', { type: 'percent_off', percentOff: '0' }, ['offer.percentOff']],
    ['percent above 100', { type: 'percent_off', percentOff: '100.01' }, ['offer.percentOff']],
    ['a negative percent', { type: 'percent_off', percentOff: '-5' }, ['offer.percentOff']],
    ['five decimals', { type: 'percent_off', percentOff: '10.00001' }, ['offer.percentOff']],
    ['no percent', { type: 'percent_off' }, ['offer.percentOff']],
    ['a percent with an amount', { type: 'percent_off', percentOff: '10', amountOff: 5 }, ['offer.amountOff']],
    ['zero cycles', { type: 'percent_off', percentOff: '10', durationCycles: 0 }, ['offer.durationCycles']],
    ['an amount of zero', { type: 'amount_off', amountOff: 0, currency: 'EUR' }, ['offer.amountOff']],
    ['a fractional amount', { type: 'amount_off', amountOff: 4.5, currency: 'EUR' }, ['offer.amountOff']],
    ['an amount without currency', { type: 'amount_off', amountOff: 500 }, ['offer.currency']],
    ['a lower-case currency', { type: 'amount_off', amountOff: 500, currency: 'eur' }, ['offer.currency']],
    ['an amount with a percent', { type: 'amount_off', amountOff: 500, currency: 'EUR', percentOff: '5' }, ['offer.percentOff']],
    ['a trial of zero days', { type: 'trial_extension', trialDays: 0 }, ['offer.trialDays']],
    ['a trial of 731 days', { type: 'trial_extension', trialDays: 731 }, ['offer.trialDays']],
    ['a trial with cycles', { type: 'trial_extension', trialDays: 7, durationCycles: 2 }, ['offer.durationCycles']],
    ['every problem at once', { type: 'amount_off', amountOff: -1, currency: 'XX', durationCycles: -2 }, ['offer.amountOff', 'offer.currency', 'offer.durationCycles']],
  ])('%s', (_name, input, paths) => {
    const result = check(input);
    expect(result.paths).toEqual(paths);
    expect(result.offer).toBeUndefined();
  });
});

describe('what an offer takes off one period', () => {
  it.each<[Offer, number, string, number]>([
    [{ type: 'percent_off', percentOff: '25' }, 999, 'EUR', 250], // 249.75 → 250, half away from zero
    [{ type: 'percent_off', percentOff: '12.5' }, 1000, 'EUR', 125],
    [{ type: 'percent_off', percentOff: '100' }, 999, 'EUR', 999],
    [{ type: 'percent_off', percentOff: '0.0001' }, 10_000_000, 'EUR', 10],
    [{ type: 'amount_off', amountOff: 500, currency: 'EUR' }, 999, 'EUR', 500],
    [{ type: 'amount_off', amountOff: 5000, currency: 'EUR' }, 999, 'EUR', 999],
    [{ type: 'amount_off', amountOff: 500, currency: 'USD' }, 999, 'EUR', 0],
    [{ type: 'trial_extension', trialDays: 30 }, 999, 'EUR', 0],
  ])('%j on %i %s → %i', (offer, amount, currency, expected) => {
    expect(discountOn(offer, amount, currency)).toBe(expected);
  });
});

it('an offer goes to the wire with exactly the fields of its type', () => {
  expect(toProtoOffer({ type: 'trial_extension', trialDays: 7 })).toEqual({ type: 'trial_extension', trialDays: 7 });
  expect(toProtoOffer({ type: 'amount_off', amountOff: 5, currency: 'EUR' })).toEqual({
    type: 'amount_off',
    amountOff: 5,
    currency: 'EUR',
    durationCycles: undefined,
  });
});
