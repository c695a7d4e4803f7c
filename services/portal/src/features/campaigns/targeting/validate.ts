import { isCurrency } from '@azotte/currencies';
import { t } from '../../../lib/i18n';
import { ID_PREFIX, isListOp, isNumberOp, METADATA, type FieldName } from './fields';
import { apiChildPath, type GroupDraft, type NodeDraft, type RuleDraft } from './tree';

/** A problem of the tree, keyed by the API's own path (`targeting.all.1.any.0.value`). */
export interface TreeProblem {
  path: string;
  message: string;
}

const p = t.campaigns.rules.problems;
const METADATA_KEY = /^[^[\]]{1,40}$/;

/** Why one value of `field` cannot be sent, or undefined. The same checks as the campaign service's conditions, cheaply. */
export function valueProblem(field: FieldName, value: string): string | undefined {
  if (value.trim() === '') return p.required;
  const prefix = ID_PREFIX[field];
  if (prefix) return new RegExp(`^${prefix}_[0-9A-Za-z]+$`).test(value) ? undefined : p.id(prefix);
  if (field === 'country') return /^[A-Z]{2}$/.test(value) ? undefined : p.country;
  if (field === 'currency') return isCurrency(value) ? undefined : p.currency;
  if (field === METADATA) return value.length <= 500 ? undefined : p.text;
  return undefined;
}

function ruleProblems(rule: RuleDraft, path: string): TreeProblem[] {
  const problems: TreeProblem[] = [];
  if (rule.field === METADATA && !METADATA_KEY.test(rule.key.trim())) problems.push({ path: `${path}.field`, message: p.key });
  if (rule.field === 'newCustomer') return problems;
  let message: string | undefined;
  if (isListOp(rule.op)) {
    const bad = rule.list.find((v) => valueProblem(rule.field, v) !== undefined);
    message = rule.list.length === 0 ? p.list : bad !== undefined ? `${bad}: ${valueProblem(rule.field, bad)}` : undefined;
  } else if (isNumberOp(rule.op)) {
    const text = rule.text.trim();
    message = text === '' ? p.required : Number.isFinite(Number(text)) ? undefined : p.number;
  } else {
    message = valueProblem(rule.field, rule.text.trim());
  }
  if (message) problems.push({ path: `${path}.value`, message });
  return problems;
}

/**
 * Every problem of the tree at once. The root may be empty (no targeting);
 * a nested group may not, as the API refuses an empty list.
 */
export function validateTree(root: GroupDraft, rootPath = 'targeting'): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const visit = (node: NodeDraft, path: string, isRoot: boolean) => {
    if (node.kind === 'rule') {
      problems.push(...ruleProblems(node, path));
      return;
    }
    if (!isRoot && node.children.length === 0) problems.push({ path: `${path}.${node.match}`, message: p.emptyGroup });
    node.children.forEach((child, i) => visit(child, apiChildPath(path, node, i), false));
  };
  visit(root, rootPath, true);
  return problems;
}
