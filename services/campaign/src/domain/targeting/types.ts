/**
 * Targeting as data (STYLE.md, after vendure and medusa): a campaign stores a
 * rule tree, and small registered condition objects, one per field, check it.
 *
 *   tree  = { all: [node, …] } | { any: [node, …] }       (1..50 nodes, nestable to MAX_DEPTH)
 *   node  = tree | rule
 *   rule  = { field, op, value }
 */
export const OPS = ['eq', 'neq', 'in', 'nin', 'gte', 'lte'] as const;
export type Op = (typeof OPS)[number];

export interface Rule {
  field: string;
  op: Op;
  value: unknown;
}

export type Group = { all: Node[] } | { any: Node[] };
export type Node = Group | Rule;

/** The root of the tree is always a group. */
export type Targeting = Group;

/** A group may hold other groups down to this depth (the root group is level 1). */
export const MAX_DEPTH = 5;
export const MAX_GROUP_SIZE = 50;
/** Rules in a whole tree. */
export const MAX_RULES = 100;
/** Values of an `in` / `nin` list. */
export const MAX_LIST = 100;

/** What a rule can be checked against: one checkout. Absent facts match no `eq`/`in` and every `neq`/`nin`. */
export interface Facts {
  storefrontId?: string;
  country?: string;
  bundleId: string;
  priceId: string;
  currency: string;
  /** True when the customer has no earlier subscription (and no redemption reserved for one). */
  newCustomer: boolean;
  /** The customer's metadata, for `customer.metadata.<key>`. */
  metadata: Record<string, string>;
}

/**
 * One targeting field: which operators it takes, how a rule's value is
 * checked when a campaign is saved, and how a rule is decided against facts.
 * `field` is the name used in rules; a name ending in `.*` covers a family
 * (`customer.metadata.*` answers `customer.metadata.plan`).
 */
export interface Condition {
  field: string;
  ops: readonly Op[];
  /** For a family: why this member's name cannot be used (`customer.metadata.[x]`). */
  validateField?(field: string): string | undefined;
  /** Why `value` cannot be used with `op`, or undefined when it can. */
  validate(value: unknown, op: Op): string | undefined;
  /** Whether the facts satisfy the rule. Called only with values `validate` accepted. */
  check(facts: Facts, op: Op, value: unknown, field: string): boolean;
}
