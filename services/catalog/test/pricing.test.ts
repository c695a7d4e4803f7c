import { amountFor, MAX_QUANTITY, type PriceTerms, type PricingTier } from '../src/domain/pricing';

const flat = (amount: number): PriceTerms => ({ strategy: 'flat', amount });
const perUnit = (amount: number): PriceTerms => ({ strategy: 'per_unit', amount });
const perUnitDecimal = (unitAmountDecimal: string): PriceTerms => ({ strategy: 'per_unit', unitAmountDecimal });
const graduated = (tiers: PricingTier[]): PriceTerms => ({ strategy: 'tiered', tiersMode: 'graduated', tiers });
const volume = (tiers: PricingTier[]): PriceTerms => ({ strategy: 'tiered', tiersMode: 'volume', tiers });

// 1–10 at 1.00, 11–20 at 0.80 plus 5.00 on reaching the tier, 21 and up at 0.50.
const STEPS: PricingTier[] = [
  { upTo: 10, unitAmount: 100 },
  { upTo: 20, unitAmount: 80, flatAmount: 500 },
  { upTo: null, unitAmount: 50 },
];
// Flat amounts only: 10.00 for up to 5 seats, 20.00 above.
const FLAT_STEPS: PricingTier[] = [
  { upTo: 5, flatAmount: 1000 },
  { upTo: null, flatAmount: 2000 },
];

describe('flat and per-unit prices', () => {
  test.each<[string, number, number, PriceTerms]>([
    ['flat ignores the quantity (1)', 1, 1000, flat(1000)],
    ['flat ignores the quantity (7)', 7, 1000, flat(1000)],
    ['flat may be free', 3, 0, flat(0)],
    ['per_unit multiplies', 3, 1500, perUnit(500)],
    ['per_unit at quantity 1', 1, 1999, perUnit(1999)],
    ['per_unit free', 5, 0, perUnit(0)],
    ['per_unit at the largest amount and quantity stays exact', MAX_QUANTITY, 999_999_999_000_000, perUnit(999_999_999)],
  ])('%s: quantity %d → %d', (_name, quantity, expected, terms) => {
    expect(amountFor(terms, quantity)).toBe(expected);
  });
});

describe('decimal unit amounts round once, half away from zero', () => {
  test.each<[string, number, number]>([
    ['0.5', 1, 1], // 0.5 → 1
    ['0.5', 2, 1],
    ['0.5', 3, 2], // 1.5 → 2
    ['0.4', 1, 0], // 0.4 → 0
    ['0.25', 2, 1], // 0.5 → 1
    ['0.25', 1, 0], // 0.25 → 0
    ['0.49', 1, 0],
    ['0.333333333333', 3, 1], // 0.999999999999 → 1
    ['0.000000000001', MAX_QUANTITY, 0], // 0.000001 → 0
    ['12.345', 100, 1235], // 1234.5 → 1235
    ['1999.999999999999', MAX_QUANTITY, 2_000_000_000], // 1999999999.999999 → 2000000000
    // A float would lose the last digits here; the total is exact, then rounded once.
    ['999999999.999999999999', MAX_QUANTITY, 1_000_000_000_000_000],
    ['999999999.5', 1, 1_000_000_000],
    ['7', 3, 21],
  ])('%s × %d → %d', (decimal, quantity, expected) => {
    expect(amountFor(perUnitDecimal(decimal), quantity)).toBe(expected);
  });
});

describe('graduated tiers: each unit at its own tier, plus the flat amount of each tier reached', () => {
  test.each<[string, number, number, PricingTier[]]>([
    ['first unit', 1, 100, STEPS],
    ['exactly at the first upTo', 10, 1000, STEPS],
    ['one above the first upTo reaches the second tier and its flat amount', 11, 1000 + 80 + 500, STEPS],
    ['exactly at the second upTo', 20, 1000 + 800 + 500, STEPS],
    ['first unit of the unbounded tier', 21, 2300 + 50, STEPS],
    ['deep in the unbounded tier', 1000, 2300 + 980 * 50, STEPS],
    ['the largest quantity', MAX_QUANTITY, 2300 + (MAX_QUANTITY - 20) * 50, STEPS],
    ['flat amounts only, at the edge', 5, 1000, FLAT_STEPS],
    ['flat amounts only, above the edge: both tiers reached', 6, 3000, FLAT_STEPS],
    ['a single unbounded tier: every unit plus its flat amount', 4, 220, [{ upTo: null, unitAmount: 30, flatAmount: 100 }]],
  ])('%s: quantity %d → %d', (_name, quantity, expected, tiers) => {
    expect(amountFor(graduated(tiers), quantity)).toBe(expected);
  });

  test.each<[number, number]>([
    [1, 0], // 0.25 → 0
    [2, 1], // 0.5 → 1
    [3, 1], // 0.5 + 0.5 = 1
    [4, 2], // 0.5 + 1.0 = 1.5 → 2
  ])('decimal tiers: quantity %d → %d', (quantity, expected) => {
    const tiers = [{ upTo: 2, unitAmountDecimal: '0.25' }, { upTo: null, unitAmountDecimal: '0.5' }];
    expect(amountFor(graduated(tiers), quantity)).toBe(expected);
  });

  it('rounds the total once, not each tier', () => {
    // 0.4 + 0.4 = 0.8 → 1; rounding each tier would give 0 + 0.
    const tiers = [{ upTo: 1, unitAmountDecimal: '0.4' }, { upTo: null, unitAmountDecimal: '0.4' }];
    expect(amountFor(graduated(tiers), 2)).toBe(1);
  });
});

describe('volume tiers: every unit at the tier the whole quantity falls in, plus its flat amount', () => {
  test.each<[string, number, number, PricingTier[]]>([
    ['first unit', 1, 100, STEPS],
    ['exactly at the first upTo', 10, 1000, STEPS],
    ['one above the first upTo: all units at the second tier, with its flat amount', 11, 11 * 80 + 500, STEPS],
    ['exactly at the second upTo', 20, 20 * 80 + 500, STEPS],
    ['one above the second upTo: all units at the unbounded tier', 21, 21 * 50, STEPS],
    ['the largest quantity', MAX_QUANTITY, MAX_QUANTITY * 50, STEPS],
    ['flat amounts only, at the edge', 5, 1000, FLAT_STEPS],
    ['flat amounts only, above the edge: only the tier reached', 6, 2000, FLAT_STEPS],
  ])('%s: quantity %d → %d', (_name, quantity, expected, tiers) => {
    expect(amountFor(volume(tiers), quantity)).toBe(expected);
  });

  it('rounds a decimal tier once', () => {
    const tiers = [{ upTo: 10, unitAmountDecimal: '0.15' }, { upTo: null, unitAmountDecimal: '0.1' }];
    expect(amountFor(volume(tiers), 10)).toBe(2); // 1.5 → 2
    expect(amountFor(volume(tiers), 15)).toBe(2); // 1.5 → 2
    expect(amountFor(volume(tiers), 14)).toBe(1); // 1.4 → 1
  });
});

describe('quantities', () => {
  test.each([0, -1, 1.5, MAX_QUANTITY + 1, Number.NaN, Number.POSITIVE_INFINITY])('%p is refused, naming quantity', (quantity) => {
    expect(() => amountFor(perUnit(100), quantity)).toThrow(
      expect.objectContaining({ kind: 'invalid_argument', fields: [expect.objectContaining({ path: 'quantity' })] }),
    );
  });
});
