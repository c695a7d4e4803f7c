/**
 * The targeting fields and operators of API.md "Campaigns", as the campaign
 * service registers them: each field takes only its own operators (the
 * service answers any other with a 400 naming the rule).
 */
export const OPS = ['eq', 'neq', 'in', 'nin', 'gte', 'lte'] as const;
export type Op = (typeof OPS)[number];

/** The family `customer.metadata.<key>`: the builder asks for the key apart. */
export const METADATA = 'customer.metadata';
export const METADATA_PREFIX = `${METADATA}.`;

export const FIELDS = ['storefrontId', 'country', 'bundleId', 'priceId', 'currency', 'newCustomer', METADATA] as const;
export type FieldName = (typeof FIELDS)[number];

const EQUALITY: readonly Op[] = ['eq', 'neq', 'in', 'nin'];

export const OPS_OF: Record<FieldName, readonly Op[]> = {
  storefrontId: EQUALITY,
  country: EQUALITY,
  bundleId: EQUALITY,
  priceId: EQUALITY,
  currency: EQUALITY,
  newCustomer: ['eq', 'neq'],
  [METADATA]: OPS,
};

/** `in` and `nin` take a list of values. */
export const isListOp = (op: Op) => op === 'in' || op === 'nin';

/** `gte` and `lte` compare numbers (metadata values read as numbers). */
export const isNumberOp = (op: Op) => op === 'gte' || op === 'lte';

/** The id prefix of the fields whose values are ids. */
export const ID_PREFIX: Partial<Record<FieldName, string>> = { storefrontId: 'sf', bundleId: 'bun', priceId: 'price' };

/** Fields typed in capitals (codes): the builder upper-cases what is typed. */
export const isCodeField = (field: FieldName) => field === 'country' || field === 'currency';

export const isFieldName = (value: string): value is FieldName => (FIELDS as readonly string[]).includes(value);
export const isOp = (value: unknown): value is Op => typeof value === 'string' && (OPS as readonly string[]).includes(value);
