import { describe, expect, it } from 'vitest';
import { aCustomer } from '../testing';
import { customerSchema, toCreateBody, toUpdateBody, valuesOf } from './customer-form';

describe('the customer form', () => {
  it('sends only what was filled in when creating', () => {
    const body = toCreateBody({ email: ' ann@example.com ', name: '', country: 'de', locale: '', storefrontId: '', metadata: [{ key: 'crm', value: '42' }, { key: '', value: '' }] });
    expect(body).toEqual({ email: 'ann@example.com', country: 'DE', metadata: { crm: '42' } });
  });

  it('sends what changed when editing, a removed metadata key as null (the API merges key by key)', () => {
    const customer = aCustomer({ metadata: { crm: '42', plan: 'gold' } });
    const values = { ...valuesOf(customer), name: '', metadata: [{ key: 'crm', value: '43' }] };
    expect(toUpdateBody(customer, values)).toEqual({ name: null, metadata: { plan: null, crm: '43' } });
  });

  it('sends nothing when nothing changed', () => {
    const customer = aCustomer({ metadata: { crm: '42' } });
    expect(toUpdateBody(customer, valuesOf(customer))).toEqual({});
  });

  it('names each problem beside its field', () => {
    const result = customerSchema.safeParse({ email: 'ann', name: '', country: 'Germany', locale: '', storefrontId: '', metadata: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }] });
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(['email', 'country', 'metadata.1.key']);
  });
});
