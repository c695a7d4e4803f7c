import { ApiError } from './api';
import { applyApiErrors, minorOf, moneyText } from './forms';

describe('moneyText', () => {
  it('accepts what a person writes and gives exact minor units', () => {
    const field = moneyText(() => 'EUR');
    expect(field.safeParse('19.99').success).toBe(true);
    expect(minorOf('19.99', 'EUR')).toBe(1999);
    expect(Number.isInteger(minorOf('0.07', 'EUR'))).toBe(true);
  });

  it('says in words what is wrong, for the currency the form has at the time', () => {
    let currency = 'EUR';
    const field = moneyText(() => currency, { positive: true });
    expect(field.safeParse('9.999').error?.issues[0]?.message).toBe('has more decimals than EUR has');
    currency = 'JPY';
    expect(field.safeParse('9.5').error?.issues[0]?.message).toBe('has more decimals than JPY has');
    expect(field.safeParse('0').error?.issues[0]?.message).toBe('must be more than 0');
    expect(field.safeParse('nine').error?.issues[0]?.message).toBe('must be an amount such as 9.99');
  });

  it('lets an optional field stay empty', () => {
    expect(moneyText(() => 'EUR', { optional: true }).safeParse('  ').success).toBe(true);
    expect(minorOf('', 'EUR')).toBeUndefined();
  });
});

describe('applyApiErrors', () => {
  const problem = (errors: Array<{ path: string; message: string }>, detail = 'The request is invalid.') =>
    new ApiError(400, { status: 400, detail, errors });

  it('puts each named field error beside its field, nested paths included', () => {
    const set: Array<[string, string]> = [];
    const summary = applyApiErrors(
      problem([
        { path: 'card.number', message: 'fails the Luhn check' },
        { path: 'regional.currencies.0', message: 'must be an upper-case ISO 4217 currency code' },
      ]),
      (name, error) => set.push([String(name), String(error.message)]),
      ['card', 'regional'],
    );
    expect(set).toEqual([
      ['card.number', 'fails the Luhn check'],
      ['regional.currencies.0', 'must be an upper-case ISO 4217 currency code'],
    ]);
    expect(summary).toBe('Some fields need your attention.');
  });

  it('says above the form what no field of it can show', () => {
    const summary = applyApiErrors(problem([{ path: 'X-Environment', message: 'is unknown' }]), () => undefined, ['email']);
    expect(summary).toBe('The request is invalid. X-Environment: is unknown');
  });

  it('gives a refusal without field errors as its detail', () => {
    expect(applyApiErrors(new ApiError(422, { detail: 'The coupon has expired.' }), () => undefined, [])).toBe('The coupon has expired.');
  });
});
