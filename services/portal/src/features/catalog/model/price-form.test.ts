import { describe, expect, it } from 'vitest';
import { emptyPriceForm, priceFormSchema, priceToFormValues, toCreatePriceBody, type PriceFormValues } from './price-form';

const form = (over: Partial<PriceFormValues>): PriceFormValues => ({ ...emptyPriceForm('EUR'), ...over });
const problems = (values: PriceFormValues) =>
  (priceFormSchema(values.currency).safeParse(values).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

describe('the price form', () => {
  it('sends a flat price in minor units, with only what the strategy uses', () => {
    expect(toCreatePriceBody(form({ amount: '19.99', setupFee: '5', trialDays: '14', countries: ['DE'] }))).toEqual({
      currency: 'EUR',
      strategy: 'flat',
      amount: 1999,
      interval: 'month',
      intervalCount: 1,
      trialDays: 14,
      setupFee: 500,
      countries: ['DE'],
    });
    const tiered = toCreatePriceBody(form({ strategy: 'tiered', amount: '3' }));
    expect(tiered).not.toHaveProperty('amount');
    expect(tiered).toMatchObject({ strategy: 'tiered', tiersMode: 'graduated' });
  });

  it('checks amounts with the currency being sent, and the period’s length', () => {
    expect(problems(form({ currency: 'JPY', amount: '9.99' }))).toEqual([['amount', 'has more decimals than JPY has']]);
    expect(problems(form({ currency: 'JPY', amount: '999' }))).toEqual([]);
    expect(problems(form({ amount: '1', interval: 'year', intervalCount: '4' }))).toEqual([
      ['intervalCount', 'must be at most 3 with years (a period is at most three years)'],
    ]);
    expect(problems(form({ amount: '', trialDays: '-1' }))).toEqual([
      ['trialDays', 'must be a whole number'],
      ['amount', 'is required'],
    ]);
  });

  it('starts a new version from a price’s terms', () => {
    const values = priceToFormValues({
      id: 'price_1',
      bundleId: 'bun_1',
      status: 'active',
      currency: 'KWD',
      strategy: 'per_unit',
      amount: 1250,
      unitAmountDecimal: null,
      tiersMode: null,
      tiers: null,
      interval: 'week',
      intervalCount: 2,
      setupFee: null,
      trialDays: 7,
      storefrontIds: ['sf_1'],
      countries: ['KW'],
      environmentId: 'env_1',
      createdAt: null,
      archivedAt: null,
    });
    expect(values).toMatchObject({ currency: 'KWD', strategy: 'per_unit', amount: '1.250', interval: 'week', intervalCount: '2', setupFee: '', trialDays: '7', storefrontIds: ['sf_1'], countries: ['KW'] });
    expect(toCreatePriceBody(values)).toMatchObject({ amount: 1250, intervalCount: 2 });
  });
});
