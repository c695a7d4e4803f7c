import { get, type FieldErrors } from 'react-hook-form';

/** The message at a dotted path of the form's errors (`variants.0.offer.amountOff`), if it is one. */
export function messageAt(errors: FieldErrors, path: string): string | undefined {
  const error: unknown = get(errors, path);
  if (!error || typeof error !== 'object') return undefined;
  const { message, root } = error as { message?: unknown; root?: { message?: unknown } };
  if (typeof message === 'string' && message) return message;
  return typeof root?.message === 'string' && root.message ? root.message : undefined;
}
