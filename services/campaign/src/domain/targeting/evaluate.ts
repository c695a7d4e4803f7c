import { defaultRegistry } from './conditions';
import type { ConditionRegistry } from './registry';
import type { Facts, Node, Rule, Targeting } from './types';
import { isGroup } from './validate';

/**
 * Whether the facts of a checkout satisfy a (validated) rule tree: `all`
 * needs every node, `any` at least one. No tree targets everyone.
 */
export function matchesTargeting(tree: Targeting | undefined | null, facts: Facts, registry: ConditionRegistry = defaultRegistry): boolean {
  if (!tree) return true;
  const decide = (node: Node): boolean => {
    if (isGroup(node)) return 'all' in node ? node.all.every(decide) : node.any.some(decide);
    const rule = node as Rule;
    const condition = registry.conditionFor(rule.field);
    // A field unknown now (a condition retired since the campaign was saved) matches nothing.
    if (!condition || !condition.ops.includes(rule.op)) return false;
    return condition.check(facts, rule.op, rule.value, rule.field);
  };
  return decide(tree);
}
