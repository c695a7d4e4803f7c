import { describe, expect, it } from 'vitest';
import { decimalMinorToInput, rowsToTiers, tierFrom, tierProblems, tiersToRows, type TierRow } from './tiers';

const row = (upTo: string, unitAmount: string, flatAmount = ''): TierRow => ({ upTo, unitAmount, flatAmount });

describe('rowsToTiers', () => {
  it('sends ascending bounds and an unbounded last tier, whatever its field held', () => {
    const tiers = rowsToTiers([row('10', '5.00'), row('50', '4.50', '10'), row('999', '3.99')], 'EUR');
    expect(tiers).toEqual([
      { upTo: 10, unitAmount: 500 },
      { upTo: 50, unitAmount: 450, flatAmount: 1000 },
      { upTo: null, unitAmount: 399 },
    ]);
  });

  it('turns typed amounts into integer minor units digit by digit, never through a float', () => {
    // 0.29 × 100 is 28.999999999999996 as a float; 1234567.89 × 100 is 123456788.99999999.
    const [first, last] = rowsToTiers([row('5', '0.29', '1,234,567.89'), row('', '19.99')], 'EUR');
    expect(first).toEqual({ upTo: 5, unitAmount: 29, flatAmount: 123456789 });
    expect(last).toEqual({ upTo: null, unitAmount: 1999 });
    expect(rowsToTiers([row('', '1500')], 'JPY')).toEqual([{ upTo: null, unitAmount: 1500 }]);
    expect(rowsToTiers([row('', '1.234')], 'KWD')).toEqual([{ upTo: null, unitAmount: 1234 }]);
  });

  it('leaves out an amount that is not given (a tier of a flat fee only)', () => {
    expect(rowsToTiers([row('', '', '25')], 'EUR')).toEqual([{ upTo: null, flatAmount: 2500 }]);
  });
});

describe('tiersToRows', () => {
  it('shows the API’s tiers as the rows they came from', () => {
    const rows = tiersToRows(
      [
        { upTo: 10, unitAmount: 500, unitAmountDecimal: null, flatAmount: 100 },
        { upTo: null, unitAmount: 300, unitAmountDecimal: null, flatAmount: null },
      ],
      'EUR',
    );
    expect(rows).toEqual([row('10', '5.00', '1.00'), row('', '3.00')]);
    expect(rowsToTiers(rows, 'EUR')).toEqual([
      { upTo: 10, unitAmount: 500, flatAmount: 100 },
      { upTo: null, unitAmount: 300 },
    ]);
  });

  it('shows a decimal unit amount of minor units in the major unit, exactly', () => {
    expect(decimalMinorToInput('0.5', 'EUR')).toBe('0.005');
    expect(decimalMinorToInput('12.25', 'EUR')).toBe('0.1225');
    expect(decimalMinorToInput('150', 'EUR')).toBe('1.50');
    expect(decimalMinorToInput('7', 'JPY')).toBe('7');
  });
});

describe('tierFrom', () => {
  it('starts each tier one above the bound before it', () => {
    const rows = [row('10', ''), row('50', ''), row('', '')];
    expect([0, 1, 2].map((i) => tierFrom(rows, i))).toEqual([1, 11, 51]);
    expect(tierFrom([row('x', ''), row('', '')], 1)).toBeUndefined();
  });
});

describe('tierProblems', () => {
  it('finds the problems the API would name, at the same paths', () => {
    const problems = tierProblems([row('10', '5'), row('5', ''), row('', '1.234')], 'EUR');
    expect(problems).toEqual([
      { path: [1, 'upTo'], message: 'must be more than the tier before (10)' },
      { path: [1, 'unitAmount'], message: 'a tier needs a unit amount or a flat fee' },
      { path: [2, 'unitAmount'], message: 'has more decimals than EUR has' },
    ]);
  });

  it('asks a bound of every tier but the last', () => {
    expect(tierProblems([row('', '1'), row('', '1')], 'EUR')).toEqual([{ path: [0, 'upTo'], message: 'is required on every tier but the last' }]);
    expect(tierProblems([row('10', '1'), row('', '0.5')], 'EUR')).toEqual([]);
  });
});
