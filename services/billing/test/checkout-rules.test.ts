import type { billingV1 } from '@azotte/proto';
import { checkoutChoice, checkoutTerms, urlProblem } from '../src/domain/checkout-rules';

const request = (fields: Partial<billingV1.CreateCheckoutSessionRequest> = {}): billingV1.CreateCheckoutSessionRequest => ({
  storefrontId: 'sf_1',
  priceIds: ['price_1'],
  customerId: '',
  customerEmail: '',
  quantity: 0,
  couponCode: '',
  successUrl: 'https://shop.example/ok',
  cancelUrl: 'https://shop.example/back',
  expiresInMinutes: 0,
  ...fields,
});

const problemsOf = (fields: Partial<billingV1.CreateCheckoutSessionRequest>) => {
  try {
    checkoutTerms(request(fields));
    return [];
  } catch (err) {
    return (err as { fields: Array<{ path: string; message: string }> }).fields;
  }
};

describe('the terms of a checkout session', () => {
  it('applies the defaults: quantity 1, a day, coupons allowed', () => {
    expect(checkoutTerms(request())).toMatchObject({ quantity: 1, expiresInMinutes: 1440, allowCoupons: true, customerId: undefined, customerEmail: undefined });
    expect(checkoutTerms(request({ allowCoupons: false })).allowCoupons).toBe(false);
  });

  it.each([
    [{ priceIds: [] }, 'priceIds'],
    [{ priceIds: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'priceIds'],
    [{ priceIds: ['a', ''] }, 'priceIds[1]'],
    [{ priceIds: ['a', 'b', 'a'] }, 'priceIds[2]'],
    [{ expiresInMinutes: 4 }, 'expiresInMinutes'],
    [{ expiresInMinutes: 10_081 }, 'expiresInMinutes'],
    [{ quantity: 1_000_001 }, 'quantity'],
    [{ quantity: -1 }, 'quantity'],
    [{ customerEmail: 'nope' }, 'customerEmail'],
    [{ customerEmail: 'a@b.example', customerId: 'cus_1' }, 'customerEmail'],
    [{ successUrl: '' }, 'successUrl'],
    [{ cancelUrl: 'javascript:alert(1)' }, 'cancelUrl'],
    [{ storefrontId: '' }, 'storefrontId'],
  ] as Array<[Partial<billingV1.CreateCheckoutSessionRequest>, string]>)('refuses %j naming %s', (fields, path) => {
    expect(problemsOf(fields).map((p) => p.path)).toEqual([path]);
  });

  it('accepts the limits themselves', () => {
    expect(problemsOf({ priceIds: ['a', 'b', 'c', 'd', 'e'], expiresInMinutes: 5, quantity: 1_000_000 })).toEqual([]);
    expect(problemsOf({ expiresInMinutes: 10_080 })).toEqual([]);
  });

  it.each([
    ['https://shop.example/ok?x=1', undefined],
    ['http://localhost:3000/ok', undefined],
    ['/relative', 'must be an absolute http(s) URL'],
    ['ftp://shop.example', 'must be an absolute http(s) URL'],
    [`https://shop.example/${'x'.repeat(1990)}`, 'must be at most 2000 characters'],
  ])('judges the URL %s', (url, problem) => {
    expect(urlProblem(url)).toBe(problem);
  });
});

describe('the choice of a completion', () => {
  const session = { price_ids: ['price_1', 'price_2'], customer_id: null, customer_email: null, coupon_code: 'SESSION', allow_coupons: true };
  const completion = (fields: Partial<billingV1.CompleteCheckoutSessionRequest>): billingV1.CompleteCheckoutSessionRequest => ({
    id: 'cs_1',
    priceId: 'price_2',
    email: 'Ann@Example.com',
    couponCode: '',
    name: '',
    ...fields,
  });

  it('takes the typed coupon when the session allows coupons, else the session one', () => {
    expect(checkoutChoice(session, completion({ couponCode: 'typed' })).couponCode).toBe('typed');
    expect(checkoutChoice(session, completion({})).couponCode).toBe('SESSION');
    expect(checkoutChoice({ ...session, allow_coupons: false }, completion({ couponCode: 'typed' })).couponCode).toBe('SESSION');
  });

  it('takes the email of the session before the typed one, and none when the session has its customer', () => {
    expect(checkoutChoice(session, completion({})).email).toBe('ann@example.com');
    expect(checkoutChoice({ ...session, customer_email: 'known@example.com' }, completion({})).email).toBe('known@example.com');
    expect(checkoutChoice({ ...session, customer_id: 'cus_1' }, completion({ email: '' })).email).toBeUndefined();
  });

  it('names a price that is not offered and a missing email together', () => {
    expect(() => checkoutChoice(session, completion({ priceId: 'price_9', email: ' ' }))).toThrow(
      expect.objectContaining({
        fields: [
          { path: 'priceId', message: "is not one of the session's prices" },
          { path: 'email', message: 'is required' },
        ],
      }),
    );
  });
});
