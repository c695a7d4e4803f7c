import { Field } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useBuilder } from './context';
import { FIELDS, isListOp, METADATA, OPS_OF, type FieldName, type Op } from './fields';
import { RemoveButton } from './RemoveButton';
import { withField, withOp, type GroupDraft, type RuleDraft } from './tree';
import { ValueInput } from './ValueInput';

const r = t.campaigns.rules;

/** One rule: field (and the metadata key), operator, a value input typed for both, and its removal. */
export function RuleEditor({ rule, label, path, parent }: { rule: RuleDraft; label: string; path: string; parent: GroupDraft }) {
  const builder = useBuilder();
  const set = (change: (rule: RuleDraft) => RuleDraft) => builder.update(rule.id, (node) => (node.kind === 'rule' ? change(node) : node));
  const metadata = rule.field === METADATA;
  const fieldError = builder.errorAt(`${path}.field`);
  return (
    <div role="group" aria-label={label} className={['cmp-rb-rule', metadata ? 'cmp-rb-rule-metadata' : ''].join(' ').trim()}>
      <Field label={r.field} error={metadata ? undefined : fieldError} className="cmp-rb-field">
        <select
          ref={builder.focusRef(`field:${rule.id}`)}
          value={rule.field}
          onChange={(e) => set((x) => withField(x, e.target.value as FieldName))}
        >
          {FIELDS.map((f) => (
            <option key={f} value={f}>
              {r.fields[f]}
            </option>
          ))}
        </select>
      </Field>
      {metadata ? (
        <Field label={r.metadataKey} error={fieldError} className="cmp-rb-key">
          <input
            type="text"
            value={rule.key}
            placeholder={r.metadataKeyPlaceholder}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => set((x) => ({ ...x, key: e.target.value }))}
          />
        </Field>
      ) : null}
      <Field label={r.operator} error={builder.errorAt(`${path}.op`)} className="cmp-rb-op">
        <select value={rule.op} onChange={(e) => set((x) => withOp(x, e.target.value as Op))}>
          {OPS_OF[rule.field].map((op) => (
            <option key={op} value={op}>
              {r.ops[op]}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label={r.value}
        error={builder.errorAt(`${path}.value`)}
        hint={isListOp(rule.op) && !listFromOptions(rule, builder.options) ? r.listHint : undefined}
        className="cmp-rb-value"
      >
        <ValueInput rule={rule} onChange={(patch) => set((x) => ({ ...x, ...patch }))} options={builder.options} />
      </Field>
      <div className="cmp-rb-rule-remove">
        <RemoveButton label={r.removeRule} onClick={() => builder.remove(rule.id, parent)} />
      </div>
    </div>
  );
}

/** Whether the rule's list is chosen from a select (storefronts, bundles) rather than typed. */
export function listFromOptions(rule: RuleDraft, options: { storefronts?: unknown[]; bundles?: unknown[] }): boolean {
  const list = rule.field === 'storefrontId' ? options.storefronts : rule.field === 'bundleId' ? options.bundles : undefined;
  return !!list && list.length > 0;
}
