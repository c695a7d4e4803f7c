import { priceSchema, storedPrice } from '../src/domain/price-fields';
import { validate } from '../src/domain/validation';

/** A valid per-unit price; each case changes what it tests. */
const base = {
  currency: 'EUR',
  strategy: 'per_unit',
  amount: 999,
  interval: 'month',
  intervalCount: 1,
  trialDays: 0,
  storefrontIds: [],
  countries: [],
};

const tiered = (mode: string, tiers: unknown[]) => ({ ...base, strategy: 'tiered', amount: undefined, tiersMode: mode, tiers });

/** The field paths a price is refused for ([] when it is accepted). */
function problems(input: unknown): string[] {
  try {
    validate(priceSchema, input);
    return [];
  } catch (err) {
    return (err as { fields: Array<{ path: string }> }).fields.map((f) => f.path).sort();
  }
}

describe('money is refused with the field named', () => {
  test.each<[string, unknown, string[]]>([
    ['a negative amount', { ...base, amount: -1 }, ['amount']],
    ['a fractional amount', { ...base, amount: 9.99 }, ['amount']],
    ['an amount beyond the safe integers', { ...base, amount: 2 ** 60 }, ['amount']],
    ['an amount as a string', { ...base, amount: '999' }, ['amount']],
    ['an unknown currency', { ...base, currency: 'EURO' }, ['currency']],
    ['a lower-case currency', { ...base, currency: 'eur' }, ['currency']],
    ['a testing currency', { ...base, currency: 'XTS' }, ['currency']],
    ['a negative setup fee', { ...base, setupFee: -100 }, ['setupFee']],
    ['a fractional setup fee', { ...base, setupFee: 0.5 }, ['setupFee']],
    ['a negative decimal unit amount', { ...base, amount: undefined, unitAmountDecimal: '-0.5' }, ['unitAmountDecimal']],
    ['a decimal with 13 decimals', { ...base, amount: undefined, unitAmountDecimal: '0.0000000000001' }, ['unitAmountDecimal']],
    ['a decimal that is not a number', { ...base, amount: undefined, unitAmountDecimal: '1e3' }, ['unitAmountDecimal']],
    [
      'bad tier amounts, each by its index',
      tiered('graduated', [
        { upTo: 10, unitAmount: -1 },
        { upTo: 20, flatAmount: 1.5 },
        { upTo: null, unitAmount: 10, unitAmountDecimal: '0.5' },
      ]),
      ['tiers.0.unitAmount', 'tiers.1.flatAmount', 'tiers.2.unitAmountDecimal'],
    ],
    ['several at once', { ...base, currency: 'ABC', amount: -5, setupFee: 1.25 }, ['amount', 'currency', 'setupFee']],
  ])('%s', (_name, input, paths) => {
    expect(problems(input)).toEqual(paths.sort());
  });
});

describe('each strategy takes its own amounts', () => {
  test.each<[string, unknown, string[]]>([
    ['a flat price with an amount', { ...base, strategy: 'flat' }, []],
    ['a flat price without one', { ...base, strategy: 'flat', amount: undefined }, ['amount']],
    ['a flat price with a decimal', { ...base, strategy: 'flat', amount: undefined, unitAmountDecimal: '1.5' }, ['amount', 'unitAmountDecimal']],
    ['a per_unit price with a decimal only', { ...base, amount: undefined, unitAmountDecimal: '0.5' }, []],
    ['a per_unit price with both', { ...base, unitAmountDecimal: '0.5' }, ['unitAmountDecimal']],
    ['a per_unit price with neither', { ...base, amount: undefined }, ['amount']],
    ['a per_unit price with tiers', { ...base, tiersMode: 'volume', tiers: [{ upTo: null, unitAmount: 1 }] }, ['tiers', 'tiersMode']],
    ['a tiered price', tiered('volume', [{ upTo: 5, unitAmount: 10 }, { upTo: null, flatAmount: 100 }]), []],
    ['a tiered price with amount 0', { ...tiered('volume', [{ upTo: null, unitAmount: 1 }]), amount: 0 }, []],
    ['a tiered price with an amount', { ...tiered('volume', [{ upTo: null, unitAmount: 1 }]), amount: 100 }, ['amount']],
    ['a tiered price without tiers or mode', { ...base, strategy: 'tiered', amount: undefined }, ['tiers', 'tiersMode']],
    ['an unknown tiers mode', tiered('stairs', [{ upTo: null, unitAmount: 1 }]), ['tiersMode']],
    ['an unknown strategy', { ...base, strategy: 'dynamic' }, ['strategy']],
  ])('%s', (_name, input, paths) => {
    expect(problems(input)).toEqual(paths.sort());
  });
});

describe('tiers ascend, and only the last is unbounded', () => {
  test.each<[string, unknown[], string[]]>([
    ['ascending, last unbounded', [{ upTo: 1, unitAmount: 1 }, { upTo: 2, unitAmount: 1 }, { upTo: null, unitAmount: 1 }], []],
    ['a bounded last tier', [{ upTo: 1, unitAmount: 1 }, { upTo: 2, unitAmount: 1 }], ['tiers.1.upTo']],
    ['an unbounded tier before the last', [{ upTo: null, unitAmount: 1 }, { upTo: null, unitAmount: 1 }], ['tiers.0.upTo']],
    ['equal bounds', [{ upTo: 5, unitAmount: 1 }, { upTo: 5, unitAmount: 1 }, { upTo: null, unitAmount: 1 }], ['tiers.1.upTo']],
    ['descending bounds', [{ upTo: 5, unitAmount: 1 }, { upTo: 3, unitAmount: 1 }, { upTo: null, unitAmount: 1 }], ['tiers.1.upTo']],
    ['a zero bound', [{ upTo: 0, unitAmount: 1 }, { upTo: null, unitAmount: 1 }], ['tiers.0.upTo']],
    ['a fractional bound', [{ upTo: 1.5, unitAmount: 1 }, { upTo: null, unitAmount: 1 }], ['tiers.0.upTo']],
    ['a tier with no amount at all', [{ upTo: 1 }, { upTo: null, unitAmount: 1 }], ['tiers.0.unitAmount']],
    ['no tiers', [], ['tiers']],
  ])('%s', (_name, tiers, paths) => {
    expect(problems(tiered('graduated', tiers))).toEqual(paths.sort());
  });
});

describe('periods, trials and restrictions', () => {
  test.each<[string, unknown, string[]]>([
    ['three years of months', { ...base, intervalCount: 36 }, []],
    ['more than three years of months', { ...base, intervalCount: 37 }, ['intervalCount']],
    ['1095 days', { ...base, interval: 'day', intervalCount: 1095 }, []],
    ['1096 days', { ...base, interval: 'day', intervalCount: 1096 }, ['intervalCount']],
    ['156 weeks', { ...base, interval: 'week', intervalCount: 156 }, []],
    ['4 years', { ...base, interval: 'year', intervalCount: 4 }, ['intervalCount']],
    ['a zero interval count', { ...base, intervalCount: 0 }, ['intervalCount']],
    ['an unknown interval', { ...base, interval: 'quarter' }, ['interval']],
    ['a trial of 730 days', { ...base, trialDays: 730 }, []],
    ['a trial of 731 days', { ...base, trialDays: 731 }, ['trialDays']],
    ['a negative trial', { ...base, trialDays: -1 }, ['trialDays']],
    ['countries', { ...base, countries: ['DE', 'AT'] }, []],
    ['bad and repeated countries', { ...base, countries: ['DE', 'de', 'UK', 'DE'] }, ['countries.1', 'countries.2', 'countries.3']],
    ['a repeated storefront', { ...base, storefrontIds: ['sf_1', 'sf_1'] }, ['storefrontIds.1']],
  ])('%s', (_name, input, paths) => {
    expect(problems(input)).toEqual(paths.sort());
  });
});

test('a price is stored with its decimals in canonical form, and a tiered one without its amount 0', () => {
  const perUnit = storedPrice(validate(priceSchema, { ...base, amount: undefined, unitAmountDecimal: '0012.500' }));
  expect(perUnit.unitAmountDecimal).toBe('12.5');
  const stepped = storedPrice(
    validate(priceSchema, { ...tiered('graduated', [{ upTo: 3, unitAmountDecimal: '0.10' }, { upTo: null, flatAmount: 5 }]), amount: 0 }),
  );
  expect(stepped.amount).toBeUndefined();
  expect(stepped.tiers).toEqual([{ upTo: 3, unitAmountDecimal: '0.1' }, { upTo: null, flatAmount: 5 }]);
});
