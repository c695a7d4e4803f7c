import {
  ConditionRegistry,
  defaultRegistry,
  matchesTargeting,
  validateTargeting,
  OPS,
  type Condition,
  type Facts,
  type Op,
  type Targeting,
} from '../src/domain/targeting';
import { Problems } from '../src/domain/problems';

const SF = 'sf_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M';
const SF2 = 'sf_01JDQ4ZC3Y6Q8G5T6W9N2K7B2N';
const BUN = 'bun_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M';
const BUN2 = 'bun_01JDQ4ZC3Y6Q8G5T6W9N2K7B2N';
const PRICE = 'price_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M';
const PRICE2 = 'price_01JDQ4ZC3Y6Q8G5T6W9N2K7B2N';

const facts = (overrides: Partial<Facts> = {}): Facts => ({
  storefrontId: SF,
  country: 'DE',
  bundleId: BUN,
  priceId: PRICE,
  currency: 'EUR',
  newCustomer: true,
  metadata: { plan: 'gold', seats: '12' },
  ...overrides,
});

const one = (field: string, op: Op, value: unknown): Targeting => ({ all: [{ field, op, value }] });

/** Problems of a tree, as [path, message] pairs. */
function problemsOf(tree: unknown): Array<[string, string]> {
  const problems = new Problems();
  validateTargeting(tree, problems);
  return problems.list.map((p) => [p.path, p.message]);
}

describe('every field and operator decides against the checkout', () => {
  // [field, op, value, matches the default facts]
  const cases: Array<[string, Op, unknown, boolean]> = [
    ['storefrontId', 'eq', SF, true],
    ['storefrontId', 'eq', SF2, false],
    ['storefrontId', 'neq', SF2, true],
    ['storefrontId', 'neq', SF, false],
    ['storefrontId', 'in', [SF2, SF], true],
    ['storefrontId', 'in', [SF2], false],
    ['storefrontId', 'nin', [SF2], true],
    ['storefrontId', 'nin', [SF], false],
    ['country', 'eq', 'DE', true],
    ['country', 'eq', 'AT', false],
    ['country', 'neq', 'AT', true],
    ['country', 'neq', 'DE', false],
    ['country', 'in', ['AT', 'DE'], true],
    ['country', 'in', ['AT', 'CH'], false],
    ['country', 'nin', ['AT', 'CH'], true],
    ['country', 'nin', ['DE'], false],
    ['bundleId', 'eq', BUN, true],
    ['bundleId', 'eq', BUN2, false],
    ['bundleId', 'neq', BUN2, true],
    ['bundleId', 'neq', BUN, false],
    ['bundleId', 'in', [BUN], true],
    ['bundleId', 'in', [BUN2], false],
    ['bundleId', 'nin', [BUN2], true],
    ['bundleId', 'nin', [BUN, BUN2], false],
    ['priceId', 'eq', PRICE, true],
    ['priceId', 'eq', PRICE2, false],
    ['priceId', 'neq', PRICE2, true],
    ['priceId', 'neq', PRICE, false],
    ['priceId', 'in', [PRICE2, PRICE], true],
    ['priceId', 'in', [PRICE2], false],
    ['priceId', 'nin', [PRICE2], true],
    ['priceId', 'nin', [PRICE], false],
    ['currency', 'eq', 'EUR', true],
    ['currency', 'eq', 'USD', false],
    ['currency', 'neq', 'USD', true],
    ['currency', 'neq', 'EUR', false],
    ['currency', 'in', ['USD', 'EUR'], true],
    ['currency', 'in', ['USD'], false],
    ['currency', 'nin', ['USD'], true],
    ['currency', 'nin', ['EUR'], false],
    ['newCustomer', 'eq', true, true],
    ['newCustomer', 'eq', false, false],
    ['newCustomer', 'neq', false, true],
    ['newCustomer', 'neq', true, false],
    ['customer.metadata.plan', 'eq', 'gold', true],
    ['customer.metadata.plan', 'eq', 'silver', false],
    ['customer.metadata.plan', 'neq', 'silver', true],
    ['customer.metadata.plan', 'neq', 'gold', false],
    ['customer.metadata.plan', 'in', ['silver', 'gold'], true],
    ['customer.metadata.plan', 'in', ['silver'], false],
    ['customer.metadata.plan', 'nin', ['silver'], true],
    ['customer.metadata.plan', 'nin', ['gold'], false],
    ['customer.metadata.seats', 'gte', 12, true],
    ['customer.metadata.seats', 'gte', 12.5, false],
    ['customer.metadata.seats', 'lte', 12, true],
    ['customer.metadata.seats', 'lte', 11, false],
    ['customer.metadata.plan', 'gte', 1, false], // not a number: satisfies no comparison
    ['customer.metadata.missing', 'eq', 'x', false],
    ['customer.metadata.missing', 'neq', 'x', true],
    ['customer.metadata.missing', 'in', ['x'], false],
    ['customer.metadata.missing', 'nin', ['x'], true],
    ['customer.metadata.missing', 'lte', 100, false],
  ];

  test.each(cases)('%s %s %j → %s', (field, op, value, expected) => {
    const tree = one(field, op, value);
    expect(problemsOf(tree)).toEqual([]);
    expect(matchesTargeting(tree, facts())).toBe(expected);
  });

  it('covers every registered field', () => {
    const covered = new Set(cases.map(([field]) => (field.startsWith('customer.metadata.') ? 'customer.metadata.<key>' : field)));
    expect([...covered].sort()).toEqual(defaultRegistry.fields().sort());
  });
});

describe('an operator a field does not take is refused at its path', () => {
  const sample: Record<string, unknown> = {
    storefrontId: SF,
    country: 'DE',
    bundleId: BUN,
    priceId: PRICE,
    currency: 'EUR',
    newCustomer: true,
    'customer.metadata.plan': 'gold',
  };
  const refused = Object.entries(sample).flatMap(([field, value]) =>
    OPS.filter((op) => !defaultRegistry.conditionFor(field)!.ops.includes(op)).map((op) => [field, op, value] as const),
  );

  it('leaves gte and lte to metadata, and eq and neq alone to newCustomer', () => {
    expect(refused.map(([field, op]) => `${field} ${op}`)).toEqual([
      'storefrontId gte', 'storefrontId lte', 'country gte', 'country lte', 'bundleId gte', 'bundleId lte',
      'priceId gte', 'priceId lte', 'currency gte', 'currency lte', 'newCustomer in', 'newCustomer nin', 'newCustomer gte', 'newCustomer lte',
    ]);
  });

  test.each(refused)('%s %s', (field, op, value) => {
    expect(problemsOf({ any: [{ field, op, value }] })).toEqual([['targeting.any.0.op', expect.stringContaining(`not an operator of ${field}`)]]);
  });
});

describe('facts the checkout does not have', () => {
  const without = facts({ country: undefined, storefrontId: undefined });
  test.each<[string, Op, unknown, boolean]>([
    ['country', 'eq', 'DE', false],
    ['country', 'in', ['DE'], false],
    ['country', 'neq', 'DE', true],
    ['country', 'nin', ['DE'], true],
    ['storefrontId', 'eq', SF, false],
    ['storefrontId', 'nin', [SF], true],
  ])('%s %s %j → %s', (field, op, value, expected) => {
    expect(matchesTargeting(one(field, op, value), without)).toBe(expected);
  });
});

describe('groups', () => {
  const de = { field: 'country', op: 'eq', value: 'DE' } as const;
  const at = { field: 'country', op: 'eq', value: 'AT' } as const;
  const gold = { field: 'customer.metadata.plan', op: 'eq', value: 'gold' } as const;

  test.each<[string, Targeting, boolean]>([
    ['all of true, true', { all: [de, gold] }, true],
    ['all of true, false', { all: [de, at] }, false],
    ['any of false, true', { any: [at, de] }, true],
    ['any of false, false', { any: [at, at] }, false],
    ['all [any [false, true], true]', { all: [{ any: [at, de] }, gold] }, true],
    ['any [all [true, false], false]', { any: [{ all: [de, at] }, at] }, false],
    ['five levels deep', { all: [{ any: [{ all: [{ any: [{ all: [de] }] }] }] }] }, true],
  ])('%s → %s', (_name, tree, expected) => {
    expect(problemsOf(tree)).toEqual([]);
    expect(matchesTargeting(tree, facts())).toBe(expected);
  });

  it('no tree targets everyone', () => {
    expect(matchesTargeting(undefined, facts())).toBe(true);
    expect(matchesTargeting(null, facts())).toBe(true);
  });
});

describe('invalid rules are refused with the path of each problem', () => {
  test.each<[string, unknown, Array<[string, string | RegExp]>]>([
    ['a bare rule at the root', { field: 'country', op: 'eq', value: 'DE' }, [['targeting', /must be a group/]]],
    ['a list at the root', [], [['targeting', /must be a group/]]],
    ['an empty group', { all: [] }, [['targeting.all', /non-empty list/]]],
    ['both all and any', { all: [], any: [] }, [['targeting', /not both/]]],
    ['an extra key beside all', { all: [{ field: 'country', op: 'eq', value: 'DE' }], note: 'x' }, [['targeting.note', /not allowed/]]],
    ['an unknown field', { all: [{ field: 'planet', op: 'eq', value: 'x' }] }, [['targeting.all.0.field', /must be one of/]]],
    ['an unknown operator', { all: [{ field: 'country', op: 'like', value: 'D%' }] }, [['targeting.all.0.op', /must be one of eq, neq/]]],
    ['an operator the field does not take', { all: [{ field: 'country', op: 'gte', value: 'DE' }] }, [['targeting.all.0.op', /not an operator of country/]]],
    ['a boolean field compared with in', { all: [{ field: 'newCustomer', op: 'in', value: [true] }] }, [['targeting.all.0.op', /not an operator of newCustomer/]]],
    ['a missing value', { all: [{ field: 'country', op: 'eq' }] }, [['targeting.all.0.value', /required/]]],
    ['a lower-case country', { all: [{ field: 'country', op: 'eq', value: 'de' }] }, [['targeting.all.0.value', /ISO 3166-1/]]],
    ['an unknown currency', { all: [{ field: 'currency', op: 'eq', value: 'EURO' }] }, [['targeting.all.0.value', /ISO 4217/]]],
    ['in without a list', { all: [{ field: 'country', op: 'in', value: 'DE' }] }, [['targeting.all.0.value', /non-empty list/]]],
    ['in with a bad item', { all: [{ field: 'country', op: 'in', value: ['DE', 'xx'] }] }, [['targeting.all.0.value', /item 1/]]],
    ['a storefront that is not an id', { all: [{ field: 'storefrontId', op: 'eq', value: 'main' }] }, [['targeting.all.0.value', /id such as sf_/]]],
    ['a bundle id of the wrong kind', { all: [{ field: 'bundleId', op: 'eq', value: PRICE }] }, [['targeting.all.0.value', /id such as bun_/]]],
    ['newCustomer with a string', { all: [{ field: 'newCustomer', op: 'eq', value: 'yes' }] }, [['targeting.all.0.value', /true or false/]]],
    ['gte with a string', { all: [{ field: 'customer.metadata.seats', op: 'gte', value: '10' }] }, [['targeting.all.0.value', /number/]]],
    ['a metadata field without a key', { all: [{ field: 'customer.metadata.', op: 'eq', value: 'x' }] }, [['targeting.all.0.field', /must be one of/]]],
    ['a metadata key with brackets', { all: [{ field: 'customer.metadata.[x]', op: 'eq', value: 'x' }] }, [['targeting.all.0.field', /metadata key/]]],
    ['an extra key in a rule', { all: [{ field: 'country', op: 'eq', value: 'DE', not: true }] }, [['targeting.all.0.not', /not allowed/]]],
    ['a rule that is not an object', { any: ['country = DE'] }, [['targeting.any.0', /must be a rule/]]],
    [
      'problems deep in nested groups, all at once',
      {
        all: [
          { field: 'country', op: 'eq', value: 'DE' },
          { any: [{ field: 'country', op: 'approx', value: 'DE' }, { all: [{ field: 'currency', op: 'eq', value: 1 }] }] },
        ],
      },
      [
        ['targeting.all.1.any.0.op', /must be one of/],
        ['targeting.all.1.any.1.all.0.value', /ISO 4217/],
      ],
    ],
    [
      'groups nested deeper than five levels',
      { all: [{ any: [{ all: [{ any: [{ all: [{ any: [{ field: 'country', op: 'eq', value: 'DE' }] }] }] }] }] }] },
      [['targeting.all.0.any.0.all.0.any.0.all.0', /deeper than 5/]],
    ],
  ])('%s', (_name, tree, expected) => {
    const problems = problemsOf(tree);
    expect(problems.map(([path]) => path)).toEqual(expected.map(([path]) => path));
    problems.forEach(([, message], i) => expect(message).toMatch(expected[i]![1]));
  });

  it('refuses more than 100 rules in a tree', () => {
    const rule = { field: 'country', op: 'eq', value: 'DE' };
    const tree = { any: [{ all: Array(50).fill(rule) }, { all: Array(50).fill(rule) }, rule] };
    expect(problemsOf(tree)).toEqual([['targeting', 'must hold at most 100 rules']]);
  });
});

describe('the registry', () => {
  it('takes a new condition without any change to validation or evaluation', () => {
    const weekday: Condition = {
      field: 'weekday',
      ops: ['eq'],
      validate: (value) => (typeof value === 'number' ? undefined : 'must be a number'),
      check: () => true,
    };
    const registry = new ConditionRegistry([weekday]);
    const problems = new Problems();
    const tree = validateTargeting({ all: [{ field: 'weekday', op: 'eq', value: 3 }] }, problems, 'targeting', registry);
    expect(problems.list).toEqual([]);
    expect(matchesTargeting(tree, facts(), registry)).toBe(true);
    expect(registry.conditionFor('country')).toBeUndefined();
  });

  it('refuses a field registered twice', () => {
    expect(() => new ConditionRegistry([defaultRegistry.conditionFor('country')!, defaultRegistry.conditionFor('country')!])).toThrow(/twice/);
  });
});
