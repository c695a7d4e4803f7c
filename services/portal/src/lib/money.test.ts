import { formatMoney, minorToInput, parseMoney } from './money';

describe('parseMoney', () => {
  it.each([
    ['9.99', 'EUR', 999],
    ['10', 'EUR', 1000],
    ['0.1', 'EUR', 10],
    ['.5', 'EUR', 50],
    ['1,234.50', 'USD', 123450],
    ['1 234.5', 'EUR', 123450],
    ['500', 'JPY', 500],
    ['1.234', 'KWD', 1234],
    ['  7.00 ', 'GBP', 700],
  ])('reads %s %s as %i minor units', (text, currency, minor) => {
    expect(parseMoney(text, currency)).toEqual({ ok: true, minor });
  });

  it('never goes through a float: amounts a float would round are exact', () => {
    // 0.1 + 0.2 and 1.005 * 100 are the classic float failures.
    expect(parseMoney('0.30', 'EUR')).toEqual({ ok: true, minor: 30 });
    expect(parseMoney('1.01', 'EUR')).toEqual({ ok: true, minor: 101 });
    expect(parseMoney('4.35', 'EUR')).toEqual({ ok: true, minor: 435 });
    expect(parseMoney('9999999999.99', 'EUR')).toEqual({ ok: true, minor: 999999999999 });
  });

  it.each([
    ['', 'empty'],
    ['abc', 'not_a_number'],
    ['9,99', 'not_a_number'],
    ['1.2.3', 'not_a_number'],
    ['9.999', 'too_many_decimals'],
    ['-5', 'negative'],
    ['99999999999999', 'too_large'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(parseMoney(text, 'EUR')).toEqual({ ok: false, reason });
  });

  it('refuses decimals a currency does not have', () => {
    expect(parseMoney('5.5', 'JPY')).toEqual({ ok: false, reason: 'too_many_decimals' });
  });

  it('takes a negative amount only when asked to', () => {
    expect(parseMoney('-1.50', 'EUR', { allowNegative: true })).toEqual({ ok: true, minor: -150 });
  });
});

describe('minorToInput and formatMoney', () => {
  it.each([
    [999, 'EUR', '9.99'],
    [5, 'EUR', '0.05'],
    [500, 'JPY', '500'],
    [1234, 'KWD', '1.234'],
    [-150, 'EUR', '-1.50'],
  ])('writes %i %s back as %s', (minor, currency, text) => {
    expect(minorToInput(minor, currency)).toBe(text);
    expect(parseMoney(text, currency, { allowNegative: true })).toEqual({ ok: true, minor });
  });

  it('formats in the currency and locale asked for, every digit kept', () => {
    expect(formatMoney(999, 'EUR', 'de-DE')).toBe('9,99\u00a0€');
    expect(formatMoney(999, 'USD', 'en-US')).toBe('$9.99');
    expect(formatMoney(123456789012345, 'EUR', 'en-US')).toBe('€1,234,567,890,123.45');
    expect(formatMoney(500, 'JPY', 'en-US')).toBe('¥500');
  });
});
