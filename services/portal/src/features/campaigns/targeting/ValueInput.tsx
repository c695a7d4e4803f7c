import { t } from '../../../lib/i18n';
import type { Option, RuleOptions } from './context';
import { isCodeField, isListOp, isNumberOp, type FieldName } from './fields';
import { ListInput } from './ListInput';
import type { RuleDraft } from './tree';

const r = t.campaigns.rules;

/** The attributes <Field> gives its control: the input that receives them is the one its label names. */
interface ControlProps {
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

export interface ValueInputProps extends ControlProps {
  rule: RuleDraft;
  onChange(patch: Partial<RuleDraft>): void;
  options: RuleOptions;
}

const optionsOf = (field: FieldName, options: RuleOptions): Option[] | undefined => {
  const list = field === 'storefrontId' ? options.storefronts : field === 'bundleId' ? options.bundles : undefined;
  return list && list.length > 0 ? list : undefined;
};

const placeholderOf = (rule: RuleDraft) => {
  if (isNumberOp(rule.op)) return r.placeholders.number;
  if (rule.field === 'customer.metadata') return r.placeholders.text;
  return r.placeholders[rule.field as keyof typeof r.placeholders];
};

/**
 * The value of a rule, typed for its field and operator: yes/no for
 * `newCustomer`, a list for `in`/`nin`, a select of the environment's
 * storefronts or bundles where there are some, a number for `gte`/`lte`,
 * capitals for country and currency codes.
 */
export function ValueInput({ rule, onChange, options, ...control }: ValueInputProps) {
  const normalize = isCodeField(rule.field) ? (s: string) => s.trim().toUpperCase() : (s: string) => s.trim();
  const choices = optionsOf(rule.field, options);

  if (rule.field === 'newCustomer') {
    return (
      <select {...control} value={String(rule.flag)} onChange={(e) => onChange({ flag: e.target.value === 'true' })}>
        <option value="true">{r.yes}</option>
        <option value="false">{r.no}</option>
      </select>
    );
  }

  if (isListOp(rule.op)) {
    return (
      <ListInput
        {...control}
        values={rule.list}
        onChange={(list) => onChange({ list })}
        options={choices}
        chooseLabel={rule.field === 'storefrontId' || rule.field === 'bundleId' ? r.choose[rule.field] : undefined}
        normalize={normalize}
        placeholder={placeholderOf(rule)}
      />
    );
  }

  if (choices && (rule.field === 'storefrontId' || rule.field === 'bundleId')) {
    const known = choices.some((c) => c.value === rule.text);
    return (
      <select {...control} value={rule.text} onChange={(e) => onChange({ text: e.target.value })}>
        <option value="">{r.choose[rule.field]}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
        {rule.text && !known ? <option value={rule.text}>{rule.text}</option> : null}
      </select>
    );
  }

  return (
    <input
      {...control}
      type="text"
      inputMode={isNumberOp(rule.op) ? 'decimal' : undefined}
      value={rule.text}
      placeholder={placeholderOf(rule)}
      maxLength={rule.field === 'country' ? 2 : rule.field === 'currency' ? 3 : undefined}
      autoComplete="off"
      spellCheck={false}
      onChange={(e) => onChange({ text: isCodeField(rule.field) ? e.target.value.toUpperCase() : e.target.value })}
    />
  );
}
