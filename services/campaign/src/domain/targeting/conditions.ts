import { isCurrency, isId } from '@azotte/common';
import { ConditionRegistry } from './registry';
import { MAX_LIST, type Condition, type Facts, type Op } from './types';

/**
 * The built-in targeting fields, one condition object each. Values are
 * compared exactly (codes are upper-case, ids case-sensitive); a fact the
 * checkout does not have (no country, no storefront) matches no `eq` or `in`
 * and every `neq` or `nin`.
 */

const EQUALITY: readonly Op[] = ['eq', 'neq', 'in', 'nin'];

/** Why `value` is not a valid operand of an equality operator, given how one item is checked. */
function equalityValueProblem(value: unknown, op: Op, item: (v: unknown) => string | undefined, what: string): string | undefined {
  if (op === 'in' || op === 'nin') {
    if (!Array.isArray(value) || value.length === 0) return `must be a non-empty list of ${what}s`;
    if (value.length > MAX_LIST) return `must list at most ${MAX_LIST} values`;
    const bad = value.findIndex((v) => item(v) !== undefined);
    if (bad >= 0) return `item ${bad}: ${item(value[bad])}`;
    return undefined;
  }
  return item(value);
}

function decideEquality(actual: string | boolean | undefined, op: Op, value: unknown): boolean {
  switch (op) {
    case 'eq':
      return actual !== undefined && actual === value;
    case 'neq':
      return actual === undefined || actual !== value;
    case 'in':
      return actual !== undefined && (value as unknown[]).includes(actual);
    case 'nin':
      return actual === undefined || !(value as unknown[]).includes(actual);
    default:
      return false;
  }
}

/** A string field answered by one fact, with eq, neq, in and nin. */
function stringField(field: string, fact: (facts: Facts) => string | undefined, item: (v: unknown) => string | undefined, what: string): Condition {
  return {
    field,
    ops: EQUALITY,
    validate: (value, op) => equalityValueProblem(value, op, item, what),
    check: (facts, op, value) => decideEquality(fact(facts), op, value),
  };
}

const idOf = (prefix: string) => (v: unknown) =>
  typeof v === 'string' && isId(v, prefix) ? undefined : `must be an id such as ${prefix}_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M`;

export const storefrontIdCondition = stringField('storefrontId', (f) => f.storefrontId, idOf('sf'), 'storefront id');
export const bundleIdCondition = stringField('bundleId', (f) => f.bundleId, idOf('bun'), 'bundle id');
export const priceIdCondition = stringField('priceId', (f) => f.priceId, idOf('price'), 'price id');

export const countryCondition = stringField(
  'country',
  (f) => f.country,
  (v) => (typeof v === 'string' && /^[A-Z]{2}$/.test(v) ? undefined : 'must be an upper-case ISO 3166-1 alpha-2 country code such as DE'),
  'country code',
);

export const currencyCondition = stringField(
  'currency',
  (f) => f.currency,
  (v) => (typeof v === 'string' && isCurrency(v) ? undefined : 'must be an upper-case ISO 4217 currency code such as EUR'),
  'currency code',
);

/** `newCustomer`: the customer has no earlier subscription. */
export const newCustomerCondition: Condition = {
  field: 'newCustomer',
  ops: ['eq', 'neq'],
  validate: (value) => (typeof value === 'boolean' ? undefined : 'must be true or false'),
  check: (facts, op, value) => decideEquality(facts.newCustomer, op, value),
};

export const METADATA_PREFIX = 'customer.metadata.';
const METADATA_KEY = /^[^[\]]{1,40}$/;

/**
 * `customer.metadata.<key>`: the customer's metadata value under `key`.
 * eq, neq, in, nin compare strings; gte and lte take a number and compare
 * numerically (a value that is not a number satisfies neither).
 */
export const metadataCondition: Condition = {
  field: `${METADATA_PREFIX}*`,
  ops: ['eq', 'neq', 'in', 'nin', 'gte', 'lte'],
  validateField: (field) =>
    METADATA_KEY.test(field.slice(METADATA_PREFIX.length))
      ? undefined
      : 'names a metadata key that cannot exist: 1 to 40 characters without [ or ]',
  validate(value, op) {
    if (op === 'gte' || op === 'lte') {
      return typeof value === 'number' && Number.isFinite(value) ? undefined : `must be a number for ${op}`;
    }
    const item = (v: unknown) => (typeof v === 'string' && v.length <= 500 ? undefined : 'must be a string of at most 500 characters');
    return equalityValueProblem(value, op, item, 'string');
  },
  check(facts, op, value, field) {
    const actual = facts.metadata[field.slice(METADATA_PREFIX.length)];
    if (op === 'gte' || op === 'lte') {
      if (actual === undefined || actual.trim() === '') return false;
      const n = Number(actual);
      if (!Number.isFinite(n)) return false;
      return op === 'gte' ? n >= (value as number) : n <= (value as number);
    }
    return decideEquality(actual, op, value);
  },
};

export const BUILT_IN_CONDITIONS: Condition[] = [
  storefrontIdCondition,
  countryCondition,
  bundleIdCondition,
  priceIdCondition,
  currencyCondition,
  newCustomerCondition,
  metadataCondition,
];

/** The registry every campaign is validated and evaluated with. */
export const defaultRegistry = new ConditionRegistry(BUILT_IN_CONDITIONS);
