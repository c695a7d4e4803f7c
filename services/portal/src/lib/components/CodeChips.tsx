import { memo, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { Button } from './Button';
import type { CodeOption } from '../countries';
import './code-chips.css';

export interface CodeChipsProps {
  /** Given by <Field>: the text input is the labelled control. */
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  value: string[];
  onChange: (codes: string[]) => void;
  options: readonly CodeOption[];
  /** The chosen codes' list, named for assistive technology ("Chosen countries"). */
  listLabel: string;
  addLabel: string;
  removeLabel: (option: CodeOption) => string;
  unknown: (text: string) => string;
  placeholder?: string;
  disabled?: boolean;
  /** Shown without the controls that would change them. */
  readOnly?: boolean;
}

/**
 * A set of ISO codes as removable chips, added by typing a code or a name
 * (with suggestions) and pressing Enter or Add. Several may be pasted at once
 * ("DE, AT, CH"). Only codes of `options` are taken.
 */
export function CodeChips({ id, value, onChange, options, listLabel, addLabel, removeLabel, unknown, placeholder, disabled, readOnly, ...aria }: CodeChipsProps) {
  const listId = useId();
  const problemId = useId();
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const byCode = useMemo(() => new Map(options.map((o) => [o.code, o])), [options]);
  const byName = useMemo(() => new Map(options.map((o) => [o.name.toLowerCase(), o])), [options]);

  const add = () => {
    const parts = draft.split(/[,;\s]+/).filter(Boolean);
    // A name of several words ("United Kingdom") is one entry, not one per word.
    const whole = byName.get(draft.trim().toLowerCase());
    const found = whole ? [whole] : parts.map((p) => byCode.get(p.toUpperCase()) ?? byName.get(p.toLowerCase()));
    const missing = whole ? [] : parts.filter((_, i) => !found[i]);
    const codes = found.filter((o): o is CodeOption => o !== undefined).map((o) => o.code);
    if (codes.length > 0) onChange([...value, ...codes.filter((c, i) => !value.includes(c) && codes.indexOf(c) === i)]);
    setProblem(missing.length > 0 ? unknown(missing.join(', ')) : undefined);
    setDraft(missing.join(' '));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      // Enter adds the code; it must not submit the form around the field.
      e.preventDefault();
      add();
    } else if (e.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };
  const describedBy = [aria['aria-describedby'], problem ? problemId : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <div className="code-chips-field">
      {value.length > 0 ? (
        <ul className="code-chips" aria-label={listLabel}>
          {value.map((code) => {
            const option = byCode.get(code) ?? { code, name: code };
            return (
              <li key={code} className="code-chip">
                <span className="code-chip-code">{code}</span>
                <span className="code-chip-name">{option.name !== code ? option.name : null}</span>
                {readOnly ? null : (
                  <button type="button" className="code-chip-remove" aria-label={removeLabel(option)} disabled={disabled} onClick={() => onChange(value.filter((c) => c !== code))}>
                    ×
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      {readOnly ? (
        value.length === 0 ? <p className="muted">—</p> : null
      ) : (
        <div className="code-chips-add">
          <input
            id={id}
            type="text"
            list={listId}
            value={draft}
            autoComplete="off"
            spellCheck={false}
            placeholder={placeholder}
            disabled={disabled}
            aria-invalid={aria['aria-invalid'] || (problem ? true : undefined)}
            aria-describedby={describedBy}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKeyDown}
          />
          <Button size="small" onClick={add} disabled={disabled || draft.trim() === ''}>
            {addLabel}
          </Button>
        </div>
      )}
      <Suggestions id={listId} options={options} />
      {problem ? (
        <p id={problemId} className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

/** Hundreds of suggestions: rendered again only when the options change. */
const Suggestions = memo(function Suggestions({ id, options }: { id: string; options: readonly CodeOption[] }) {
  return (
    <datalist id={id}>
      {options.map((o) => (
        <option key={o.code} value={o.code}>
          {o.name}
        </option>
      ))}
    </datalist>
  );
});
