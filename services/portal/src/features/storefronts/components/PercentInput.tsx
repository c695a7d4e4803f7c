import { forwardRef, type InputHTMLAttributes } from 'react';

/** A percentage typed as text (`19`, `7.7`), the % sign shown beside it. */
export const PercentInput = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>(function PercentInput(props, ref) {
  return (
    <span className="sf-suffix-input">
      <input ref={ref} type="text" inputMode="decimal" autoComplete="off" {...props} />
      <span aria-hidden="true">%</span>
    </span>
  );
});
