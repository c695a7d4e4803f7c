import { at, isPlainObject, type Problems } from '../problems';
import { defaultRegistry } from './conditions';
import type { ConditionRegistry } from './registry';
import { MAX_DEPTH, MAX_GROUP_SIZE, MAX_RULES, OPS, type Node, type Op, type Targeting } from './types';

/**
 * Checks a rule tree as a campaign is saved, reporting every problem with its
 * path (`targeting.all.1.any.0.op`). Returns the tree when it is valid.
 */
export function validateTargeting(
  input: unknown,
  problems: Problems,
  path = 'targeting',
  registry: ConditionRegistry = defaultRegistry,
): Targeting | undefined {
  const before = problems.list.length;
  let rules = 0;

  const group = (value: Record<string, unknown>, where: string, depth: number): void => {
    const kinds = ['all', 'any'].filter((k) => k in value);
    if (kinds.length === 2) return problems.add(where, 'must be either {all: [...]} or {any: [...]}, not both');
    const kind = kinds[0]!;
    for (const key of Object.keys(value)) if (key !== kind) problems.add(at(where, key), `is not allowed beside ${kind}`);
    const items = value[kind];
    const here = at(where, kind);
    if (!Array.isArray(items) || items.length === 0) return problems.add(here, 'must be a non-empty list of rules or groups');
    if (items.length > MAX_GROUP_SIZE) return problems.add(here, `must list at most ${MAX_GROUP_SIZE} rules or groups`);
    items.forEach((item, i) => node(item, at(here, i), depth));
  };

  const node = (value: unknown, where: string, depth: number): void => {
    if (!isPlainObject(value)) return problems.add(where, 'must be a rule {field, op, value} or a group {all: [...]} / {any: [...]}');
    if ('all' in value || 'any' in value) {
      if (depth >= MAX_DEPTH) return problems.add(where, `nests groups deeper than ${MAX_DEPTH} levels`);
      return group(value, where, depth + 1);
    }
    rules += 1;
    rule(value, where);
  };

  const rule = (value: Record<string, unknown>, where: string): void => {
    for (const key of Object.keys(value)) {
      if (!['field', 'op', 'value'].includes(key)) problems.add(at(where, key), 'is not allowed in a rule (field, op, value)');
    }
    const { field, op } = value;
    const condition = typeof field === 'string' ? registry.conditionFor(field) : undefined;
    if (typeof field !== 'string' || !condition) {
      problems.add(at(where, 'field'), `must be one of ${registry.fields().join(', ')}`);
    } else {
      const fieldProblem = condition.validateField?.(field);
      if (fieldProblem) problems.add(at(where, 'field'), fieldProblem);
    }
    if (typeof op !== 'string' || !(OPS as readonly string[]).includes(op)) {
      problems.add(at(where, 'op'), `must be one of ${OPS.join(', ')}`);
      return;
    }
    if (!condition) return;
    if (!condition.ops.includes(op as Op)) {
      problems.add(at(where, 'op'), `is not an operator of ${field}: use ${condition.ops.join(', ')}`);
      return;
    }
    if (!('value' in value)) return problems.add(at(where, 'value'), 'is required');
    const valueProblem = condition.validate(value.value, op as Op);
    if (valueProblem) problems.add(at(where, 'value'), valueProblem);
  };

  if (!isPlainObject(input) || !('all' in input || 'any' in input)) {
    problems.add(path, 'must be a group: {all: [rules…]} or {any: [rules…]}');
    return undefined;
  }
  group(input, path, 1);
  if (rules > MAX_RULES) problems.add(path, `must hold at most ${MAX_RULES} rules`);
  return problems.list.length > before ? undefined : (input as Targeting);
}

/** True when the node is a group rather than a rule. */
export const isGroup = (node: Node): node is Targeting => 'all' in node || 'any' in node;
