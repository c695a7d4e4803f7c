import { changedFields, customerFromRequest, mergeCustomer } from '../src/domain/customer-fields';
import { mergeMetadata, sameMetadata } from '../src/domain/metadata';
import type { CustomerFields } from '../src/domain/validation';

const stored: CustomerFields = {
  email: 'anna@example.com',
  name: 'Anna',
  country: 'DE',
  locale: 'de-DE',
  storefrontId: 'sf_1',
  metadata: { plan: 'gold', source: 'ads' },
};
const update = (changes: Record<string, unknown>) => ({ id: 'cus_1', metadata: {}, clearMetadata: false, ...changes });

describe('metadata', () => {
  test.each([
    [{ a: '1' }, { b: '2' }, false, { a: '1', b: '2' }],
    [{ a: '1' }, { a: '3' }, false, { a: '3' }],
    [{ a: '1', b: '2' }, { a: '' }, false, { b: '2' }],
    [{ a: '1', b: '2' }, { c: '3' }, true, { c: '3' }],
    [{}, { a: '' }, false, {}],
  ])('%j merged with %j (clear: %s) is %j', (before, changes, clear, after) => {
    expect(mergeMetadata(before, changes, clear)).toEqual(after);
  });

  test('compares regardless of key order', () => {
    expect(sameMetadata({ a: '1', b: '2' }, { b: '2', a: '1' })).toBe(true);
    expect(sameMetadata({ a: '1' }, { a: '1', b: '2' })).toBe(false);
    expect(sameMetadata({ a: '1' }, { b: '1' })).toBe(false);
  });
});

describe('a customer', () => {
  test('from a create request takes empty strings as absent', () => {
    expect(customerFromRequest({ email: 'a@b.c', name: '', country: 'DE', metadata: { a: '1', b: '' } })).toEqual({
      email: 'a@b.c',
      name: undefined,
      country: 'DE',
      locale: undefined,
      storefrontId: undefined,
      metadata: { a: '1' },
    });
  });

  test('after an update keeps what is absent and removes what is empty', () => {
    expect(mergeCustomer(stored, update({ name: 'Anna Maria', country: '', metadata: { source: '', x: 'y' } }))).toEqual({
      ...stored,
      name: 'Anna Maria',
      country: undefined,
      metadata: { plan: 'gold', x: 'y' },
    });
    expect(mergeCustomer(stored, update({}))).toEqual(stored);
  });

  test('changes are named by field', () => {
    expect(changedFields(stored, { ...stored })).toEqual([]);
    expect(changedFields(stored, { ...stored, locale: undefined, metadata: { plan: 'gold' } })).toEqual(['locale', 'metadata']);
  });
});
