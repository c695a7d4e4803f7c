import { describe, expect, it } from 'vitest';
import { appendChild, fromTargeting, newGroup, newRule, removeNode, toTargeting, withField, withOp, type GroupDraft } from './tree';
import { validateTree } from './validate';

const NESTED = {
  all: [
    { field: 'country', op: 'in', value: ['DE', 'AT'] },
    { any: [{ field: 'newCustomer', op: 'eq', value: true }, { field: 'customer.metadata.plan', op: 'eq', value: 'pro' }] },
  ],
};

describe('the rule tree draft', () => {
  it('reads a nested API tree and writes it back exactly', () => {
    expect(toTargeting(fromTargeting(NESTED))).toEqual(NESTED);
  });

  it('keeps every field and operator through the round trip', () => {
    const tree = {
      any: [
        { field: 'storefrontId', op: 'neq', value: 'sf_01ABC' },
        { field: 'bundleId', op: 'nin', value: ['bun_1', 'bun_2'] },
        { field: 'priceId', op: 'eq', value: 'price_9' },
        { field: 'currency', op: 'in', value: ['EUR', 'USD'] },
        { field: 'newCustomer', op: 'neq', value: false },
        { field: 'customer.metadata.seats', op: 'gte', value: 10 },
        { field: 'customer.metadata.seats', op: 'lte', value: 2.5 },
        { all: [{ any: [{ field: 'country', op: 'eq', value: 'FR' }] }] },
      ],
    };
    expect(toTargeting(fromTargeting(tree))).toEqual(tree);
  });

  it('sends no targeting for an empty root, and reads none as an empty all-group', () => {
    const root = fromTargeting(null);
    expect(root).toMatchObject({ kind: 'group', match: 'all', children: [] });
    expect(toTargeting(root)).toBeNull();
  });

  it('removes a rule anywhere in the tree, leaving the rest as it was', () => {
    const root = fromTargeting(NESTED);
    const inner = root.children[1] as GroupDraft;
    const next = removeNode(root, inner.children[0]!.id);
    expect(toTargeting(next)).toEqual({ all: [NESTED.all[0], { any: [{ field: 'customer.metadata.plan', op: 'eq', value: 'pro' }] }] });
    expect(next.children[0]).toBe(root.children[0]);
  });

  it('turns a single value into a one-item list when the operator becomes in, and back', () => {
    const rule = { ...newRule('country'), text: 'DE' };
    const listed = withOp(rule, 'in');
    expect(listed.list).toEqual(['DE']);
    expect(withOp({ ...listed, text: '' }, 'eq').text).toBe('DE');
  });

  it('resets the value and keeps a valid operator when the field changes', () => {
    const rule = { ...newRule('country'), op: 'nin' as const, list: ['DE'] };
    expect(withField(rule, 'currency')).toMatchObject({ field: 'currency', op: 'nin', list: [] });
    expect(withField(rule, 'newCustomer')).toMatchObject({ field: 'newCustomer', op: 'eq', flag: true });
  });
});

describe('the tree checks', () => {
  it('name each problem by the API path of the rule', () => {
    const root = newGroup('all', [
      { ...newRule('country'), op: 'in', list: ['de'] },
      newGroup('any', [{ ...newRule('customer.metadata'), key: '', op: 'gte', text: 'ten' }]),
      newGroup('any'),
    ]);
    expect(validateTree(root)).toEqual([
      { path: 'targeting.all.0.value', message: 'de: must be a two-letter country code such as DE' },
      { path: 'targeting.all.1.any.0.field', message: 'must be 1 to 40 characters, without [ or ]' },
      { path: 'targeting.all.1.any.0.value', message: 'must be a number' },
      { path: 'targeting.all.2.any', message: 'must hold at least one rule or group' },
    ]);
  });

  it('accept a valid tree, and an empty root', () => {
    expect(validateTree(fromTargeting(NESTED))).toEqual([]);
    expect(validateTree(newGroup())).toEqual([]);
    const root = appendChild(newGroup(), 'none', newRule());
    expect(root.children).toHaveLength(0);
  });
});
