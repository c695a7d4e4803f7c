import { isHexColor } from '../model/contrast';
import { DEFAULT_PRIMARY } from '../model/storefront-form';

export interface ColorInputProps {
  /** Given by <Field>: the hex text is the labelled control, the swatch has a name of its own. */
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  pickerLabel: string;
  disabled?: boolean;
}

/** A colour as a native picker and its #RRGGBB text side by side: either one changes both. */
export function ColorInput({ id, value, onChange, onBlur, pickerLabel, disabled, ...aria }: ColorInputProps) {
  return (
    <div className="sf-color-input">
      <input
        type="color"
        aria-label={pickerLabel}
        value={isHexColor(value) ? value.toLowerCase() : DEFAULT_PRIMARY.toLowerCase()}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value.toUpperCase())}
        onBlur={onBlur}
      />
      <input
        id={id}
        type="text"
        className="mono"
        value={value}
        placeholder={DEFAULT_PRIMARY}
        maxLength={7}
        spellCheck={false}
        autoComplete="off"
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        {...aria}
      />
    </div>
  );
}
