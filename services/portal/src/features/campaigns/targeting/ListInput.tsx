import { useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { t } from '../../../lib/i18n';
import type { Option } from './context';

const r = t.campaigns.rules;

export interface ListInputProps {
  values: string[];
  onChange(values: string[]): void;
  /** When given, values are chosen from a select instead of typed. */
  options?: Option[] | undefined;
  chooseLabel?: string | undefined;
  normalize(text: string): string;
  placeholder?: string | undefined;
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/**
 * A list of values (for `in` / `nin`) as removable chips, added by typing
 * (Enter or a comma ends a value; a pasted "DE, AT" is two) or by choosing
 * from a select. Backspace in the empty input removes the last value.
 */
export function ListInput({ values, onChange, options, chooseLabel, normalize, placeholder, ...control }: ListInputProps) {
  const [draft, setDraft] = useState('');
  const labelOf = (value: string) => options?.find((o) => o.value === value)?.label ?? value;

  const add = (items: string[]) => {
    const next = [...values];
    for (const item of items.map(normalize)) if (item && !next.includes(item)) next.push(item);
    if (next.length !== values.length) onChange(next);
  };
  const commit = () => {
    if (draft.trim()) add(draft.split(','));
    setDraft('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter ends a value here; it must not submit the campaign form.
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Backspace' && draft === '' && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };
  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text');
    if (!/[,\n]/.test(text)) return;
    e.preventDefault();
    add((draft + text).split(/[,\n]/));
    setDraft('');
  };

  const remaining = options?.filter((o) => !values.includes(o.value));
  return (
    <div className="cmp-list-input">
      {values.length > 0 ? (
        <ul className="cmp-chips">
          {values.map((value) => (
            <li key={value} className="cmp-chip">
              <span>{labelOf(value)}</span>
              <button type="button" className="cmp-chip-remove" aria-label={r.removeValue(labelOf(value))} onClick={() => onChange(values.filter((v) => v !== value))}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {remaining ? (
        <select
          {...control}
          value=""
          onChange={(e) => {
            if (e.target.value) add([e.target.value]);
          }}
        >
          <option value="">{chooseLabel ?? r.listAdd}</option>
          {remaining.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...control}
          type="text"
          value={draft}
          placeholder={values.length === 0 ? placeholder : undefined}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={commit}
        />
      )}
    </div>
  );
}
