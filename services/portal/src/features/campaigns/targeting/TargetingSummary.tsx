import { t } from '../../../lib/i18n';
import type { RuleOptions } from './context';
import { isListOp, METADATA } from './fields';
import { fromTargeting, type GroupDraft, type NodeDraft, type RuleDraft } from './tree';

const r = t.campaigns.rules;

function ValueText({ rule, options }: { rule: RuleDraft; options: RuleOptions }) {
  const list = rule.field === 'storefrontId' ? options.storefronts : rule.field === 'bundleId' ? options.bundles : undefined;
  const name = (v: string) => list?.find((o) => o.value === v)?.label ?? v;
  if (rule.field === 'newCustomer') return <strong>{rule.flag ? t.common.yes : t.common.no}</strong>;
  const values = isListOp(rule.op) ? rule.list : [rule.text];
  const quote = rule.field === METADATA && (rule.op === 'eq' || rule.op === 'neq' || isListOp(rule.op));
  return (
    <>
      {values.map((v, i) => (
        <span key={`${v}-${i}`}>
          {i > 0 ? ', ' : null}
          <strong>{quote ? `“${v}”` : name(v)}</strong>
        </span>
      ))}
    </>
  );
}

function Node({ node, options }: { node: NodeDraft; options: RuleOptions }) {
  if (node.kind === 'group') return <Group group={node} options={options} />;
  const field = node.field === METADATA ? r.metadataField(node.key) : r.fields[node.field];
  return (
    <span className="cmp-ts-rule">
      {field} <span className="cmp-ts-op">{r.ops[node.op]}</span> <ValueText rule={node} options={options} />
    </span>
  );
}

function Group({ group, options }: { group: GroupDraft; options: RuleOptions }) {
  return (
    <div className="cmp-ts-group">
      <span className="cmp-ts-match">{group.match === 'all' ? r.summaryAll : r.summaryAny}</span>
      <ul>
        {group.children.map((child) => (
          <li key={child.id}>
            <Node node={child} options={options} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A stored rule tree in words, nested as it is built: "All of: Country is one of DE, AT; Any of: …". */
export function TargetingSummary({ targeting, options = {} }: { targeting: unknown; options?: RuleOptions }) {
  const root = fromTargeting(targeting);
  if (root.children.length === 0) return <p className="muted">{r.summaryNone}</p>;
  return (
    <div className="cmp-targeting-summary">
      <Group group={root} options={options} />
    </div>
  );
}
