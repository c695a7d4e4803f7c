import { describe, expect, it } from 'vitest';
import { routeOf, safeUrl } from './navigation';

const SECRET = `hs_${'A1_-'.repeat(10)}abc`;

describe('the hosted pages by address', () => {
  it.each([
    [`/checkout/${SECRET}`, { page: 'checkout', secret: SECRET }],
    [`/customer-portal/${SECRET}`, { page: 'portal', secret: SECRET }],
    [`/customer-portal/${SECRET}/`, { page: 'portal', secret: SECRET }],
    [`/customer-portal/${SECRET}/invoices/in_01ABC`, { page: 'invoice', secret: SECRET, invoiceId: 'in_01ABC' }],
    ['/checkout/', { page: 'unknown' }],
    ['/checkout/hs_a%0Ab', { page: 'unknown' }],
    ['/customers', { page: 'unknown' }],
  ])('%s is %o', (path, route) => {
    expect(routeOf(path)).toEqual(route);
  });

  it('follows only http(s) addresses from the API', () => {
    expect(safeUrl('https://shop.example.com/thanks?session_id=cs_1')).toBe('https://shop.example.com/thanks?session_id=cs_1');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl(null)).toBeUndefined();
  });
});
