import type { Schema } from '../../../lib/api';
import { FIELDS, isFieldName, isListOp, isNumberOp, isOp, METADATA, METADATA_PREFIX, OPS_OF, type FieldName, type Op } from './fields';

/**
 * The rule tree as the builder edits it. The API's tree (`{ all: [...] }` /
 * `{ any: [...] }` of groups and `{ field, op, value }` rules) has no ids and
 * one `value` whose type depends on the field and operator; the draft gives
 * every node an id (React keys, focus) and keeps what is typed as typed:
 * `text` for one value, `list` for `in`/`nin`, `flag` for `newCustomer`, so
 * that switching operator back and forth loses nothing.
 */
export interface RuleDraft {
  kind: 'rule';
  id: string;
  field: FieldName;
  /** The key of `customer.metadata.<key>`. */
  key: string;
  op: Op;
  text: string;
  list: string[];
  flag: boolean;
}

export type Match = 'all' | 'any';

export interface GroupDraft {
  kind: 'group';
  id: string;
  match: Match;
  children: NodeDraft[];
}

export type NodeDraft = RuleDraft | GroupDraft;

/** The API's tree, as the campaign schemas type it (a JSON object). */
export type Targeting = Schema<'Targeting'>;
type ApiNode = { field: string; op: Op; value: unknown } | { all: ApiNode[] } | { any: ApiNode[] };

/** Groups nest at most this deep, the root being level 1 (the campaign service's MAX_DEPTH). */
export const MAX_DEPTH = 5;

let sequence = 0;
const nextId = (kind: string) => `${kind}-${(sequence += 1)}`;

export function newRule(field: FieldName = 'country'): RuleDraft {
  return { kind: 'rule', id: nextId('rule'), field, key: '', op: OPS_OF[field][0]!, text: '', list: [], flag: true };
}

export function newGroup(match: Match = 'all', children: NodeDraft[] = []): GroupDraft {
  return { kind: 'group', id: nextId('group'), match, children };
}

// ---- to and from the API -----------------------------------------------------------------

function ruleValue(rule: RuleDraft): unknown {
  if (rule.field === 'newCustomer') return rule.flag;
  if (isListOp(rule.op)) return rule.list;
  const text = rule.text.trim();
  // gte/lte compare numbers: a metadata number is never money, a plain Number is right here.
  if (isNumberOp(rule.op)) return text === '' || !Number.isFinite(Number(text)) ? text : Number(text);
  return text;
}

function nodeToApi(node: NodeDraft): ApiNode {
  if (node.kind === 'group') return node.match === 'all' ? { all: node.children.map(nodeToApi) } : { any: node.children.map(nodeToApi) };
  const field = node.field === METADATA ? `${METADATA_PREFIX}${node.key.trim()}` : node.field;
  return { field, op: node.op, value: ruleValue(node) };
}

/** The tree to send: null when the root has no rule (the campaign then targets everyone). */
export function toTargeting(root: GroupDraft): Targeting | null {
  if (root.children.length === 0) return null;
  return nodeToApi(root) as Targeting;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function ruleFromApi(value: Record<string, unknown>): RuleDraft {
  const rawField = typeof value.field === 'string' ? value.field : '';
  const metadata = rawField.startsWith(METADATA_PREFIX);
  const field: FieldName = metadata ? METADATA : isFieldName(rawField) ? rawField : FIELDS[1];
  const op: Op = isOp(value.op) && OPS_OF[field].includes(value.op) ? value.op : OPS_OF[field][0]!;
  const rule = newRule(field);
  rule.op = op;
  if (metadata) rule.key = rawField.slice(METADATA_PREFIX.length);
  const v = value.value;
  if (field === 'newCustomer') rule.flag = v !== false;
  else if (Array.isArray(v)) rule.list = v.map(String);
  else if (v !== undefined && v !== null) rule.text = String(v);
  return rule;
}

function nodeFromApi(value: unknown): NodeDraft {
  if (isRecord(value) && (Array.isArray(value.all) || Array.isArray(value.any))) {
    const match: Match = Array.isArray(value.all) ? 'all' : 'any';
    return newGroup(match, (value[match] as unknown[]).map(nodeFromApi));
  }
  return ruleFromApi(isRecord(value) ? value : {});
}

/** The draft of a stored tree; no tree (null) is an empty `all` group. */
export function fromTargeting(value: unknown): GroupDraft {
  const node = value === null || value === undefined ? newGroup() : nodeFromApi(value);
  return node.kind === 'group' ? node : newGroup('all', [node]);
}

// ---- editing (immutable) -----------------------------------------------------------------

/** The tree with the node `id` replaced by what `change` makes of it. */
export function updateNode(root: GroupDraft, id: string, change: (node: NodeDraft) => NodeDraft): GroupDraft {
  const visit = (node: NodeDraft): NodeDraft => {
    if (node.id === id) return change(node);
    if (node.kind === 'rule') return node;
    const children = node.children.map(visit);
    return children.some((c, i) => c !== node.children[i]) ? { ...node, children } : node;
  };
  return visit(root) as GroupDraft;
}

/** The tree without the node `id` (the root itself cannot be removed). */
export function removeNode(root: GroupDraft, id: string): GroupDraft {
  const visit = (group: GroupDraft): GroupDraft => {
    const kept = group.children.filter((c) => c.id !== id);
    const children = kept.map((c) => (c.kind === 'group' ? visit(c) : c));
    const same = children.length === group.children.length && children.every((c, i) => c === group.children[i]);
    return same ? group : { ...group, children };
  };
  return visit(root);
}

export function appendChild(root: GroupDraft, groupId: string, child: NodeDraft): GroupDraft {
  return updateNode(root, groupId, (g) => (g.kind === 'group' ? { ...g, children: [...g.children, child] } : g));
}

/** A rule on another field: its operator kept when the field takes it, its values reset (they were of the other field). */
export function withField(rule: RuleDraft, field: FieldName): RuleDraft {
  if (field === rule.field) return rule;
  const op = OPS_OF[field].includes(rule.op) ? rule.op : OPS_OF[field][0]!;
  return { ...rule, field, op, text: '', list: [], flag: true, key: field === METADATA ? rule.key : '' };
}

/** A rule with another operator: a single value becomes a one-item list and back. */
export function withOp(rule: RuleDraft, op: Op): RuleDraft {
  if (op === rule.op) return rule;
  const next = { ...rule, op };
  if (isListOp(op) && !isListOp(rule.op) && rule.list.length === 0 && rule.text.trim()) next.list = [rule.text.trim()];
  if (!isListOp(op) && isListOp(rule.op) && !rule.text.trim() && rule.list[0] !== undefined) next.text = rule.list[0];
  return next;
}

/** The label path of each node, as people read it: 1, 2, 2.1 … */
export const childPath = (parent: string, index: number) => (parent ? `${parent}.${index + 1}` : String(index + 1));

/** The API's path of a node's child (`targeting.all.1`): problems of both sides are keyed by it. */
export const apiChildPath = (groupPath: string, group: GroupDraft, index: number) => `${groupPath}.${group.match}.${index}`;
