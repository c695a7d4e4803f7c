import { looksLikeEmail, targetOf } from './targets';

it.each([
  ['cus_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M', 'customer', '/customers/cus_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M'],
  ['sub_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M', 'subscription', '/subscriptions/sub_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M'],
  ['inv_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M', 'invoice', '/invoices/inv_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M'],
  ['pay_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M', 'payment', '/payments/pay_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M'],
  ['re_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M', 'refund', '/refunds/re_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M'],
  ['cmp_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M', 'campaign', '/campaigns/cmp_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M'],
  ['bun_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M', 'bundle', '/catalog/bundles/bun_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M'],
  ['price_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M', 'price', '/catalog/prices/price_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M'],
  ['sf_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M', 'storefront', '/storefronts/sf_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M'],
  ['sr_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M', 'support request', '/support-requests/sr_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M'],
  ['  cus_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M  ', 'customer', '/customers/cus_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M'],
])('%s opens the %s page', (text, kind, path) => {
  expect(targetOf(text)).toEqual({ kind, path });
});

it.each(['ann@example.test', 'Ann', 'cus_', 'xyz_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M', 'cus_01 JDQ'])('%j is not an id it opens', (text) => {
  expect(targetOf(text)).toBeUndefined();
});

it('tells an email from a name', () => {
  expect(looksLikeEmail('ann@example.test')).toBe(true);
  expect(looksLikeEmail('Ann Example')).toBe(false);
});
