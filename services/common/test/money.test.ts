import { isCurrency, minorUnitExponent, mulDivRound, parseDecimal } from '../src/money';

describe('mulDivRound rounds once, half away from zero', () => {
  test.each([
    // value, numerator, denominator, expected
    [1000, 1, 3, 333],
    [1000, 2, 3, 667],
    [5, 1, 2, 3], // 2.5 → 3
    [-5, 1, 2, -3], // -2.5 → -3
    [15, 1, 10, 2], // 1.5 → 2
    [-15, 1, 10, -2],
    [14, 1, 10, 1],
    [1999, 19, 100, 380], // 379.81
    [1, 1, 1, 1],
    [0, 7, 9, 0],
    [Number.MAX_SAFE_INTEGER, 1, 1, Number.MAX_SAFE_INTEGER],
  ])('%d × %d ÷ %d = %d', (value, num, den, expected) => {
    expect(mulDivRound(value, num, den)).toBe(expected);
  });

  it('stays exact where floats would not', () => {
    // 0.1 + 0.2 style drift would give 9007199254740990.something
    expect(mulDivRound(9_007_199_254_740_990, 3, 3)).toBe(9_007_199_254_740_990);
  });

  it('refuses a result that is not a safe integer', () => {
    expect(() => mulDivRound(Number.MAX_SAFE_INTEGER, 2, 1)).toThrow(RangeError);
  });

  it('refuses division by zero', () => {
    expect(() => mulDivRound(1, 1, 0)).toThrow(RangeError);
  });
});

describe('currencies', () => {
  test.each([
    ['EUR', 2],
    ['JPY', 0],
    ['KWD', 3],
    ['CLF', 4],
    ['USD', 2],
  ])('%s has %d minor digits', (code, exponent) => {
    expect(isCurrency(code)).toBe(true);
    expect(minorUnitExponent(code)).toBe(exponent);
  });

  test.each(['eur', 'XXX', 'XAU', 'ABC', ''])('%p is not a currency one can charge in', (code) => {
    expect(isCurrency(code)).toBe(false);
  });
});

describe('parseDecimal', () => {
  test.each([
    ['19', 19n, 1n],
    ['7.5', 75n, 10n],
    ['0.92', 92n, 100n],
  ])('%s is exactly %d/%d', (text, numerator, denominator) => {
    expect(parseDecimal(text)).toEqual({ numerator, denominator });
  });

  test.each(['', '1e3', '1.', '.5', 'abc', '1,5'])('%p is refused', (text) => {
    expect(() => parseDecimal(text)).toThrow(RangeError);
  });
});
