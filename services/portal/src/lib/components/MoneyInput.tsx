import { forwardRef, type InputHTMLAttributes } from 'react';

/**
 * An amount typed as a person writes it (`9.99`): text, never a number input
 * (which would go through a float); the currency shown beside it.
 */
export const MoneyInput = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & { currency: string }>(function MoneyInput(
  { currency, className, ...rest },
  ref,
) {
  return (
    <span className="money-input">
      <input ref={ref} type="text" inputMode="decimal" autoComplete="off" spellCheck={false} className={className} {...rest} />
      <span className="money-input-currency" aria-hidden="true">
        {currency}
      </span>
    </span>
  );
});
