import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from 'react';

export interface FieldProps {
  label: ReactNode;
  /** The message beside the field: a browser check or the API's `errors[]` entry for it. */
  error?: string | undefined;
  hint?: ReactNode;
  /** One input element; it receives id, aria-invalid and aria-describedby. */
  children: ReactElement<Record<string, unknown>>;
  className?: string;
}

/** A visible label bound to its input, the hint and the error announced with it (aria-describedby). */
export function Field({ label, error, hint, children, className }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const control = isValidElement(children)
    ? cloneElement(children, {
        id: (children.props.id as string | undefined) ?? id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
      })
    : children;
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].join(' ').trim()}>
      <label htmlFor={(children.props.id as string | undefined) ?? id}>{label}</label>
      {control}
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A group of checkboxes or radios under one legend. */
export function Fieldset({ legend, error, children, className }: { legend: ReactNode; error?: string | undefined; children: ReactNode; className?: string }) {
  return (
    <fieldset className={['fieldset', error ? 'field-invalid' : '', className ?? ''].join(' ').trim()}>
      <legend>{legend}</legend>
      {children}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
