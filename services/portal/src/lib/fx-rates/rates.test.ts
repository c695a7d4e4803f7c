import { describe, expect, it } from 'vitest';
import { fxApiErrors, fxRowsSchema, isPositiveDecimal, ratesToRows, rowsToRates } from './rates';

describe('exchange rates: rows ↔ map', () => {
  it('turns the map into rows ordered by currency, and back into the same map', () => {
    const rates = { USD: '0.92', GBP: '1.17', CHF: '1.05' };
    const rows = ratesToRows(rates);
    expect(rows).toEqual([
      { currency: 'CHF', rate: '1.05' },
      { currency: 'GBP', rate: '1.17' },
      { currency: 'USD', rate: '0.92' },
    ]);
    expect(rowsToRates(rows)).toEqual(rates);
  });

  it('keeps every decimal string exactly as typed: no float ever touches it', () => {
    const exact = { USD: '0.920', JPY: '0.006134', KWD: '2.987654321012345678', CHF: '1.000000000000000001' };
    expect(rowsToRates(ratesToRows(exact))).toEqual(exact);
    // What a float would have made of them is not what is sent.
    expect(rowsToRates([{ currency: 'CHF', rate: '1.000000000000000001' }]).CHF).not.toBe(String(Number('1.000000000000000001')));
  });

  it('trims, upper-cases codes, and drops a row left entirely empty', () => {
    expect(
      rowsToRates([
        { currency: ' usd ', rate: ' 0.92 ' },
        { currency: '', rate: '' },
        { currency: '  ', rate: ' ' },
      ]),
    ).toEqual({ USD: '0.92' });
  });

  it('has no rows for no rates (absent or empty)', () => {
    expect(ratesToRows(undefined)).toEqual([]);
    expect(ratesToRows({})).toEqual([]);
    expect(rowsToRates([])).toEqual({});
  });
});

describe('exchange rates: browser checks', () => {
  const issues = (rows: Array<{ currency: string; rate: string }>) => {
    const result = fxRowsSchema.safeParse(rows);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts positive decimal strings of any precision', () => {
    expect(issues([{ currency: 'USD', rate: '0.92' }, { currency: 'JPY', rate: '0.0061340000001' }, { currency: 'GBP', rate: '2' }])).toEqual([]);
  });

  it('refuses zero, negatives, exponents, commas and words beside the rate', () => {
    for (const rate of ['0', '0.000', '-1', '1e3', '1,5', 'abc', '', '.5', '1.']) {
      expect(issues([{ currency: 'USD', rate }])).toEqual(['0.rate: must be a positive decimal such as 0.92']);
    }
    expect(isPositiveDecimal('0.0001')).toBe(true);
  });

  it('asks for a currency, and refuses a second rate for the same one', () => {
    expect(issues([{ currency: '', rate: '1.1' }])).toEqual(['0.currency: choose a currency']);
    expect(issues([{ currency: 'USD', rate: '0.92' }, { currency: 'usd', rate: '0.93' }])).toEqual(['1.currency: USD has a rate already']);
  });

  it('ignores a row left empty', () => {
    expect(issues([{ currency: '', rate: '' }])).toEqual([]);
  });
});

describe('exchange rates: the API’s errors', () => {
  it('lands an error the API names by currency on that row’s rate', () => {
    const rows = [
      { currency: 'GBP', rate: '1.17' },
      { currency: 'USD', rate: '0' },
    ];
    const { rename, fields } = fxApiErrors(rows);
    expect(rename('fxRates.USD')).toBe('fxRates.1.rate');
    expect(rename('name')).toBe('name');
    expect(fields).toEqual(['fxRates.0', 'fxRates.1']);
    // A currency no row has stays as named, so it is shown above the form.
    expect(rename('fxRates.CHF')).toBe('fxRates.CHF');
    expect(fields.some((f) => 'fxRates.CHF'.startsWith(`${f}.`))).toBe(false);
  });
});
