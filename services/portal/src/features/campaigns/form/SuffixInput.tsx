import { forwardRef, type InputHTMLAttributes } from 'react';

/** A text input with a unit beside it (%, days), drawn like the money input. */
export const SuffixInput = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & { suffix: string }>(function SuffixInput(
  { suffix, ...rest },
  ref,
) {
  return (
    <span className="money-input">
      <input ref={ref} type="text" autoComplete="off" spellCheck={false} {...rest} />
      <span className="money-input-currency" aria-hidden="true">
        {suffix}
      </span>
    </span>
  );
});
